#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Tagarela, starts the server on its defaults (port 3000,
# every interface) and opens a client window. Closing the window leaves the server running in
# this terminal, where its console takes commands (/help); Ctrl+C stops it.
# With --server-only, only the server runs; other arguments go to tagarela-server.
set -euo pipefail
cd "$(dirname "$0")/.."

client=1
server_args=()
for arg in "$@"; do
    if [[ $arg == --server-only ]]; then client=0; else server_args+=("$arg"); fi
done

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAGARELA_BUILD_TESTS=OFF
cmake --build build

if ((client)) && [[ -z ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    echo "run.sh: no display here: starting the server only" >&2
    client=0
fi
if ((client)); then
    port=3000
    for ((i = 0; i < ${#server_args[@]}; i++)); do
        [[ ${server_args[i]} == --port ]] && port=${server_args[i + 1]:-3000}
        [[ ${server_args[i]} == --port=* ]] && port=${server_args[i]#--port=}
    done
    # The window waits a moment for the server to listen; it then shows the connect dialog,
    # filled in for this server.
    (sleep 1 && exec build/client-gui/tagarela --host localhost --port "$port") &
fi
exec build/server/tagarela-server "${server_args[@]}"
