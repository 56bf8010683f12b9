#!/usr/bin/env bash
# Regenerate every app icon the Tauri bundler needs from icons/icon.svg.
#
# Usage (from anywhere):  bash icons/make-icons.sh
#
# Needs npx (Node.js); the Tauri CLI is fetched by npx into its own cache, nothing is installed
# globally. rsvg-convert (Debian/Ubuntu: librsvg2-bin) is only used as a fallback if the CLI
# cannot read the SVG directly. Override the CLI with TAURI_CLI="..." if needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/icon.svg"
tauri_cli="${TAURI_CLI:-npx --yes @tauri-apps/cli@2}"

die() { echo "make-icons: $*" >&2; exit 1; }

[[ -f "$src" ]] || die "missing $src"
command -v npx >/dev/null 2>&1 || die "npx not found: install Node.js (which provides npm and npx) and re-run"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Generate into a scratch folder first, so a failed run leaves icons/ untouched and the
# mobile (android/, ios/) sets the CLI also makes never land here: this is a desktop app.
if ! (cd "$work" && $tauri_cli icon "$src" -o "$work/out"); then
  echo "make-icons: the Tauri CLI could not use the SVG directly; rasterising it first" >&2
  command -v rsvg-convert >/dev/null 2>&1 ||
    die "rsvg-convert not found: install librsvg2-bin (Debian/Ubuntu) or librsvg (Homebrew)"
  rsvg-convert --width 1024 --height 1024 --keep-aspect-ratio "$src" -o "$work/icon-1024.png"
  rm -rf "$work/out"
  (cd "$work" && $tauri_cli icon "$work/icon-1024.png" -o "$work/out")
fi

# Desktop icons (and the Windows Store logos) only.
shopt -s nullglob
generated=("$work"/out/*.png "$work"/out/*.ico "$work"/out/*.icns)
shopt -u nullglob
(( ${#generated[@]} > 0 )) || die "the Tauri CLI produced no icons"

for f in 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico icon.icns; do
  [[ -s "$work/out/$f" ]] || die "the Tauri CLI did not produce $f"
done

# Tauri refuses PNGs that are not 8-bit RGBA: check bit depth (byte 25) and colour type (byte 26).
for f in "$work"/out/*.png; do
  hdr="$(od -An -tu1 -j24 -N2 "$f" | tr -s ' ')"
  [[ "$hdr" == " 8 6" ]] || die "$(basename "$f") is not 8-bit RGBA (bit depth, colour type:$hdr)"
done

cp -f "${generated[@]}" "$here/"
rm -rf "$here/android" "$here/ios"

echo "make-icons: wrote ${#generated[@]} files to $here:"
(cd "$here" && ls -1 -- *.png *.ico *.icns)
