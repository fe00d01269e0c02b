#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tagarela authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Do the .debs work on a bare Debian 12? Builds them, installs them with apt into a minimal
# bookworm chroot (debootstrap --variant=minbase, no recommends, so only Depends arrive), and
# checks there that the client loads, that the server starts, stores a line and serves it back
# as history after a restart, and that --backup copies it. Needs root (debootstrap, chroot,
# mount) and the network to the Debian mirror this machine's apt uses. Not part of the test
# suite: it takes minutes. README.md, "Installing and packages".
#
#   sudo ./scripts/chroot-check.sh [BUILD_DIR]      # BUILD_DIR: default build-deb
#
# The bare system is made once and kept in $TAGARELA_CHROOT_CACHE (default
# ${TMPDIR:-/tmp}/tagarela-chroot/base); every run installs into a fresh copy of it.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-deb}
cache=${TAGARELA_CHROOT_CACHE:-${TMPDIR:-/tmp}/tagarela-chroot}
base=$cache/base
root=$cache/run
say() { printf 'chroot-check: %s\n' "$*"; }
fail() {
    printf 'chroot-check: FAILED: %s\n' "$*" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || fail "run it as root (debootstrap, chroot and mount need it)"
for tool in debootstrap chroot cmake cpack dpkg-deb mount; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install debootstrap cmake dpkg-dev)"
done

