#!/usr/bin/env bash
# recdeck serve under load: deliveries per second and p50/p99 latency on loopback, one-event
# bodies, 64 keep-alive connections (wrk from Debian), every delivery fsynced before its 200.
# Baselines from the same run: the same server answering OPTIONS (the HTTP path alone, nothing
# stored), and the disk itself storing the same way from C (bench/fsync-floor.c). BENCHMARKS.md ("recdeck serve") explains the figures. Not part of `swift test`.
#
#   bench/serve.sh              20 s per step
#   DURATION=5 bench/serve.sh   shorter
#
#   RECDECK_BIN=/tmp/recdeck-before bench/serve.sh   a prebuilt binary, no build
#
# Environment: RECDECK_BIN (a recdeck binary to measure; the build is skipped), RECDECK_BUILD
# (scratch path when building, default .build), CONNECTIONS (default 64),
# THREADS (wrk threads, default 2), SERVE_DIR (where deliveries go; default a new folder under
# /tmp, which must be a real disk for fsync to mean anything).
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench_dir")
build=${RECDECK_BUILD:-.build}
duration=${DURATION:-20}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
say() { printf '%s\n' "$*" >&2; }

command -v wrk > /dev/null 2>&1 || {
    say "== installing wrk"
    apt-get install -y -qq wrk > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk > /dev/null; }
}

if [ -n "${RECDECK_BIN:-}" ]; then
    recdeck=$RECDECK_BIN
    [ -x "$recdeck" ] || { say "RECDECK_BIN=$recdeck is not an executable"; exit 1; }
else
    say "== building recdeck (release)"
    (cd "$root" && swift build -c release --product recdeck --scratch-path "$build" > /dev/null)
    recdeck="$root/$build/release/recdeck"
fi
say "== measuring $recdeck"

directory=${SERVE_DIR:-$(mktemp -d /tmp/recdeck-serve-bench-XXXXXX)}
errors=$(mktemp)
key="bench-key-$(date +%s)-$$"
"$recdeck" serve "$directory" --headless --listen 127.0.0.1:0 --key "$key" 2> "$errors" &
server=$!
trap 'kill "$server" 2> /dev/null || true; rm -f "$errors"' EXIT
for _ in $(seq 1 300); do
    grep -q "receiving on" "$errors" && break
    sleep 0.1
done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$errors" | head -1)
url="http://127.0.0.1:$port/api/events?key=$key"
say "== server on port $port storing under $directory ($(df -T "$directory" | awk 'NR==2 {print $2}'))"

run() { # label method
    local line
    line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s -s "$bench_dir/serve-post.lua" "$url" -- "$2" | grep '^RESULT')
    printf '%-34s %s\n' "$1" "${line#RESULT }"
}

say "== warm-up"
wrk -t1 -c4 -d2s -s "$bench_dir/serve-post.lua" "$url" -- POST > /dev/null
run "baseline: OPTIONS (nothing stored)" OPTIONS
run "POST one-event delivery (fsync)" POST

# The disk's own floor, in the same run and the same file system: bench/fsync-floor.c stores as
# DeliveryStore does (two files written, fsynced and renamed, then the folder fsynced) from as
# many threads as serve stores with (ServeLimits.storeThreads), with no HTTP and no Swift.
floor_bin=$(mktemp /tmp/recdeck-fsync-floor-XXXXXX)
cc -O2 -pthread -o "$floor_bin" "$bench_dir/fsync-floor.c"
floor_dir=$(mktemp -d "$directory/../fsync-floor-XXXXXX")
printf '%-34s %s\n' "baseline: the disk (C, 32 writers)" "$("$floor_bin" "$floor_dir" 32 "$duration")"
rm -rf "$floor_dir" "$floor_bin"

kill -TERM "$server"
wait "$server" || true
stored=$(find "$directory/received" -name '*.json' | wc -l)
say "== $stored deliveries on disk; recdeck check:"
"$recdeck" check "$directory" >&2 || say "check reported problems"
[ -n "${SERVE_DIR:-}" ] || rm -rf "$directory"
