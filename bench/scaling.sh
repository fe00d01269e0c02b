#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Redis engine against the embedded one, in one sitting (issue 11's figures): for each run,
# each preset and each set-up, fresh servers (and a fresh redis-server) on core 0 and
# tagarela-bench on core 1, on loopback; then a table of medians with ratios to one server on
# SQLite.
#
# Usage: scaling.sh PRESET...            e.g. bench/scaling.sh w1 w2 w4
#        scaling.sh --smoke              a tiny workload, one run (the CTest bench_scaling)
# Environment:
#   BUILD_DIR  the build with tagarela-server and tagarela-bench (default: build-bench next to
#              this folder; configure it as Release)
#   RUNS       runs per preset and set-up (default 3)
#   SETUPS     which to run, in this order (default: sqlite redis1 redis3)
#              sqlite  one tagarela-server, the default durable history (SQLite) in a fresh
#                      data directory
#              redis1  one tagarela-server with --redis on a fresh redis-server (unix socket,
#                      appendonly yes, appendfsync always: what docs/SCALING.md asks for)
#              redis3  three tagarela-servers sharing that redis-server; the bench spreads its
#                      clients over them (client i on server i mod 3), so most deliveries cross
#                      from one server to another through Redis
#   MODE       framed (default, what the desktop client speaks) or text (--line)
#   REDIS      the redis-server binary (default: redis-server from PATH)
#   DATA_ROOT  where data directories and Redis's append-only file go (default: TMPDIR or /tmp;
#              put it on the disk the servers would really use: the fsync is measured)
#   JSON_OUT   also keep every run's report, one JSON line each, in this file
#
# Everything server-side (every tagarela-server and redis-server) shares core 0, so the figures
# say what the engine costs, not what more cores would give.
set -u
here=$(cd "$(dirname "$0")" && pwd)
smoke=0
if [[ ${1:-} == --smoke ]]; then
    smoke=1
    shift
fi
if ((smoke == 0 && $# == 0)); then
    echo "usage: scaling.sh PRESET... (w1 w1s w2 w3 w3x w4) | scaling.sh --smoke" >&2
    exit 2
fi
build=${BUILD_DIR:-$here/../build-bench}
runs=${RUNS:-$((smoke ? 1 : 3))}
redis=${REDIS:-redis-server}
server_bin=$build/server/tagarela-server
bench_bin=$build/bench/tagarela-bench
for binary in "$server_bin" "$bench_bin"; do
    if [[ ! -x $binary ]]; then
        echo "scaling.sh: $binary is missing; build it (bench/README.md) or set BUILD_DIR" >&2
        exit 2
    fi
done
if ! command -v "$redis" >/dev/null; then
    echo "scaling.sh: no $redis (scripts/install-deps.sh installs redis-server)" >&2
    exit 2
fi
setups=()
for name in ${SETUPS:-sqlite redis1 redis3}; do
    case $name in
    sqlite | redis1 | redis3) setups+=("$name") ;;
    *)
        echo "scaling.sh: unknown set-up $name" >&2
        exit 2
        ;;
    esac
done
mode=()
case ${MODE:-framed} in
framed) ;;
text) mode=(--line) ;;
*)
    echo "scaling.sh: MODE is framed or text" >&2
    exit 2
    ;;
esac

