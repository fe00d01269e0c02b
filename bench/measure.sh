#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs presets against a fresh server each time, the server pinned to core 0 and the bench to
# core 1, and prints one JSON report per run, tagged with the preset and the run number, plus
# how busy the two cores were with other processes during the run.
# Usage: measure.sh BUILD_DIR RUNS PRESET...   (e.g. measure.sh build-bench 3 w1 w2 w4)
# SERVER_ARGS adds server options (e.g. SERVER_ARGS=--no-history). Each run gets a new, empty
# data directory under DATA_ROOT (default: a temporary one), so history from one run does not
# reach the next.
set -u
build=${1:?usage: measure.sh BUILD_DIR RUNS PRESET...}
runs=${2:?usage: measure.sh BUILD_DIR RUNS PRESET...}
shift 2
server_bin=$build/server/tagarela-server
bench_bin=$build/bench/tagarela-bench
export LC_ALL=C LANG=C LANGUAGE=
ulimit -n "$(ulimit -Hn)"

busy_ticks() { # user+nice+system+irq+softirq+steal of cpu0 and cpu1
    awk '/^cpu[01] / { s += $2 + $3 + $4 + $7 + $8 + $9 } END { print s }' /proc/stat
}
proc_ticks() { # utime+stime of a process
    awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "/proc/$1/stat" 2>/dev/null || echo 0
}

for preset in "$@"; do
    for run in $(seq 1 "$runs"); do
        log=$(mktemp)
        data=$(mktemp -d "${DATA_ROOT:-${TMPDIR:-/tmp}}/tagarela-measure.XXXXXX")
        # shellcheck disable=SC2086 # SERVER_ARGS is a list of options
        taskset -c 0 "$server_bin" --bind 127.0.0.1 --port 0 --max-rate 0 --max-per-ip 0 \
            --max-clients 20000 --quiet --data-dir "$data" ${SERVER_ARGS:-} </dev/null >/dev/null 2>"$log" &
        server_pid=$!
        port=
        for _ in $(seq 1 100); do
            port=$(sed -n 's/.*listening on .* port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
            [[ -n $port ]] && break
            sleep 0.05
        done
        before=$(busy_ticks)
        server_before=$(proc_ticks "$server_pid")
        start=$(date +%s.%N)
        report=$(taskset -c 1 /usr/bin/time -f '%U %S' -o "$log.time" "$bench_bin" \
            --preset "$preset" --port "$port" --server-pid "$server_pid" --json 2>/dev/null)
        end=$(date +%s.%N)
        server_after=$(proc_ticks "$server_pid")
        after=$(busy_ticks)
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null
        read -r bench_user bench_sys <"$log.time"
        hz=$(getconf CLK_TCK)
        # Busy time on the two cores that was neither the server nor the bench.
        other=$(python3 -c "print(round(($after - $before - ($server_after - $server_before)) / $hz - $bench_user - $bench_sys, 2))")
        wall=$(python3 -c "print(round($end - $start, 2))")
        python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r.update(run=int(sys.argv[2]), preset=sys.argv[3], other_cpu_s=float(sys.argv[4]), wall_s=float(sys.argv[5])); print(json.dumps(r, sort_keys=True))' \
            "$report" "$run" "$preset" "$other" "$wall"
        rm -f "$log" "$log.time"
        rm -rf "$data"
    done
done
