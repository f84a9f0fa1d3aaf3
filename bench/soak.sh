#!/usr/bin/env bash
# Memory over a soak at scale: the real dashboard (tmux) fully loads CORPUS (a hard-linked copy,
# so the corpus itself is never touched), then scripts/soak.py writes, rewrites, renames and
# deletes event files in it for SECONDS and removes everything it wrote (--cleanup). VmRSS is read
# after the first load (the baseline) and once the header is back to the first load's count; the
# target is at most 1.2 × the baseline + 10 MB.
#
#   bench/soak.sh BIN CORPUS [SECONDS] [FILES]     (defaults 60 s, 20,000 files)
set -euo pipefail

bin=${1:?usage: bench/soak.sh BIN CORPUS [SECONDS] [FILES]}
corpus=$(cd "${2:?usage: bench/soak.sh BIN CORPUS [SECONDS] [FILES]}" && pwd)
seconds=${3:-60}
files=${4:-20000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

work=$(mktemp -d /tmp/recdeck-soak-XXXXXX)
socket="$work/tmux.sock"
tm() { tmux -S "$socket" "$@"; }
cleanup() { tm kill-server > /dev/null 2>&1 || true; rm -rf "$work" "$work/events.outside"; }
trap cleanup EXIT

cp -al "$corpus" "$work/events"
expected=$("$bin" check "$work/events" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["recordings"])')
shown() { python3 -c 'import sys; print(f"{int(sys.argv[1]):,} recordings")' "$1"; }

tm new-session -d -s soak -x 160 -y 40 "$bin $work/events"
wait_for() { # DEADLINE_S TEXT: polls the screen every 200 ms until TEXT shows
    local until=$(( SECONDS + $1 ))
    while (( SECONDS < until )); do
        tm capture-pane -p -t soak | grep -qF "$2" && return 0
        sleep 0.2
    done
    echo "timed out waiting for '$2'; last screen:" >&2; tm capture-pane -p -t soak >&2; return 1
}
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }

wait_for 120 "$(shown "$expected")"
pid=$(pgrep -P "$(tm display -p -t soak '#{pane_pid}')" -x recdeck || tm display -p -t soak '#{pane_pid}')
sleep 2
loaded=$(rss_kb "$pid")
writer=$(python3 "$root/scripts/soak.py" "$work/events" --seconds "$seconds" --files "$files" --seed 7 --cleanup)
wait_for 120 "$(shown "$expected")"
sleep 2
after=$(rss_kb "$pid")
peak=$(hwm_kb "$pid")
limit=$(( loaded * 12 / 10 + 10240 ))
echo "soak writer: $writer"
echo "recordings  $expected after the first load and again after the soak's cleanup"
echo "rss         after the first load $loaded kB; after ${seconds}s of soak and its cleanup $after kB ($(awk -v a="$after" -v l="$loaded" 'BEGIN { printf "%.3f", a / l }')×); peak $peak kB"
echo "target      ≤ 1.2 × first load + 10 MB = $limit kB: $( (( after <= limit )) && echo met || echo 'not met')"
tm send-keys -t soak q
