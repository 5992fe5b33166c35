#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/linux_image.sh  -- print the path of a Linux bzImage to boot in QEMU.
#
# Debian's own kernel, the one "make bench-linux" compares dissect with.
# It is cached as $BUILD/linux/vmlinuz (BUILD defaults to "build"); on
# first use it is fetched: the concrete package linux-image-amd64 depends
# on (say linux-image-6.1.0-57-amd64) is "apt-get download"ed into
# $BUILD/linux, its boot/vmlinuz-* taken out with dpkg-deb, and the .deb
# and the extracted files removed.  Its version is kept beside it in
# $BUILD/linux/vmlinuz.version.  Needs no root (apt-get download writes to
# the current directory); as root, with no package lists yet, it runs
# "apt-get update" once.  When cached it touches no network and no apt.
# Delete $BUILD/linux/vmlinuz to fetch the current version again.
#
# Everything but the path goes to standard error.

set -e

build=${BUILD:-build}
cache=$build/linux
image=$cache/vmlinuz

if [ -s "$image" ]; then
	echo "$image"
	exit 0
fi

die() {
	echo "linux_image.sh: $*" >&2
	exit 1
}

for tool in apt-get apt-cache dpkg-deb tar; do
	command -v "$tool" >/dev/null 2>&1 ||
		die "$tool not found: fetching Debian's kernel needs apt (a Debian or Ubuntu host); or put a bzImage at $image by hand"
done

# The concrete image package: "Depends: linux-image-6.1.0-57-amd64".
resolve() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *|\{0,1\}Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1
}
pkg=$(resolve)
if [ -z "$pkg" ] && [ "$(id -u)" = 0 ]; then
	echo "linux_image.sh: no package lists know linux-image-amd64; running apt-get update" >&2
	apt-get update >&2 || die "apt-get update failed"
	pkg=$(resolve)
fi
[ -n "$pkg" ] ||
	die "cannot resolve linux-image-amd64 (apt-cache depends linux-image-amd64 names no linux-image-N package); run apt-get update as root"

mkdir -p "$cache"
work=$(cd "$cache" && pwd)/fetch.$$
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT INT TERM

echo "linux_image.sh: fetching $pkg" >&2
# As root, apt hands the download to the unprivileged _apt user, who cannot
# write here; download as root instead (and without the warning).
sandbox=
[ "$(id -u)" = 0 ] && sandbox="-o APT::Sandbox::User=root"
# shellcheck disable=SC2086
(cd "$work" && apt-get download $sandbox "$pkg" >&2) ||
	die "apt-get download $pkg failed"
first() {
	for f; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
}
deb=$(first "$work"/*.deb)
[ -n "$deb" ] || die "apt-get download $pkg left no .deb"

# Only boot/ is wanted: the modules are hundreds of MB.
mkdir -p "$work/pkg"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work/pkg" --wildcards './boot/vmlinuz-*' ||
	die "cannot extract boot/vmlinuz-* from $deb"
vmlinuz=$(first "$work"/pkg/boot/vmlinuz-*)
[ -n "$vmlinuz" ] || die "$deb has no boot/vmlinuz-*"

cp "$vmlinuz" "$image.tmp"
chmod 644 "$image.tmp"
version=${vmlinuz##*/vmlinuz-}
echo "$pkg $(dpkg-deb -f "$deb" Version) $version" > "$cache/vmlinuz.version"
mv "$image.tmp" "$image"
echo "linux_image.sh: cached $image ($(cat "$cache/vmlinuz.version"))" >&2
echo "$image"