export LC_ALL=C LANG=C LANGUAGE=
ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d "${DATA_ROOT:-${TMPDIR:-/tmp}}/tagarela-scaling.XXXXXX")
results=$work/results.jsonl
pids=()
redis_pid=
stop_all() {
    local pid
    for pid in "${pids[@]}" $redis_pid; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${pids[@]}" $redis_pid; do
        wait "$pid" 2>/dev/null
    done
    pids=()
    redis_pid=
}
cleanup() {
    stop_all
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a fresh redis-server on core 0, on a unix socket only; sets redis_pid.
start_redis() {
    rm -rf "$work/redis"
    mkdir -p "$work/redis"
    taskset -c 0 "$redis" --port 0 --unixsocket "$work/redis/redis.sock" --unixsocketperm 700 \
        --dir "$work/redis" --appendonly yes --appendfsync always --save "" \
        --daemonize no --logfile "$work/redis/redis.log" </dev/null >/dev/null 2>&1 &
    redis_pid=$!
    for _ in $(seq 1 200); do
        [[ -S $work/redis/redis.sock ]] && return 0
        kill -0 "$redis_pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "scaling.sh: redis-server did not start:" >&2
    cat "$work/redis/redis.log" >&2
    return 1
}

# Starts tagarela-server number $1 on core 0 at a free port with extra options; appends its
# PID to pids and its port to ports.
start_server() {
    local index=$1
    shift
    local log=$work/server$index.log port=
    rm -rf "$work/data$index"
    taskset -c 0 "$server_bin" --bind 127.0.0.1 --port 0 --max-rate 0 --max-per-ip 0 \
        --max-clients 20000 --quiet --data-dir "$work/data$index" "$@" \
        </dev/null >/dev/null 2>"$log" &
    pids+=($!)
    for _ in $(seq 1 600); do
        port=$(sed -n 's/.*listening on .* port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
        if [[ -n $port ]]; then
            ports+=("$port")
            return 0
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.05
    done
    echo "scaling.sh: server $index did not report its port:" >&2
    cat "$log" >&2
    return 1
}

start_setup() {
    local name=$1 count=1 i
    ports=()
    case $name in
    sqlite)
        start_server 0
        return
        ;;
    redis3) count=3 ;;
    esac
    start_redis || return 1
    for ((i = 0; i < count; i++)); do
        start_server "$i" --redis "unix:$work/redis/redis.sock" || return 1
    done
}

if ((smoke)); then
    presets=(smoke)
else
    presets=("$@")
fi

status=0
for run in $(seq 1 "$runs"); do
    for preset in "${presets[@]}"; do
        for name in "${setups[@]}"; do
            if ! start_setup "$name"; then
                stop_all
                status=1
                continue
            fi
            port_list=$(
                IFS=,
                echo "${ports[*]}"
            )
            pid_list=$(
                IFS=,
                echo "${pids[*]}${redis_pid:+,$redis_pid}"
            )
            if [[ $preset == smoke ]]; then
                workload=(--clients 30 --senders 3 --messages 50 --size 100)
            else
                workload=(--preset "$preset")
            fi
            read -r load _ </proc/loadavg
            # Bounded twice: the bench's own --timeout, and timeout(1) should it hang.
            report=$(taskset -c 1 timeout 200 "$bench_bin" "${workload[@]}" "${mode[@]}" \
                --port "$port_list" --server-pid "$pid_list" --timeout 150 --json 2>/dev/null)
            bench_status=$?
            stop_all
            if [[ -z $report ]]; then
                echo "scaling.sh: $name $preset run $run: no report (status $bench_status)" >&2
                status=1
                continue
            fi
            ((bench_status == 0)) || status=1
            python3 "$here/medians.py" record "$report" setup "$name" "$preset" "$run" "$load" \
                >>"$results"
            echo "scaling.sh: run $run $preset $name: done" >&2
        done
    done
done
[[ -n ${JSON_OUT:-} && -f $results ]] && cp "$results" "$JSON_OUT"
[[ -f $results ]] || exit 1

labels=()
for name in "${setups[@]}"; do
    case $name in
    sqlite) labels+=("sqlite=one server, SQLite") ;;
    redis1) labels+=("redis1=one server, Redis") ;;
    redis3) labels+=("redis3=three servers, Redis") ;;
    esac
done
python3 "$here/medians.py" table "$results" "$runs" setup \
    "ratios are this figure over one server on SQLite's. Server-side CPU is the sum over the tagarela-servers and redis-server. " \
    --ref sqlite= --cpu-label "server-side CPU" "${labels[@]}" || status=1
exit $status
