#!/usr/bin/env bash
# Fuzz recdeck's readers with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS]            the JSON decoder (Fuzz/DecoderFuzzer.swift), default 60 s
#   Fuzz/run.sh capture [SECONDS]    the Event Hubs Capture reader (Fuzz/CaptureFuzzer.swift)
#
# Builds the target's Fuzz/*.swift together with RecDeckCore's sources (-sanitize=fuzzer,address),
# seeds its corpus (the decoder: the project's example events, ../shared/samples when present and
# the regression inputs kept so far; the Capture reader: the Avro fixtures that
# Tests/Fixtures/capture/generate.py writes with fastavro), then runs for SECONDS on all cores. A
# crash is saved as Fuzz/crashes/crash-*; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
target=decoder
if [[ ${1:-} == capture || ${1:-} == decoder ]]; then target=$1; shift; fi
seconds=${1:-60}
out=.build-fuzz/$target
mkdir -p "$out" Fuzz/crashes "$out/corpus"
case $target in
    decoder) source=Fuzz/DecoderFuzzer.swift max_len=65536 ;;
    capture) source=Fuzz/CaptureFuzzer.swift max_len=262144 ;;
esac

swiftc -sanitize=fuzzer,address -O -parse-as-library -module-name RecDeckCore \
    $(find Sources/RecDeckCore -name '*.swift' | sort) "$source" \
    -I Sources/CZlib \
    -o "$out/$target-fuzzer"

if [[ $target == decoder ]]; then
    find examples -type f -name '*.json*' -exec cp {} "$out/corpus/" \; 2>/dev/null || true
    if [[ -d ../shared/samples ]]; then find ../shared/samples -name '*.json' -exec cp {} "$out/corpus/" \; ; fi
    if [[ -d Tests/RecDeckCoreTests/FuzzInputs ]]; then cp Tests/RecDeckCoreTests/FuzzInputs/* "$out/corpus/" 2>/dev/null || true; fi
else
    fixtures=$(mktemp -d)
    python3 Tests/Fixtures/capture/generate.py "$fixtures" > /dev/null
    find "$fixtures" -type f -name '*.avro' | while read -r file; do cp "$file" "$out/corpus/$(echo "${file#"$fixtures"/}" | tr / _)"; done
    rm -rf "$fixtures"
fi

jobs=$(nproc)
echo "fuzzing the $target for ${seconds}s on $jobs cores" >&2
"$out/$target-fuzzer" "$out/corpus" -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" \
    -artifact_prefix=Fuzz/crashes/ -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tee "$out/fuzz.log" | grep -E "^#|DONE|crash|ERROR|stat::" | tail -n 20
cat fuzz-*.log >> "$out/fuzz.log" 2>/dev/null && rm -f fuzz-*.log
if compgen -G "Fuzz/crashes/crash-*" > /dev/null || compgen -G "Fuzz/crashes/timeout-*" > /dev/null; then
    echo "the fuzzer found inputs that crash or hang: see Fuzz/crashes/" >&2
    exit 1
fi
echo "no crash in ${seconds}s" >&2
