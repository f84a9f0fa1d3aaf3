#!/usr/bin/env bash
# Fuzz recdeck's decoder with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS]        default 60; crashes land in Fuzz/crashes/
#
# Builds Fuzz/DecoderFuzzer.swift together with RecDeckCore's sources (-sanitize=fuzzer,address),
# seeds the corpus from the project's example events (and ../shared/samples when present), then
# runs for SECONDS on all cores. A crash is saved as Fuzz/crashes/crash-*; turn each into a
# regression test in Tests/RecDeckCoreTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out" Fuzz/crashes "$out/corpus"

swiftc -sanitize=fuzzer,address -O -parse-as-library -module-name RecDeckCore \
    $(find Sources/RecDeckCore -name '*.swift' | sort) Fuzz/DecoderFuzzer.swift \
    -o "$out/decoder-fuzzer"

# Seeds: every example event file, the shared samples, and the regression inputs kept so far.
find examples -type f -name '*.json*' -exec cp {} "$out/corpus/" \; 2>/dev/null || true
if [[ -d ../shared/samples ]]; then find ../shared/samples -name '*.json' -exec cp {} "$out/corpus/" \; ; fi
if [[ -d Tests/RecDeckCoreTests/FuzzInputs ]]; then cp Tests/RecDeckCoreTests/FuzzInputs/* "$out/corpus/" 2>/dev/null || true; fi

jobs=$(nproc)
echo "fuzzing the decoder for ${seconds}s on $jobs cores" >&2
"$out/decoder-fuzzer" "$out/corpus" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" \
    -artifact_prefix=Fuzz/crashes/ -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tee "$out/fuzz.log" | grep -E "^#|DONE|crash|ERROR|stat::" | tail -n 20
cat fuzz-*.log >> "$out/fuzz.log" 2>/dev/null && rm -f fuzz-*.log
if compgen -G "Fuzz/crashes/crash-*" > /dev/null || compgen -G "Fuzz/crashes/timeout-*" > /dev/null; then
    echo "the fuzzer found inputs that crash or hang: see Fuzz/crashes/" >&2
    exit 1
fi
echo "no crash in ${seconds}s" >&2
