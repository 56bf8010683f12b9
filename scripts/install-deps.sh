#!/usr/bin/env bash
# Installs what Rapport needs to build (and, with --test, to run its tests) on Debian or Ubuntu,
# skipping anything already there. Uses sudo when not root. Safe to run again.
set -euo pipefail

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

# libclang-dev: SQLite's session extension (two-computer sync) is bound with bindgen at build time.
packages=(build-essential pkg-config libssl-dev libclang-dev libwebkit2gtk-4.1-dev)
# UI tests: a virtual display, xauth (xvfb only recommends it, xvfb-run needs it), WebKit's driver.
# PDF and screenshot checks use poppler, qpdf and imagemagick; DejaVu and Droid fallback fonts
# draw Arabic, Cyrillic, Vietnamese and CJK names in the window under the virtual display.
$want_test && packages+=(xvfb xauth webkit2gtk-driver poppler-utils qpdf imagemagick fonts-dejavu-core fonts-droid-fallback strace)

# node runs the page's module tests; it comes with many machines, else Debian's nodejs will do.
$want_test && ! command -v node >/dev/null && packages+=(nodejs)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "Rapport's setup knows Debian and Ubuntu; please install: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
  echo "Installing the Rust toolchain with rustup (into ~/.cargo)"
  command -v curl >/dev/null || { $sudo apt-get install -y -qq curl ca-certificates; }
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
fi

if $want_test && ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver 2 (the WebDriver bridge for the UI tests)"
  cargo install tauri-driver --locked --version '^2'
fi

# axe-core checks every screen against WCAG 2.1 A/AA in the real window (tests/e2e): the npm
# package's tarball, pinned by its SHA-256, unpacked into target/ (rebuilt from the registry).
AXE_VERSION=4.14.1
AXE_SHA256=e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
axe_dir="$(cd "$(dirname "$0")/.." && pwd)/target/axe-core"
if $want_test && [ ! -f "$axe_dir/axe-$AXE_VERSION.min.js" ]; then
  echo "Fetching axe-core $AXE_VERSION (the accessibility checks of the UI tests)"
  command -v curl >/dev/null || { ${sudo:-} apt-get install -y -qq curl ca-certificates; }
  mkdir -p "$axe_dir"
  tarball="$axe_dir/axe-core-$AXE_VERSION.tgz"
  curl -sSfL "https://registry.npmjs.org/axe-core/-/axe-core-$AXE_VERSION.tgz" -o "$tarball"
  echo "$AXE_SHA256  $tarball" | sha256sum -c --quiet -
  tar -xzf "$tarball" -C "$axe_dir" package/axe.min.js
  mv "$axe_dir/package/axe.min.js" "$axe_dir/axe-$AXE_VERSION.min.js"
  rmdir "$axe_dir/package"
  rm "$tarball"
fi
