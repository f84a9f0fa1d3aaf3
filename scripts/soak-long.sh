#!/usr/bin/env bash
# The long soak: a writer makes 20,000 event files over 60 seconds (partial writes, rewrites,
# renames, deletions, redeliveries) while the dashboard runs; then the header must equal a fresh
# `recdeck check`, and open files and memory must be back to their level after the first load.
#   scripts/soak-long.sh [SECONDS] [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
RECDECK_SOAK_SECONDS=${1:-60} RECDECK_SOAK_FILES=${2:-20000} swift test --filter SoakTests 2>&1 | grep -E "soak|✔|✘|Expectation"
