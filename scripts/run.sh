#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Tagarela, and runs the server on its defaults (port 3000,
# every interface). Extra arguments go to tagarela-server, e.g. scripts/run.sh --port 4000.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTAGARELA_BUILD_TESTS=OFF
cmake --build build

exec build/server/tagarela-server "$@"
