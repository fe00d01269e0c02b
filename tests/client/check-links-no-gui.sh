#!/bin/sh
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-links-no-gui.sh PROGRAM...: none of the programs needs Qt Gui or Qt Widgets. Run on the
# tests of tagarela_client_core, it proves that the client library builds and runs without
# them (a model that reached for QColor or QFont would pull in libQt6Gui).
set -u
status=0
for program in "$@"; do
    needed=$(readelf -d "$program" | grep NEEDED) || {
        printf '%s: readelf found no dynamic section\n' "$program"
        exit 1
    }
    case $needed in
    *libQt6Gui* | *libQt6Widgets*)
        printf '%s links Qt Gui or Widgets:\n%s\n' "$program" "$needed"
        status=1
        ;;
    esac
done
exit $status
