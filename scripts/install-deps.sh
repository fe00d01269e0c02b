#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs, from Debian 12's own packages, what Tagarela needs to build, run and test.
# Installs only what is missing; uses sudo when not run as root. README.md says why each is here.
# With --fuzz, also what scripts/fuzz.sh needs; with --chroot, what scripts/chroot-check.sh needs;
# with --bench, what bench/compare.sh and the profiles in bench/README.md use.
set -euo pipefail

packages=(
    build-essential        # C++17 compiler
    cmake ninja-build      # build
    qt6-base-dev           # Qt Core, Network, Widgets, Test, Sql (6.4)
    libicu-dev             # ICU 72: NFKC, confusable skeletons and script checks for nicknames
    libqt6sql6-sqlite      # Qt SQL's SQLite driver: the server's message history
    libsqlite3-dev         # SQLite's own API for the history's writer, on Qt's connection
    qt6-tools-dev          # CMake support for Qt Linguist (qt_add_translations)
    qt6-l10n-tools         # lupdate and lrelease
    qt6-translations-l10n  # Qt's own strings in Portuguese
    libxkbcommon-dev       # keyboard handling that Qt's Gui CMake package looks for
    fonts-dejavu-core      # a font for the client (and its widget tests) on a bare machine
    fonts-noto-color-emoji # colour emoji in the client (tst_emoji draws them)
    fonts-noto-cjk         # Chinese, Japanese and Korean text without boxes (tst_emoji checks)
    dbus-daemon            # tst_notifier runs a private session bus with a fake notification service
    clang-format           # the test command checks the formatting (version 14 in Debian 12)
    netcat-openbsd         # nc: the README's text client
    openssl                # certificates for --tls-cert; the TLS tests make theirs with it
    libssl3                # loaded at run time by Qt's OpenSSL TLS plugin (in libqt6network6)
    python3                # bench/smoke.sh reads tagarela-bench's JSON report
    file dpkg-dev          # cmake --build build --target package: cpack's .deb (dpkg-shlibdeps)
    systemd                # systemd-analyze: the test suite checks the service unit (tst_service_unit)
    libhiredis-dev         # hiredis, the Redis client library of the Redis engine (server/redis/)
    redis-server           # the tests run the Redis engine against a real redis-server (7.0)
    haproxy                # docs/haproxy.cfg: the tests check it and run it before two servers
)
for option in "$@"; do
    case $option in
    --fuzz | --bench | --chroot) ;;
    *)
        echo "usage: install-deps.sh [--fuzz] [--bench] [--chroot]" >&2
        exit 2
        ;;
    esac
done
if [[ " $* " == *" --chroot "* ]]; then
    packages+=(
        debootstrap            # the bare Debian 12 that scripts/chroot-check.sh installs into
    )
fi
if [[ " $* " == *" --bench "* ]]; then
    packages+=(
        nodejs                 # bench/baselines/broadcast-node.js, the Node.js peer in compare.sh
        valgrind               # callgrind instruction counts (bench/README.md, profiles)
        linux-perf             # perf record (bench/README.md, profiles)
    )
fi
if [[ " $* " == *" --fuzz "* ]]; then
    packages+=(
        clang-14               # libFuzzer comes with clang, not GCC
        libclang-rt-14-dev     # libFuzzer and clang's sanitizer runtimes
        llvm-14                # llvm-symbolizer: function names and lines in crash reports
    )
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
