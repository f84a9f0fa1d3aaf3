#!/usr/bin/env bash
# The real dashboard in a real terminal (tmux), timed from outside: start → first frame, start →
# fully indexed frame, peak memory once indexed, one movement and one filter keystroke → the
# screen changed, and q → the process gone. Each figure has its baseline from the same run: the
# same harness with a trivial program (how long tmux takes to show a line that is printed at once,
# to echo a key; `cat` ending at Ctrl-D).
#
#   bench/interactive.sh BIN CORPUS [RUNS]
#
# BIN: a recdeck binary; CORPUS: a directory of event files (bench/generate.py); RUNS: starts to
# time (default 3). Prints one block of figures; times are wall clock, polled with `tmux
# capture-pane` (flat out for the first frame and keys, every 20 ms while the index is built), so
# they are an upper bound: each poll costs a millisecond or two, and CPU the program could use.
set -euo pipefail

bin=${1:?usage: bench/interactive.sh BIN CORPUS [RUNS]}
corpus=$(cd "${2:?usage: bench/interactive.sh BIN CORPUS [RUNS]}" && pwd)
runs=${3:-3}
width=160 height=48
command -v tmux > /dev/null || { apt-get install -y -qq tmux > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq tmux > /dev/null; }; }

work=$(mktemp -d /tmp/recdeck-interactive-XXXXXX)
sessions=0
socket="$work/tmux-0.sock"
conf="$work/tmux.conf"
printf 'set -g default-terminal tmux-256color\nset -g status off\nset -g remain-on-exit on\nset -g history-limit 100\n' > "$conf"
tm() { tmux -S "$socket" -f "$conf" "$@"; }
cleanup() { tm kill-server > /dev/null 2>&1 || true; rm -rf "$work"; }
# Each session gets a server of its own (a new socket): reusing one right after kill-server can fail.
trap cleanup EXIT

