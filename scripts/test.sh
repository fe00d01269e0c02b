#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds everything with warnings as errors, and runs the whole
# Qt Test suite through CTest. Exits non-zero on any build error, warning or failed test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "Checking the formatting (clang-format, .clang-format)"
find shared server client-gui tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run -Werror
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTAGARELA_WERROR=ON -DTAGARELA_BUILD_TESTS=ON
cmake --build build-test
ctest --test-dir build-test --output-on-failure --timeout 300
