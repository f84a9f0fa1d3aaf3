#!/usr/bin/env bash
# Benchmark `recdeck list DIR --format tsv` against jq extracting the same fields from the same
# files, and against the floor: only opening and reading every file.
#
#   bench/list-vs-jq.sh [N ...]        N: number of files in the corpus (default 10000)
#
# For each N: generates bench/corpus-N/ with bench/generate.py (reused when already complete with
# the same arguments), builds recdeck in release, and runs hyperfine on the commands in one run.
# Results: bench/results/list-vs-jq-N.{md,json,txt}. Timings never decide a test's result.
#
# Environment:
#   RECDECK_BUILD  swift build scratch path, relative to the package or absolute (default .build)
#   BATCH          events per file (default 1; e.g. N=2000 BATCH=500 for the 1,000,000-event corpus,
#                  written to bench/corpus-N-b500/)
#   FLAT           1: the same files hard-linked into one folder (bench/corpus-N-flat/), the other
#                  shape event folders have; the nested corpus is generated first when missing
#   SEED           generator seed (default 1)
#   CORPUS_ROOT    the folder the corpora are kept in (default bench/), e.g. /tmp to share them
#   RUNS, WARMUP   hyperfine runs and warm-up runs (default 5 and 1)
#   JQ_PARALLEL    1 (default) also times jq spread over all cores with xargs -P; 0 skips it
#   RECDECK_SKIP   1 times only jq and the floor (when recdeck list is not available)
#   NO_BUILD       1 uses the existing binary without running swift build
#   RECDECK_BEFORE another recdeck binary (an earlier build) to time in the same run, as "before"
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench_dir")
build=${RECDECK_BUILD:-.build}
batch=${BATCH:-1}
seed=${SEED:-1}
runs=${RUNS:-5}
warmup=${WARMUP:-1}
jq_parallel=${JQ_PARALLEL:-1}
skip_recdeck=${RECDECK_SKIP:-0}
filter="$bench_dir/recordings.jq"
corpus_root=${CORPUS_ROOT:-$bench_dir}
results="$bench_dir/results"
cores=$(nproc)