now_ns() { date +%s%N; }
screen() { tm capture-pane -p -t bench 2> /dev/null || true; }
# wait_for DEADLINE_S COMMAND...: polls until COMMAND (given the screen on stdin) succeeds.
# POLL (seconds, default 0: as fast as tmux answers) spaces the polls: each one starts a tmux
# client, and on 2 cores polling flat out takes CPU from the program being timed.
wait_for() {
    local deadline=$(( $(now_ns) + $1 * 1000000000 )); shift
    while (( $(now_ns) < deadline )); do
        if screen | "$@"; then return 0; fi
        [[ ${POLL:-0} == 0 ]] || sleep "$POLL"
    done
    echo "timed out waiting; last screen:" >&2; screen >&2; return 1
}
# wait_dead DEADLINE_S: polls until the pane's program has exited (kept by remain-on-exit).
wait_dead() {
    local deadline=$(( $(now_ns) + $1 * 1000000000 ))
    while (( $(now_ns) < deadline )); do
        [[ $(tm display -p -t bench '#{pane_dead}' 2> /dev/null) == 1 ]] && return 0
    done
    echo "timed out waiting for the program to exit" >&2; return 1
}
start_session() { # command: a fresh server and session running it
    tm kill-server > /dev/null 2>&1 || true
    sessions=$((sessions + 1))
    socket="$work/tmux-$sessions.sock"
    tm new-session -d -s bench -x "$width" -y "$height" \
        "exec env -i PATH=/usr/bin:/bin HOME=$HOME LANG=C.UTF-8 TERM=tmux-256color $1"
}
ms() { awk -v ns="$1" 'BEGIN { printf "%.1f ms", ns / 1e6 }'; }
all() { local out=() t; for t in "$@"; do out+=("$(ms "$t")"); done; local IFS=,; printf '%s' "${out[*]}" | sed 's/,/, /g'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# The number of recordings, as the header writes it (grouped by thousands).
count=$("$bin" list "$corpus" --format tsv 2> /dev/null | tail -n +2 | wc -l)
grouped=$(python3 -c "print(f'{$count:,}')")

# Baseline: the harness alone (tmux starting a program that prints at once).
base_times=()
for _ in $(seq "$runs"); do
    t0=$(now_ns); start_session "sh -c 'echo harness-ready; exec sleep 600'"
    wait_for 10 grep -q harness-ready; base_times+=($(( $(now_ns) - t0 )))
done
base=$(printf '%s\n' "${base_times[@]}" | median)

first_times=() full_times=() rss=()
for _ in $(seq "$runs"); do
    sync
    t0=$(now_ns)
    start_session "$(printf '%q' "$bin") $(printf '%q' "$corpus")"
    wait_for 20 grep -q 'recdeck  '; first_times+=($(( $(now_ns) - t0 )))
    POLL=0.02 wait_for 120 awk -v want="$grouped recordings" 'NR == 1 { exit !(index($0, want) && index($0, "live") && !index($0, "indexing")) }'
    full_times+=($(( $(now_ns) - t0 )))
    pid=$(tm display -p -t bench '#{pane_pid}')
    rss+=("$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")")
done
first=$(printf '%s\n' "${first_times[@]}" | median)
full=$(printf '%s\n' "${full_times[@]}" | median)

# Keys, on the last dashboard (fully indexed): Down moves the selection; the screen changes.
key_times=()
for _ in $(seq 20); do
    before=$(screen | md5sum)
    t0=$(now_ns); tm send-keys -t bench Down
    wait_for 10 bash -c "[[ \$(md5sum) != '$before' ]]"; key_times+=($(( $(now_ns) - t0 )))
done
key=$(printf '%s\n' "${key_times[@]}" | median)
# Filter keystrokes: open the prompt, type a call id's first characters one at a time.
tm send-keys -t bench / ; sleep 0.3
call=$("$bin" list "$corpus" --format tsv 2> /dev/null | sed -n 100p | cut -f2)
filter_times=()
for (( i = 0; i < 6; i++ )); do
    before=$(screen | md5sum)
    t0=$(now_ns); tm send-keys -t bench -l "${call:$i:1}"
    wait_for 10 bash -c "[[ \$(md5sum) != '$before' ]]"; filter_times+=($(( $(now_ns) - t0 )))
done
tm send-keys -t bench Escape; sleep 0.3
# Quitting with 100,000 recordings loaded: q → the process has exited (tmux marks the pane dead).
t0=$(now_ns); tm send-keys -t bench q
wait_dead 10; quit_time=$(( $(now_ns) - t0 ))

# Baseline for keys: a key echoed by `cat` through the same harness; for quitting, `cat` ending at Ctrl-D.
start_session "cat"; sleep 0.3
echo_times=()
for _ in $(seq 20); do
    before=$(screen | md5sum)
    t0=$(now_ns); tm send-keys -t bench -l x
    wait_for 10 bash -c "[[ \$(md5sum) != '$before' ]]"; echo_times+=($(( $(now_ns) - t0 )))
done
echo_base=$(printf '%s\n' "${echo_times[@]}" | median)
tm send-keys -t bench Enter; sleep 0.1
t0=$(now_ns); tm send-keys -t bench C-d
wait_dead 10; quit_base=$(( $(now_ns) - t0 ))

echo "interactive (tmux ${width}x${height}, $count recordings in $corpus; medians of $runs starts, 20 keys)"
echo "baseline  tmux start → a printed line on screen:          $(ms "$base")"
echo "start     recdeck start → first frame on screen:          $(ms "$first")   (all: $(all "${first_times[@]}"))"
echo "start     recdeck start → fully indexed frame on screen:  $(ms "$full")   (all: $(all "${full_times[@]}"))"
echo "rss       dashboard peak once indexed (VmHWM):            $(printf '%s\n' "${rss[@]}" | median) kB"
echo "baseline  key → echoed by cat, on screen:                 $(ms "$echo_base")"
echo "keys      Down → the screen changed:                      $(ms "$key")"
echo "keys      filter keystrokes → the screen changed:          $(all "${filter_times[@]}")   (in typing order)"
echo "baseline  Ctrl-D → cat has exited:                        $(ms "$quit_base")"
echo "keys      q → recdeck has exited:                         $(ms "$quit_time")"
