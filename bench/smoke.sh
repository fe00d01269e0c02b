#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Smoke test for tagarela-bench: a real server on a free loopback port, a tiny run in both
# framed and text mode, and a check that every message reached every client exactly once.
# Usage: smoke.sh TAGARELA_SERVER TAGARELA_BENCH
set -u

server_bin=${1:?usage: smoke.sh TAGARELA_SERVER TAGARELA_BENCH}
bench_bin=${2:?usage: smoke.sh TAGARELA_SERVER TAGARELA_BENCH}
work=$(mktemp -d)
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# English messages: the port is read from the log line and text mode matches "You are".
export LC_ALL=C LANG=C LANGUAGE=
# No console input (the server keeps running at end of input) and nothing left holding ctest's
# output pipe once the server is gone.
"$server_bin" --bind 127.0.0.1 --port 0 --max-rate 0 --max-per-ip 0 --max-clients 20000 \
    --quiet --data-dir "$work/data" --resume-grace 0 </dev/null >/dev/null 2>"$work/server.log" &
server_pid=$!

port=
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on .* port \([0-9][0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
    [[ -n $port ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
done
if [[ -z $port ]]; then
    echo "smoke: the server did not report its port" >&2
    cat "$work/server.log" >&2
    exit 1
fi

check() {
    local name=$1
    shift
    if ! timeout 40 "$bench_bin" --clients 20 --senders 2 --messages 50 --size 100 --json \
        --port "$port" --timeout 30 --cross-check "$@" >"$work/$name.json"; then
        echo "smoke: $name: tagarela-bench failed" >&2
        cat "$work/$name.json" >&2
        return 1
    fi
    python3 - "$work/$name.json" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
problems = []
if r["received"] != r["expected"] or r["expected"] != 20 * 2 * 50:
    problems.append("received %d of %d" % (r["received"], r["expected"]))
for key in ("lost", "duplicated", "corrupt", "protocol_errors", "disconnected"):
    if r[key] != 0:
        problems.append("%s = %d" % (key, r[key]))
if r.get("cross_check_mismatches", 0) != 0:
    problems.append("fast decoding differs from MessageCodec")
if problems:
    print("smoke: %s: %s" % (sys.argv[2], "; ".join(problems)), file=sys.stderr)
    sys.exit(1)
print("smoke: %s: %d deliveries, p99 %.2f ms" % (sys.argv[2], r["received"], r["latency_ms_p99"]))
PY
}

status=0
check framed || status=1
check line --line || status=1
check rated --rate 500 || status=1
# SIGTERM shuts the server down gracefully with status 0; anything else (a crash, or a
# sanitizer report in scripts/sanitize.sh's build) is a failure the bench would not notice.
kill "$server_pid" 2>/dev/null
server_status=0
wait "$server_pid" 2>/dev/null || server_status=$?
server_pid=
if ((server_status != 0)); then
    echo "smoke: the server exited with status $server_status" >&2
    tail -n 100 "$work/server.log" >&2
    status=1
fi
exit $status
