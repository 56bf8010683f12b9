//! The C allocator's settings for the whole process, made first thing in `main` (the command
//! line's and the desktop app's), before any thread starts.

/// At most two glibc malloc arenas. glibc gives a thread that meets contention an arena of its
/// own (up to eight per core) and keeps what each arena freed for that arena's later use. A
/// class's packets are made in bursts on several threads (children laid out on every core, fonts
/// parsed and streams deflated on threads of their own), so the memory held back by many arenas
/// added up: a class of 300 peaked about 11 MB higher than with two, which are no slower.
/// Elsewhere (other C libraries, Windows, macOS) memory is managed otherwise and nothing is set.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of glibc's allocator; it is called before other
    // threads exist, and a refusal (0) leaves glibc's default in place.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
