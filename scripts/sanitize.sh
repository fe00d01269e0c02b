#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer (and warnings as
# errors) in build-sanitize, and runs the whole Qt Test suite through CTest. Any memory error,
# leak or undefined behaviour fails the test it happens in; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTAGARELA_WERROR=ON \
    -DTAGARELA_BUILD_TESTS=ON -DTAGARELA_SANITIZE=ON
cmake --build build-sanitize

# The tests start the server and client binaries too, and these settings reach them as well.
# abort_on_error: a report in a child process ends it by SIGABRT, which a test that checks for a
# normal exit sees, where a plain exit status of 1 could pass for the server's own.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1
# Leaks inside Qt and system libraries only; every entry says what it is.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
ctest --test-dir build-sanitize --output-on-failure --timeout 600
