#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Make sure this machine can build and run dissect: install the Debian
# packages that are missing (with sudo when not root), or say exactly what
# to install.  Fast when everything is there.

set -e

# command-or-path  package
NEEDED="
qemu-system-x86_64 qemu-system-x86
grub-mkrescue grub-common
/usr/lib/grub/i386-pc/multiboot2.mod grub-pc-bin
xorriso xorriso
mformat mtools
nasm nasm
gdb gdb
python3 python3
musl-gcc musl-tools
cpio cpio
gcc gcc
make make
"

missing=""
echo "$NEEDED" | while read -r what pkg; do
	[ -n "$what" ] || continue
	case "$what" in
	/*) [ -e "$what" ] || echo "$pkg" ;;
	*) command -v "$what" >/dev/null 2>&1 || echo "$pkg" ;;
	esac
done > "${TMPDIR:-/tmp}/dissect-missing.$$"
missing=$(sort -u "${TMPDIR:-/tmp}/dissect-missing.$$" | tr '\n' ' ')
rm -f "${TMPDIR:-/tmp}/dissect-missing.$$"

[ -z "$missing" ] && exit 0

echo "dissect: installing missing packages: $missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "dissect: please install these Debian/Ubuntu packages as root:" >&2
	echo "    apt-get install $missing" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "dissect: no apt-get here; please install the equivalents of: $missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
