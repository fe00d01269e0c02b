#!/bin/sh
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-service-unit.sh SYSTEMD_ANALYZE UNIT: the systemd unit is clean and stays hardened.
# "verify" only warns about unknown or misspelt settings, so any output fails; "security"
# fails above an exposure of 1.5 (of 10; the unit scores 1.2).
set -u
analyze=$1
unit=$2
out=$("$analyze" verify "$unit" 2>&1)
status=$?
if [ $status -ne 0 ] || [ -n "$out" ]; then
    printf 'systemd-analyze verify %s (status %d):\n%s\n' "$unit" "$status" "$out"
    exit 1
fi
"$analyze" security --offline=true --threshold=15 "$unit"
