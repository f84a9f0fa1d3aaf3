#!/usr/bin/env bash
# Regenerates README's picture: runs `recdeck demo` in a private tmux server at 120x36, lets the
# simulated feed run a few seconds, moves the selection, captures the screen with its colours
# (capture-pane -e) and renders it to docs/recdeck.svg with scripts/ansi2svg.py.
#   scripts/screenshot.sh [OUTPUT]      default docs/recdeck.svg
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-docs/recdeck.svg}
command -v tmux >/dev/null || { echo "needs tmux (apt-get install tmux)" >&2; exit 2; }
swift build --product recdeck >/dev/null
binary=$(swift build --show-bin-path)/recdeck
socket=$(mktemp -u /tmp/recdeck-shot-XXXXXX)
conf=$(mktemp /tmp/recdeck-shot-conf-XXXXXX)
printf 'set -g default-terminal tmux-256color\nset -g status off\nset -g remain-on-exit on\n' > "$conf"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -f "$socket" "$conf"' EXIT
tmux -S "$socket" -f "$conf" new-session -d -x 120 -y 36 \
    "env -i PATH=/usr/bin:/bin HOME=$HOME LANG=C.UTF-8 TERM=tmux-256color TZ=UTC '$binary' demo --utc"
sleep 8
tmux -S "$socket" send-keys j j
sleep 1
mkdir -p "$(dirname "$output")"
tmux -S "$socket" capture-pane -e -p | python3 scripts/ansi2svg.py --columns 120 --rows 36 > "$output"
tmux -S "$socket" send-keys q
echo "wrote $output" >&2
