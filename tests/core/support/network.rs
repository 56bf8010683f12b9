//! Reading an `strace -e trace=network` log: the calls that would reach beyond this machine.
//! Shared by the command line's privacy test and the window's (tests/e2e/tests/journeys/privacy.rs).

/// The calls that would reach beyond this machine: a socket of any family but Unix or netlink,
/// or an internet address given to connect, bind, send or accept. (Netlink messages that list the
/// routing table mention AF_INET in their contents; reading them is local.)
pub fn beyond_the_machine<S: AsRef<str>>(calls: &[S]) -> Vec<String> {
    calls
        .iter()
        .map(AsRef::as_ref)
        .filter(|call| {
            let name = call
                .split_whitespace()
                .nth(1)
                .and_then(|rest| rest.split('(').next())
                .unwrap_or("");
            match name {
                "socket" | "socketpair" => {
                    !(call.contains("(AF_UNIX") || call.contains("(AF_NETLINK"))
                }
                "connect" | "bind" | "sendto" | "sendmsg" | "accept" | "accept4" => {
                    call.contains("sa_family=AF_INET")
                }
                _ => false,
            }
        })
        .map(|call| call.chars().take(200).collect())
        .collect()
}