# The mirror this machine's apt uses (deb822 sources, or a one-line sources.list).
mirror=
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    mirror=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
fi
if [[ -z $mirror && -f /etc/apt/sources.list ]]; then
    mirror=$(awk '$1 == "deb" && $0 ~ / bookworm / && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list)
fi
mirror=${mirror:-http://deb.debian.org/debian}
say "mirror $mirror"

# 1. The packages.
say "building the .debs in $build"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
timeout 1800 cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTAGARELA_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
timeout 1800 cmake --build "$build" >/dev/null
rm -f "$build"/*.deb
(cd "$build" && timeout 600 cpack -G DEB >/dev/null)
debs=("$build"/tagarela_*.deb "$build"/tagarela-server_*.deb)
for deb in "${debs[@]}"; do
    [[ -f $deb ]] || fail "cpack made no $deb"
    say "$(basename "$deb"): Depends: $(dpkg-deb -f "$deb" Depends)"
done

# 2. A bare Debian 12, made once.
if [[ ! -f $base/.tagarela-complete ]]; then
    say "debootstrap --variant=minbase bookworm (once; kept in $base)"
    rm -rf "$base.partial"
    mkdir -p "$cache"
    timeout 1800 debootstrap --variant=minbase bookworm "$base.partial" "$mirror" \
        >"$cache/debootstrap.log" 2>&1 || fail "debootstrap failed, see $cache/debootstrap.log"
    touch "$base.partial/.tagarela-complete"
    rm -rf "$base"
    mv "$base.partial" "$base"
fi

# 3. A fresh copy of it, with the host's apt sources and no recommends.
cleanup() {
    if [[ -n ${server_pid:-} ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    for mountpoint in "$root/proc" "$root/dev/pts"; do
        if mountpoint -q "$mountpoint" 2>/dev/null; then
            umount "$mountpoint" || umount -l "$mountpoint" || true
        fi
    done
}
trap cleanup EXIT
if [[ -d $root ]]; then
    cleanup
    rm -rf "$root"
fi
cp -a "$base" "$root"
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
    rm -f "$root/etc/apt/sources.list"
fi
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$root/etc/apt/apt.conf.d/90tagarela-no-recommends"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mkdir -p "$root/tmp/debs"
cp "${debs[@]}" "$root/tmp/debs/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root "$@"; }

# 4. Installed by apt, which must find every dependency by itself.
say "apt-get install ./tagarela-server ./tagarela (no recommends)"
timeout 600 chroot "$root" apt-get update >"$cache/apt.log" 2>&1 || fail "apt-get update, see $cache/apt.log"
names=()
for deb in "${debs[@]}"; do names+=("/tmp/debs/$(basename "$deb")"); done
timeout 1200 chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${names[@]}" \
    >>"$cache/apt.log" 2>&1 || fail "apt-get install, see $cache/apt.log"
say "installed: $(in_root dpkg-query -W -f='${Package} ${Version}, ' tagarela tagarela-server libqt6sql6-sqlite)"
say "packages in the chroot: $(in_root dpkg-query -W -f='.\n' | wc -l)"
[[ -f $root/usr/lib/systemd/system/tagarela-server.service ]] || fail "the unit is not installed"
grep -q '^ExecStart=/usr/bin/tagarela-server ' "$root/usr/lib/systemd/system/tagarela-server.service" ||
    fail "the unit does not start /usr/bin/tagarela-server"
# (systemd-analyze verify needs systemd's own units, which a minbase chroot lacks: the test
# suite's tst_service_unit checks the unit instead.)

# 5. The client loads (its libraries and Qt's plugins are there).
version=$(timeout 20 chroot "$root" env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen /usr/bin/tagarela --version 2>&1) || fail "tagarela --version: $version"
say "client: $version"

# 6. The server, as an unprivileged user: starts, stores, restarts, serves the history.
data=/var/lib/tagarela-server
mkdir -p "$root$data"
chown 65534:65534 "$root$data"
chmod 700 "$root$data"
log=$cache/server.log
start_server() {
    : >"$log"
    chroot --userspec=65534:65534 "$root" env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 HOME=/nonexistent \
        /usr/bin/tagarela-server --bind 127.0.0.1 --port 0 --data-dir "$data" \
        </dev/null >>"$log" 2>&1 &
    server_pid=$!
    port=
    for _ in $(seq 100); do
        port=$(sed -n 's/.*listening on .* port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
        [[ -n $port ]] && break
        kill -0 "$server_pid" 2>/dev/null || fail "the server ended: $(cat "$log")"
        sleep 0.2
    done
    [[ -n $port ]] || fail "the server did not listen within 20 s: $(cat "$log")"
    say "server listening on 127.0.0.1 port $port (pid $server_pid)"
}
stop_server() {
    kill -TERM "$server_pid"
    for _ in $(seq 100); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 20 s of SIGTERM"
    wait "$server_pid" || fail "the server exited with status $?: $(cat "$log")"
    server_pid=
}
# A text client (bash's /dev/tcp): joins as $1, sends $2 if given, and reads for up to 10 s
# until a line containing $3 arrives. Prints what it read.
text_client() {
    local nick=$1 line=$2 want=$3 reply got=1
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf '%s\r\n' "$nick" >&3
    [[ -n $line ]] && printf '%s\r\n' "$line" >&3
    local deadline=$((SECONDS + 10))
    while ((SECONDS < deadline)) && IFS= read -r -t 10 reply <&3; do
        printf '    | %s\n' "${reply%$'\r'}"
        if [[ $reply == *"$want"* ]]; then
            got=0
            break
        fi
    done
    printf '/quit\r\n' >&3 || true
    exec 3<&-
    return $got
}

token="stored in the chroot $(date +%s)-$$"
start_server
say "a text client says: $token"
text_client checker "$token" "<checker> $token" || fail "the line did not come back"
stop_server
say "server stopped by SIGTERM (exit status 0); starting it again"
start_server
say "a second client joins and reads the history"
text_client reader "" "<checker> $token" || fail "the line is not in the history after a restart"
say "the history survived the restart"

backup=$(timeout 60 chroot --userspec=65534:65534 "$root" env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
    /usr/bin/tagarela-server --data-dir "$data" --backup "$data/backup-check.sqlite" 2>&1) ||
    fail "tagarela-server --backup: $backup"
say "backup while it runs: $backup"
stop_server
rm -f "$root$data/backup-check.sqlite"

cleanup
trap - EXIT
rm -rf "$root"
say "OK: both packages install on a bare Debian 12; the server starts, stores and serves its history"
