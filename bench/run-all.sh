#!/usr/bin/env bash
# The whole benchmark suite, one command, on a fresh machine: builds recdeck in release, generates
# the corpora it needs (reused when already there), and prints every figure beside its baseline
# from the same run. BENCHMARKS.md explains the figures and the targets. Timings never decide a
# test's result; nothing here is part of `swift test`.
#
#   bench/run-all.sh            everything (about 10-15 minutes on 2 cores, most of it jq)
#   QUICK=1 bench/run-all.sh    10,000 files only for `list`, fewer runs (a few minutes)
#
#   1. list      `recdeck list DIR --format tsv` vs jq (same fields) vs the bare read (find | xargs cat)
#                vs bench/readloop.c (one thread opening and reading every file, cc -O2), and
#                `--format json` vs `--format tsv`, at 10,000 and 100,000 files (nested date folders,
#                and the same 100,000 files in one folder) and 1,000,000 events in batches of 500
#                (hyperfine; peak RSS with GNU time)
#   2. start     the dashboard in tmux: first frame and fully indexed frame at 100,000 files
#                (baseline: tmux showing a line printed at once); in process: watcher start → frames
#   3. live      a file renamed into the watched tree → batch → update → frame, p50/p99, 100,000 loaded
#                (baseline: rename → raw inotify event)
#   4. memory    peak RSS of `list` (hyperfine step) and of the dashboard once indexed (tmux step)
#   5. keys      Down, PgDn and filter keystrokes at 100,000 rows → frame (in process: Msg → Buffer;
#                in tmux: key → screen changed, baseline: a key echoed by `cat`)
#   6. soak      the dashboard fully loaded, then 60 s of writes, rewrites, renames and deletions
#                (scripts/soak.py) and their cleanup: VmRSS against the one after the first load
#   7. capture   the 1,000,000 events as Event Hubs Capture files (deflate, 500 a block) listed,
#                against the same events as JSON files and fastavro reading them (bench/capture.sh)
#
# Environment: RECDECK_BUILD (scratch path, default .build), RECDECK_BEFORE (an earlier recdeck
# binary timed beside this one in step 1 and 2), SEED (corpus seed, default 1), CORPUS_ROOT (the
# folder the corpora are kept in, default bench/), ONLY_LIST=1 (step 1 only).
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench_dir")
build=${RECDECK_BUILD:-.build}
quick=${QUICK:-0}
results="$bench_dir/results"
mkdir -p "$results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
report="$results/run-all-$stamp.txt"
say() { printf '%s\n' "$*" >&2; }
corpus_root=${CORPUS_ROOT:-$bench_dir}
export CORPUS_ROOT="$corpus_root"

need_apt() { # command package
    command -v "$1" > /dev/null 2>&1 && return 0
    say "== installing $2"
    apt-get install -y -qq "$2" > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" > /dev/null; }
}
need_apt hyperfine hyperfine
need_apt jq jq
need_apt tmux tmux
[[ -x /usr/bin/time ]] || need_apt /usr/bin/time time

if [[ $build = /* ]]; then out="$build/release"; else out="$root/$build/release"; fi
say "== swift build -c release --scratch-path $build"
(cd "$root" && swift build -c release --scratch-path "$build" --product recdeck >&2 \
    && swift build -c release --scratch-path "$build" --product recdeck-ui-bench >&2)
bin="$out/recdeck"

corpus() { # files batch: the corpus directory, generated unless already complete
    local files=$1 batch=$2 dir
    if [[ $batch == 1 ]]; then dir="$corpus_root/corpus-$files"; else dir="$corpus_root/corpus-$files-b$batch"; fi
    if ! [[ -f $dir/.generated ]] || ! python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if (m["files"], m["batch"], m["seed"]) == tuple(map(int, sys.argv[2:])) else 1)' "$dir/.generated" "$files" "$batch" "${SEED:-1}"; then
        rm -rf "$dir"
        say "== generating $dir"
        python3 "$bench_dir/generate.py" "$dir" --files "$files" --batch "$batch" --seed "${SEED:-1}"
    fi
    printf '%s\n' "$dir"
}

{
    echo "recdeck benchmark suite, $(date -u '+%Y-%m-%d %H:%M:%SZ')"
    echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GiB,"
    echo "         $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); $(swift --version 2>&1 | head -1)"
    echo "recdeck: $bin (HEAD $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?'), working tree as built)"
    [[ -n ${RECDECK_BEFORE:-} ]] && echo "before:  $RECDECK_BEFORE"
    echo
} | tee "$report"

c10k=$(corpus 10000 1)
export RECDECK_BUILD="$build" NO_BUILD=1
say "== 1. list vs jq vs the bare read"
if [[ $quick == 1 ]]; then
    RUNS=3 WARMUP=1 "$bench_dir/list-vs-jq.sh" 10000 | tee -a "$report"
else
    c100k=$(corpus 100000 1)
    c1m=$(corpus 2000 500)
    RUNS=5 WARMUP=1 "$bench_dir/list-vs-jq.sh" 10000 100000 | tee -a "$report"
    # The other shape event folders have: the same 100,000 files in one folder.
    FLAT=1 RUNS=5 WARMUP=1 "$bench_dir/list-vs-jq.sh" 100000 | tee -a "$report"
    # 1,000,000 events in 2,000 files of 500: jq takes about a minute a run here.
    BATCH=500 RUNS=2 WARMUP=0 JQ_PARALLEL=0 "$bench_dir/list-vs-jq.sh" 2000 | tee -a "$report"
fi

if [[ ${ONLY_LIST:-0} == 1 ]]; then say "== done: $report"; exit 0; fi

big=${c100k:-$c10k}
say "== 2, 4, 5. the dashboard in tmux on $big"
{ echo; "$bench_dir/interactive.sh" "$bin" "$big" 3; } | tee -a "$report"
if [[ -n ${RECDECK_BEFORE:-} ]]; then
    { echo; echo "before:"; "$bench_dir/interactive.sh" "$RECDECK_BEFORE" "$big" 3; } | tee -a "$report"
fi

say "== 2, 3, 4, 5. in process (recdeck-ui-bench) on a hard-linked copy of $big"
scratch=$(mktemp -d /tmp/recdeck-ui-bench-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
cp -al "$big" "$scratch/root"
expect=$("$bin" list "$big" --format tsv 2> /dev/null | tail -n +2 | wc -l)
{ echo; "$out/recdeck-ui-bench" --root "$scratch/root" --expect "$expect" --renames 200 --keys 200; } | tee -a "$report"

say "== 6. a 60 s soak on a hard-linked copy of $big"
{ echo; "$bench_dir/soak.sh" "$bin" "$big" 60; } | tee -a "$report"

if [[ $quick != 1 ]]; then
    say "== 7. Event Hubs Capture files vs JSON files vs fastavro"
    { echo; RUNS=2 WARMUP=1 "$bench_dir/capture.sh"; } | tee -a "$report"
fi

say "== done: $report"
