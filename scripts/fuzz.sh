#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs clang if missing, builds the libFuzzer targets of tests/fuzz with AddressSanitizer
# and UBSan in build-fuzz, and runs each for a bounded time against a copy of its seed corpus
# (the committed one plus a fresh one from tagarela-fuzz-seeds); tests/fuzz/corpus is never
# written. Exits non-zero on any crash, leak, timeout, out-of-memory, UBSan report or broken
# property, and says how to reproduce it from the input kept in build-fuzz/fuzz-findings
# (until the next run).
#
#   TAGARELA_FUZZ_SECONDS  seconds per target (default 45)
#   TAGARELA_FUZZ_JOBS     targets run at once (default: the number of processors, at most 4)
#   TAGARELA_FUZZ_TARGETS  which targets, e.g. "handshake linedecoder" (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${TAGARELA_FUZZ_SECONDS:-45}
jobs=${TAGARELA_FUZZ_JOBS:-$(nproc)}
if ((jobs > 4)); then jobs=4; fi
if ((jobs < 1)); then jobs=1; fi
read -r -a targets <<<"${TAGARELA_FUZZ_TARGETS:-framedecoder messagecodec linedecoder handshake}"

scripts/install-deps.sh --fuzz
# A build directory of its own: the compiler is fixed when a build directory is configured.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DTAGARELA_BUILD_TESTS=OFF -DTAGARELA_FUZZ=ON
cmake --build build-fuzz --target fuzzers

work=build-fuzz/fuzz-run
findings=build-fuzz/fuzz-findings
rm -rf "$work"
mkdir -p "$work/fresh-seeds" "$findings"
build-fuzz/tests/fuzz/tagarela-fuzz-seeds "$work/fresh-seeds"

# libFuzzer reports and keeps the input of whatever the sanitizers find: a leak (checked after
# each input that allocated more than it freed), and UBSan, which the build makes fatal.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
if [[ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

for target in "${targets[@]}"; do
    if [[ ! -d tests/fuzz/corpus/$target ]]; then
        echo "fuzz.sh: no target $target (tests/fuzz/corpus/$target is missing)" >&2
        exit 2
    fi
    rm -rf "${findings:?}/$target"
    mkdir -p "$work/corpus/$target" "$findings/$target"
    cp tests/fuzz/corpus/"$target"/* "$work/corpus/$target"/
    cp "$work/fresh-seeds/$target"/* "$work/corpus/$target"/
done

# Runs one target; its exit status goes to a file, so that this never fails by itself.
run_target() {
    local target=$1
    local corpus=$work/corpus/$target
    local status=0
    # The outer timeout only guards against libFuzzer itself hanging; -timeout catches inputs.
    timeout --kill-after=30 $((seconds + 300)) \
        build-fuzz/tests/fuzz/fuzz_"$target" "$corpus" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict=tests/fuzz/fuzz_"$target".dict -artifact_prefix="$findings/$target/" \
        -print_final_stats=1 >"$work/$target.log" 2>&1 || status=$?
    echo "$status" >"$work/$target.status"
}

echo "Fuzzing ${targets[*]} for $seconds s each, $jobs at a time"
running=0
for target in "${targets[@]}"; do
    if ((running >= jobs)); then
        wait -n
        running=$((running - 1))
    fi
    run_target "$target" &
    running=$((running + 1))
done
wait

# A figure from libFuzzer's final statistics (-print_final_stats).
final_stat() {
    grep -E "^stat::$2:" "$1" | awk '{print $2}' | tail -n 1
}

failed=0
printf '\n%-14s %-7s %10s %8s %6s %7s %7s %8s\n' target result execs exec/s cov features corpus "peak MB"
for target in "${targets[@]}"; do
    log=$work/$target.log
    status=$(cat "$work/$target.status" 2>/dev/null || echo none)
    # The last status line: "#123 DONE cov: 201 ft: 771 corp: 67/31Kb ..." after a clean run.
    last=$(grep -E '^#[0-9]+[[:space:]].* cov: ' "$log" | tail -n 1 || true)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    features=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corpus=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
    result=ok
    if [[ $status != 0 || $last != *DONE* ]]; then
        result=FAILED
        failed=1
    fi
    printf '%-14s %-7s %10s %8s %6s %7s %7s %8s\n' "$target" "$result" \
        "$(final_stat "$log" number_of_executed_units)" \
        "$(final_stat "$log" average_exec_per_sec)" "${cov:--}" "${features:--}" \
        "${corpus:--}" "$(final_stat "$log" peak_rss_mb)"
done

for target in "${targets[@]}"; do
    status=$(cat "$work/$target.status" 2>/dev/null || echo none)
    [[ $status == 0 ]] && continue
    echo
    echo "=== fuzz_$target failed (exit status $status); the end of its log:"
    tail -n 60 "$work/$target.log"
    for input in "$findings/$target"/*; do
        [[ -e $input ]] || continue
        echo "Reproduce: build-fuzz/tests/fuzz/fuzz_$target $input"
    done
done
exit "$failed"