if [[ $# -eq 0 ]]; then set -- 10000; fi
for n in "$@"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N ...]  (N: number of files, a positive integer)" >&2; exit 2; }
done

say() { printf '%s\n' "$*" >&2; }

need_apt() { # command package: apt-get install the package when the command is missing
    command -v "$1" > /dev/null 2>&1 && return 0
    say "== installing $2"
    apt-get install -y -qq "$2" > /dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" > /dev/null; }
}

need_apt hyperfine hyperfine
need_apt jq jq
[[ -x /usr/bin/time ]] || need_apt /usr/bin/time time

if [[ $build = /* ]]; then bin="$build/release/recdeck"; else bin="$root/$build/release/recdeck"; fi
if [[ $skip_recdeck != 1 ]]; then
    if [[ ${NO_BUILD:-0} != 1 ]]; then
        say "== swift build -c release --scratch-path $build"
        (cd "$root" && swift build -c release --scratch-path "$build" >&2)
    fi
    [[ -x $bin ]] || { say "no recdeck binary at $bin"; exit 1; }
fi

mkdir -p "$results"

# The single-threaded C floor: open and read every file, nothing else.
readloop="$results/readloop"
if [[ ! -x $readloop || $bench_dir/readloop.c -nt $readloop ]]; then
    cc -O2 -o "$readloop" "$bench_dir/readloop.c"
fi

peak_rss_kb() { # command...: the largest maximum resident set size of the process tree, in KiB
    local out
    out=$(/usr/bin/time -v "$@" 2>&1 > /dev/null) || { say "failed: $*"; printf '%s\n' "$out" | tail -5 >&2; return 1; }
    printf '%s\n' "$out" | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}

for n in "$@"; do
    if [[ $batch == 1 ]]; then corpus="$corpus_root/corpus-$n"; else corpus="$corpus_root/corpus-$n-b$batch"; fi
    flat=""
    if [[ ${FLAT:-0} == 1 ]]; then flat="$corpus-flat"; fi
    name=$(basename "${flat:-$corpus}")
    marker="$corpus/.generated"
    if [[ -f $marker ]] && python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if (m["files"], m["batch"], m["seed"]) == tuple(map(int, sys.argv[2:])) else 1)' "$marker" "$n" "$batch" "$seed"; then
        say "== reusing $corpus ($(jq -r '"\(.files) files, \(.events) events, \(.recordings) recordings, 30 days up to \(.now)"' "$marker"))"
    else
        rm -rf "$corpus"
        say "== generating $corpus"
        python3 "$bench_dir/generate.py" "$corpus" --files "$n" --batch "$batch" --seed "$seed"
    fi
    if [[ -n $flat ]]; then
        if ! cmp -s "$marker" "$flat/.generated"; then
            rm -rf "$flat"
            mkdir -p "$flat"
            say "== linking the files of $corpus into one folder, $flat"
            find "$corpus" -type f -name '*.json*' -exec ln -t "$flat" {} +
            cp "$marker" "$flat/.generated"
        fi
        corpus=$flat
    fi

    # the same inputs for every command; names quoted for the shell hyperfine runs them in
    q_corpus=$(printf '%q' "$corpus")
    q_filter=$(printf '%q' "$filter")
    q_bin=$(printf '%q' "$bin")
    cmd_recdeck="$q_bin list $q_corpus --format tsv > /dev/null"
    find_events="find $q_corpus -type f \\( -name '*.json' -o -name '*.jsonl' \\) -print0"
    cmd_jq="$find_events | xargs -0 jq -r -f $q_filter > /dev/null"
    cmd_jq_par="$find_events | xargs -0 -P $cores -n 1000 jq -r -f $q_filter > /dev/null"
    cmd_floor="find $q_corpus -type f -name '*.json*' -print0 | xargs -0 cat > /dev/null"
    cmd_readloop="$(printf '%q' "$readloop") $q_corpus 2> /dev/null"

    # sanity: each command runs and what it prints
    jq_rows=$(bash -c "${cmd_jq% > /dev/null} | wc -l")
    bytes=$(find "$corpus" -type f -name '*.json*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
    say "== $name: $(find "$corpus" -type f -name '*.json*' | wc -l) files, $((bytes / 1024 / 1024)) MiB; jq prints $jq_rows rows (one per recording event, duplicates included)"
    names=() cmds=()
    if [[ $skip_recdeck != 1 ]]; then
        if ! rows=$("$bin" list "$corpus" --format tsv 2> "$results/$name-recdeck.stderr" | wc -l); then
            say "recdeck list failed on $corpus:"; tail -5 "$results/$name-recdeck.stderr" >&2; exit 1
        fi
        [[ -s $results/$name-recdeck.stderr ]] || rm -f "$results/$name-recdeck.stderr"
        say "   recdeck list prints $rows lines (one per recording, merged and deduplicated, plus any header)"
        names+=(recdeck); cmds+=("$cmd_recdeck")
        names+=(recdeck-json); cmds+=("$q_bin list $q_corpus --format json > /dev/null")
        if [[ -n ${RECDECK_BEFORE:-} ]]; then
            names+=(before); cmds+=("$(printf '%q' "$RECDECK_BEFORE") list $q_corpus --format tsv > /dev/null")
            names+=(before-json); cmds+=("$(printf '%q' "$RECDECK_BEFORE") list $q_corpus --format json > /dev/null")
        fi
    fi
    names+=(jq); cmds+=("$cmd_jq")
    if [[ $jq_parallel == 1 ]]; then names+=("jq-P$cores"); cmds+=("$cmd_jq_par"); fi
    names+=(floor); cmds+=("$cmd_floor")
    names+=(readloop); cmds+=("$cmd_readloop")

    args=()
    for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    say "== hyperfine on $name (warmup $warmup, runs $runs; load average $load)"
    hyperfine --warmup "$warmup" --runs "$runs" --style basic \
        --export-markdown "$results/list-vs-jq-$name.md" --export-json "$results/list-vs-jq-$name.json" \
        "${args[@]}" >&2

    rss_recdeck=""
    if [[ $skip_recdeck != 1 ]]; then rss_recdeck=$(peak_rss_kb "$bin" list "$corpus" --format tsv); fi
    rss_jq=$(peak_rss_kb bash -c "$cmd_jq")
    rss_before=""
    if [[ $skip_recdeck != 1 && -n ${RECDECK_BEFORE:-} ]]; then rss_before=$(peak_rss_kb "$RECDECK_BEFORE" list "$corpus" --format tsv); fi

    summary="$results/list-vs-jq-$name.txt"
    {
        echo "list-vs-jq on $name: $(find "$corpus" -type f -name '*.json*' | wc -l) files, $((bytes / 1024 / 1024)) MiB, $jq_rows recording events"
        echo "machine: $cores cores, $(uname -sr), load average before the run: $load; $(jq --version); $(hyperfine --version)"
        [[ $skip_recdeck == 1 ]] || echo "recdeck: $bin built $(date -u -r "$bin" '+%Y-%m-%d %H:%M:%SZ') (HEAD now $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?'))"
        echo
        for i in "${!names[@]}"; do printf '%-12s %s\n' "${names[$i]}" "${cmds[$i]}"; done
        echo
        python3 - "$results/list-vs-jq-$name.json" "$rss_recdeck" "$rss_jq" "$rss_before" << 'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for name, r in res.items():
    print(f"{name:<12} mean {r['mean'] * 1000:9.1f} ms ± {r['stddev'] * 1000:7.1f}   min {r['min'] * 1000:9.1f}   max {r['max'] * 1000:9.1f}"
          f"   cpu (user+sys) {(r['user'] + r['system']) * 1000:9.1f} ms")
def ratio(a, b):
    if a in res and b in res:
        print(f"{a + '/' + b:<20} {res[a]['mean'] / res[b]['mean']:6.3f} by mean   {res[a]['min'] / res[b]['min']:6.3f} by min"
              f"   {(res[a]['user'] + res[a]['system']) / (res[b]['user'] + res[b]['system']):6.3f} by cpu")
print("(on a shared machine the minimum and the cpu time are steadier than the mean)")
for other in ("jq", *[k for k in res if k.startswith("jq-P")], "floor", "readloop", "before"):
    ratio("recdeck", other)
ratio("recdeck-json", "recdeck")
ratio("jq", "floor")
ratio("jq", "recdeck")
ratio("before", "readloop")
ratio("before", "jq")
ratio("before-json", "before")
def verdict(what, a, b, target, at_most):
    if a in res and b in res:
        by_mean, by_min = res[a]["mean"] / res[b]["mean"], res[a]["min"] / res[b]["min"]
        met = by_min <= target if at_most else by_min >= target
        print(f"target {what:<34} {by_mean:6.2f}× by mean, {by_min:6.2f}× by min ({'≤' if at_most else '≥'} {target}×): {'met' if met else 'NOT met'}")
print("issue 11:")
verdict("recdeck / readloop", "recdeck", "readloop", 1.0, True)
verdict("jq / recdeck", "jq", "recdeck", 6.0, False)
verdict("recdeck json / tsv", "recdeck-json", "recdeck", 1.2, True)
print()
if sys.argv[2]:
    print(f"peak RSS recdeck list  {int(sys.argv[2]) / 1024:8.1f} MiB")
if len(sys.argv) > 4 and sys.argv[4]:
    print(f"peak RSS before list   {int(sys.argv[4]) / 1024:8.1f} MiB")
print(f"peak RSS jq (largest)  {int(sys.argv[3]) / 1024:8.1f} MiB")
EOF
    } > "$summary"
    echo
    cat "$summary"
done
