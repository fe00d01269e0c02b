#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Tagarela against its peers in one sitting: for each run, each preset and each server, a fresh
# server pinned to core 0 and tagarela-bench pinned to core 1, on loopback; then a table of
# medians with ratios to the ceiling (the epoll baseline) and to Node.
#
# Usage: compare.sh PRESET...            e.g. bench/compare.sh w1 w2 w4
#        compare.sh --smoke              a tiny workload, one run (the CTest bench_compare)
# Environment:
#   BUILD_DIR  the build with tagarela-server, tagarela-bench, tagarela-baseline-epoll
#              (default: build-bench next to this folder; configure it as Release)
#   RUNS       runs per preset and server (default 3; --smoke: 1)
#   SERVERS    which to run, in this order (default: text framed node bun epoll)
#              text    tagarela-server, default durable history in a fresh data directory,
#                      driven in text mode (--line)
#              framed  the same server, driven framed (what the desktop client speaks)
#              node    bench/baselines/broadcast-node.js on `node` (--plain)
#              bun     bench/baselines/broadcast-bun.js on `bun`, when BUN or PATH has one
#              epoll   tagarela-baseline-epoll, the ceiling (--plain)
#   NODE, BUN  the interpreters (default: node and bun from PATH)
#   DATA_ROOT  where the data directories go (default: TMPDIR or /tmp; put it on the disk
#              the server would really use: the fsync is part of what is measured)
#   JSON_OUT   also keep every run's report, one JSON line each, in this file
#   TAGARELA_ARGS  extra tagarela-server options (e.g. --no-history)
set -u
here=$(cd "$(dirname "$0")" && pwd)
smoke=0
if [[ ${1:-} == --smoke ]]; then
    smoke=1
    shift
fi
if ((smoke == 0 && $# == 0)); then
    echo "usage: compare.sh PRESET... (w1 w1s w2 w3 w3x w4) | compare.sh --smoke" >&2
    exit 2
fi
build=${BUILD_DIR:-$here/../build-bench}
runs=${RUNS:-$((smoke ? 1 : 3))}
node=${NODE:-node}
bun=${BUN:-$(command -v bun || true)}
server_bin=$build/server/tagarela-server
bench_bin=$build/bench/tagarela-bench
epoll_bin=$build/bench/tagarela-baseline-epoll
for binary in "$server_bin" "$bench_bin" "$epoll_bin"; do
    if [[ ! -x $binary ]]; then
        echo "compare.sh: $binary is missing; build it (bench/README.md) or set BUILD_DIR" >&2
        exit 2
    fi
done
servers=()
for name in ${SERVERS:-text framed node bun epoll}; do
    case $name in
    node)
        if ! command -v "$node" >/dev/null; then
            echo "compare.sh: no $node: skipping Node (scripts/install-deps.sh --bench)" >&2
            continue
        fi
        ;;
    bun)
        if [[ -z $bun ]]; then
            [[ -z ${SERVERS:-} ]] || echo "compare.sh: no bun: skipping Bun (see bench/README.md)" >&2
            continue
        fi
        ;;
    text | framed | epoll) ;;
    *)
        echo "compare.sh: unknown server $name" >&2
        exit 2
        ;;
    esac
    servers+=("$name")
done
if ((smoke)); then
    presets=(smoke)
else
    presets=("$@")
fi

export LC_ALL=C LANG=C LANGUAGE=
ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d "${DATA_ROOT:-${TMPDIR:-/tmp}}/tagarela-compare.XXXXXX")
results=$work/results.jsonl
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts one server on core 0 at a free port; sets server_pid and port.
start_server() {
    local name=$1 log=$2
    local -a command
    case $name in
    text | framed)
        rm -rf "$work/data"
        # shellcheck disable=SC2206 # TAGARELA_ARGS is a list of options
        command=("$server_bin" --bind 127.0.0.1 --port 0 --max-rate 0 --max-per-ip 0
            --max-clients 20000 --quiet --data-dir "$work/data" ${TAGARELA_ARGS:-})
        ;;
    node) command=("$node" "$here/baselines/broadcast-node.js" --port 0) ;;
    bun) command=("$bun" "$here/baselines/broadcast-bun.js" --port 0) ;;
    epoll) command=("$epoll_bin" --port 0) ;;
    esac
    taskset -c 0 "${command[@]}" </dev/null >/dev/null 2>"$log" &
    server_pid=$!
    port=
    for _ in $(seq 1 200); do
        port=$(sed -n 's/.*listening on .* port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
        [[ -n $port ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "compare.sh: $name did not report its port:" >&2
    cat "$log" >&2
    return 1
}

status=0
for run in $(seq 1 "$runs"); do
    for preset in "${presets[@]}"; do
        for name in "${servers[@]}"; do
            log=$work/$name.log
            if ! start_server "$name" "$log"; then
                status=1
                continue
            fi
            mode=()
            case $name in
            text) mode=(--line) ;;
            framed) ;;
            *) mode=(--plain) ;;
            esac
            if [[ $preset == smoke ]]; then
                workload=(--clients 20 --senders 2 --messages 50 --size 100)
            else
                workload=(--preset "$preset")
            fi
            read -r load _ </proc/loadavg
            # Bounded twice: the bench's own --timeout, and timeout(1) should it hang.
            report=$(taskset -c 1 timeout 200 "$bench_bin" "${workload[@]}" "${mode[@]}" \
                --port "$port" --server-pid "$server_pid" --timeout 150 --json 2>/dev/null)
            bench_status=$?
            kill "$server_pid" 2>/dev/null
            wait "$server_pid" 2>/dev/null
            server_pid=
            if [[ -z $report ]]; then
                echo "compare.sh: $name $preset run $run: no report (status $bench_status)" >&2
                status=1
                continue
            fi
            ((bench_status == 0)) || status=1
            python3 "$here/medians.py" record "$report" server "$name" "$preset" "$run" "$load" \
                >>"$results"
            echo "compare.sh: run $run $preset $name: done" >&2
        done
    done
done
[[ -n ${JSON_OUT:-} && -f $results ]] && cp "$results" "$JSON_OUT"
[[ -f $results ]] || exit 1

labels=()
for name in "${servers[@]}"; do
    case $name in
    text) labels+=("text=Tagarela text") ;;
    framed) labels+=("framed=Tagarela framed") ;;
    node) labels+=("node=Node \`net\`") ;;
    bun) labels+=("bun=Bun") ;;
    epoll) labels+=("epoll=epoll (ceiling)") ;;
    esac
done
python3 "$here/medians.py" table "$results" "$runs" server \
    "ratios are this figure over the ceiling's and Node's (above 1 is more, which is better only for deliveries/s). " \
    --ref epoll=ceiling --ref node=Node --memory "${labels[@]}" || status=1
exit $status
