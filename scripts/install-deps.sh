#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs, from Debian 12's own packages, what Tagarela needs to build, run and test.
# Installs only what is missing; uses sudo when not run as root. README.md says why each is here.
set -euo pipefail

packages=(
    build-essential        # C++17 compiler
    cmake ninja-build      # build
    qt6-base-dev           # Qt Core, Network, Widgets, Test, Sql (6.4)
    libqt6sql6-sqlite      # Qt SQL's SQLite driver: the server's message history
    qt6-tools-dev          # CMake support for Qt Linguist (qt_add_translations)
    qt6-l10n-tools         # lupdate and lrelease
    qt6-translations-l10n  # Qt's own strings in Portuguese
    libxkbcommon-dev       # keyboard handling that Qt's Gui CMake package looks for
    fonts-dejavu-core      # a font for the client (and its widget tests) on a bare machine
    clang-format           # the test command checks the formatting (version 14 in Debian 12)
    netcat-openbsd         # nc: the README's text client
    python3                # bench/smoke.sh reads tagarela-bench's JSON report
)

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
