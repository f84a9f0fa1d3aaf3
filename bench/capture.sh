#!/usr/bin/env bash
# Benchmark `recdeck list` on 1,000,000 events in Event Hubs Capture files (deflate, 500 events a
# block) against the same events as JSON files, and against fastavro reading the same Capture
# files in Python, in one hyperfine run. Timings never decide a test's result.
#
#   bench/capture.sh
#
# Uses CORPUS_ROOT/corpus-2000-b500 (bench/generate.py --files 2000 --batch 500: 1,000,000 events
# in JSON files of 500; generated when missing) and writes its Capture twin to
# CORPUS_ROOT/corpus-2000-b500-capture with bench/capture-corpus.py (4 partitions, 5,000 events a
# file). CORPUS_ROOT defaults to bench/.
# Results: bench/results/capture.{md,json,txt}.
#
# Environment: RECDECK_BUILD (scratch path, default .build), NO_BUILD=1 (use the built binary),
# RUNS, WARMUP (hyperfine, default 3 and 1), RECDECK_BEFORE (an earlier recdeck binary listed
# beside this one).
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench_dir")
build=${RECDECK_BUILD:-.build}
runs=${RUNS:-3}
warmup=${WARMUP:-1}
results="$bench_dir/results"
json="${CORPUS_ROOT:-$bench_dir}/corpus-2000-b500"
capture="${CORPUS_ROOT:-$bench_dir}/corpus-2000-b500-capture"
say() { printf '%s\n' "$*" >&2; }

command -v hyperfine > /dev/null || apt-get install -y -qq hyperfine > /dev/null
[[ -x /usr/bin/time ]] || apt-get install -y -qq time > /dev/null
python3 -c 'import fastavro' 2> /dev/null || python3 -m pip install --quiet fastavro==1.13.1

if [[ $build = /* ]]; then bin="$build/release/recdeck"; else bin="$root/$build/release/recdeck"; fi
if [[ ${NO_BUILD:-0} != 1 ]]; then
    say "== swift build -c release --scratch-path $build --product recdeck"
    (cd "$root" && swift build -c release --scratch-path "$build" --product recdeck >&2)
fi
[[ -f $json/.generated ]] || { rm -rf "$json"; python3 "$bench_dir/generate.py" "$json" --files 2000 --batch 500 --seed 1; }
[[ -f $capture/.generated ]] || { rm -rf "$capture"; python3 "$bench_dir/capture-corpus.py" "$json" "$capture"; }
mkdir -p "$results"

json_bytes=$(find "$json" -type f -name '*.json*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
capture_bytes=$(find "$capture" -type f -name '*.avro' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
json_rows=$("$bin" list "$json" --format tsv 2> /dev/null | wc -l)
capture_rows=$("$bin" list "$capture" --format tsv 2> /dev/null | wc -l)
say "== JSON: $(find "$json" -type f -name '*.json*' | wc -l) files, $((json_bytes >> 20)) MiB, $json_rows lines listed"
say "== Capture: $(find "$capture" -type f -name '*.avro' | wc -l) files, $((capture_bytes >> 20)) MiB, $capture_rows lines listed"
[[ $json_rows == "$capture_rows" ]] || { say "the two corpora list differently ($json_rows vs $capture_rows lines)"; exit 1; }

q_bin=$(printf '%q' "$bin") q_json=$(printf '%q' "$json") q_capture=$(printf '%q' "$capture")
q_read=$(printf '%q' "$bench_dir/fastavro-read.py")
names=(recdeck-capture recdeck-json fastavro fastavro+json)
cmds=("$q_bin list $q_capture --format tsv > /dev/null"
      "$q_bin list $q_json --format tsv > /dev/null"
      "python3 $q_read $q_capture 2> /dev/null"
      "python3 $q_read $q_capture --bodies 2> /dev/null")
if [[ -n ${RECDECK_BEFORE:-} ]]; then
    q_before=$(printf '%q' "$RECDECK_BEFORE")
    names+=(before-capture before-json)
    cmds+=("$q_before list $q_capture --format tsv > /dev/null" "$q_before list $q_json --format tsv > /dev/null")
fi
args=()
for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
load=$(cut -d' ' -f1-3 /proc/loadavg)
say "== hyperfine (warmup $warmup, runs $runs; load average $load)"
hyperfine --warmup "$warmup" --runs "$runs" --style basic \
    --export-markdown "$results/capture.md" --export-json "$results/capture.json" "${args[@]}" >&2

rss() { /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'; }
{
    echo "capture.sh: 1,000,000 events; Capture $((capture_bytes >> 20)) MiB in $(find "$capture" -name '*.avro' | wc -l) files,"
    echo "            JSON $((json_bytes >> 20)) MiB in $(find "$json" -name '*.json*' | wc -l) files; $json_rows lines listed from each"
    echo "machine: $(nproc) cores, $(uname -sr), load average before: $load; $(python3 --version), fastavro $(python3 -c 'import fastavro; print(fastavro.__version__)')"
    echo "recdeck: $bin (HEAD $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?'))"
    [[ -n ${RECDECK_BEFORE:-} ]] && echo "before:  $RECDECK_BEFORE"
    echo
    python3 - "$results/capture.json" << 'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    cpu = r["user"] + r["system"]
    print(f'{r["command"]:16} mean {r["mean"]:6.2f} s  min {r["min"]:6.2f} s  cpu {cpu:6.2f} s  '
          f'{1e6 / r["min"] / 1e3:7.0f}k events/s (min)')
PY
    echo
    echo "peak RSS: recdeck-capture $(( $(rss "$bin" list "$capture" --format tsv) >> 10 )) MiB," \
         "recdeck-json $(( $(rss "$bin" list "$json" --format tsv) >> 10 )) MiB," \
         ${RECDECK_BEFORE:+"before-capture $(( $(rss "$RECDECK_BEFORE" list "$capture" --format tsv) >> 10 )) MiB,"} \
         "fastavro+json $(( $(rss python3 "$bench_dir/fastavro-read.py" "$capture" --bodies) >> 10 )) MiB"
} | tee "$results/capture.txt"
