#!/usr/bin/env bash
# Start-up of the window on the large record (10 school years x 300 children), release build:
# from launch to the first screen showing real data ("ready in N ms" in the log), median of
# $LAUNCHES launches, and the memory of the app with its WebKit processes once ready: the sum of
# their proportional set sizes (PSS, shared pages split between them) and of their resident sizes
# (RSS, shared pages counted in each). Runs under a virtual display. Prints figures; asserts
# nothing. Part of `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."

LAUNCHES=${LAUNCHES:-5}
# The window needs a display: without one, the script runs itself again under a virtual one.
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" "$0" "$@"
fi
cargo build --release -p rapport -p rapport-desktop >&2

# The large record is generated once and kept in target/ (rebuilt by `make clean`).
large=target/bench-startup/large.sqlite3
if [ ! -f "$large" ]; then
  mkdir -p "$(dirname "$large")"
  echo "generating the large record (10 years x 300 children)..." >&2
  target/release/rapport --db "$large.tmp" demo --students 300 --years 10 >&2
  mv "$large.tmp" "$large"
fi

# The sum of a memory field (Pss, Rss) over a process and its descendants, in MB.
memory_of_tree() {
  local root=$1 field=$2 pids total=0
  pids="$root $(pgrep -P "$root" | xargs -r -n1 sh -c 'echo $0; pgrep -P $0' | tr '\n' ' ')"
  for pid in $pids; do
    kb=$(awk -v f="$field:" '$1 == f { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# One copy of the record for every launch, as a teacher opens theirs day after day; a first
# launch, not counted, takes its first backup.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$large" "$dir/rapport.sqlite3"

run_once() {
  local log pid ready="" waited=0 before
  log="$dir/logs/rapport.log"
  before=$(grep -c 'ready in' "$log" 2>/dev/null || true); before=${before:-0}
  RAPPORT_DATA_DIR="$dir" target/release/rapport-desktop >/dev/null 2>&1 &
  pid=$!
  while [ -z "$ready" ] && [ $waited -lt 300 ]; do
    sleep 0.1
    waited=$((waited + 1))
    now=$(grep -c 'ready in' "$log" 2>/dev/null || true)
    if [ "${now:-0}" -gt "$before" ]; then
      ready=$(grep -o 'ready in [0-9]* ms' "$log" | tail -1 | grep -o '[0-9]*')
    fi
  done
  sleep 2
  local pss rss
  pss=$(memory_of_tree "$pid" Pss)
  rss=$(memory_of_tree "$pid" Rss)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "${ready:-timeout} $pss $rss"
}

run_once >/dev/null
sleep 5
results=$(for _ in $(seq "$LAUNCHES"); do run_once; done)

# A desktop always has a session bus, and on it the accessibility bus; without one (a bare
# virtual display, as in CI) GTK spends about 100 ms at every start looking for it. Both are
# measured: first as the script was started, then in a session bus of its own.
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then bus="with a session bus"; else bus="no session bus"; fi
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
readies=$(echo "$results" | awk '{ print $1 }' | tr '\n' ' ')
echo "window start-up on the large record ($bus), launch to ready ($LAUNCHES launches): median $(echo "$results" | awk '{ print $1 }' | median) ms (each: $readies)"
echo "app and WebKit processes once ready ($bus): median $(echo "$results" | awk '{ print $2 }' | median) MB PSS, $(echo "$results" | awk '{ print $3 }' | median) MB RSS summed"
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "$0" "$@" 2>/dev/null
fi
