#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/bench_linux.sh BINARY DISSECT_LOG [QEMU-FLAGS...]
#	-- run a benchmark as /init of Debian's Linux, compare with dissect.
#
# BINARY is a static benchmark program (user/forkbench.c) that prints its
# figures as lines "NAME: FIGURE VALUE ns", NAME being BINARY's file name.
# It becomes /init of an initramfs, $BUILD/linux/bench-initrd.cpio (made
# by scripts/mkcpio.py, with /dev/console, /dev/null, /proc, /sys and
# /tmp), and Debian's kernel (scripts/linux_image.sh) boots it in QEMU
# with QEMU-FLAGS, the flags dissect runs with, plus -icount shift=0,
# -no-reboot and -display none where they are missing.  When /init exits
# Linux panics ("Attempted to kill init"), and with panic=-1 and
# -no-reboot QEMU then exits.  The serial console goes to
# $BUILD/linux/bench-linux.log.  QEMU-FLAGS must not hold a -serial: the
# console is the first serial port.
#
# DISSECT_LOG is a serial log of dissect running the same BINARY as init
# (stray \r are ignored); /dev/null runs the Linux half alone.  The figures
# of both are printed side by side, ratio = dissect / Linux, and written
# as a markdown table to $BUILD/linux/bench-table.md.  Under -icount
# shift=0 a guest nanosecond is one guest instruction (one iteration of a
# rep-prefixed string instruction counts as one).
#
# Exit status: 0 when every figure is there on both sides and /init exited
# with status 0; 1 otherwise (missing figures are printed as "-").
#
# Environment: BUILD (default "build"), LINUX_TIMEOUT (seconds QEMU may
# run, default 600), LINUX_APPEND (more kernel command-line words).

if [ $# -lt 2 ]; then
	echo "usage: $0 BINARY DISSECT_LOG [QEMU-FLAGS...]" >&2
	exit 2
fi
binary=$1
dissect_log=$2
shift 2

die() {
	echo "bench_linux.sh: $*" >&2
	exit 1
}

[ -f "$binary" ] || die "$binary: no such file"
[ -r "$dissect_log" ] || die "$dissect_log: cannot read dissect's log"

here=$(dirname "$0")
build=${BUILD:-build}
out=$build/linux
initrd=$out/bench-initrd.cpio
log=$out/bench-linux.log
table_md=$out/bench-table.md
timeout=${LINUX_TIMEOUT:-600}
prefix=$(basename "$binary")

image=$(BUILD=$build "$here/linux_image.sh") || exit 1
# "linux-image-6.1.0-57-amd64 6.1.192-3 6.1.0-57-amd64" -> "6.1.0-57-amd64 (Debian 6.1.192-3)"
version=$(awk '{ print $3 " (Debian " $2 ")" }' "$out/vmlinuz.version" 2>/dev/null)

python3 "$here/mkcpio.py" "$initrd" \
	--file "init=$binary:0755" \
	--node dev/console:c:5:1:0600 \
	--node dev/null:c:1:3:0666 \
	--mkdir proc:0555 --mkdir sys:0555 --mkdir tmp:1777 ||
	die "cannot write $initrd"

has_icount=0 has_noreboot=0 has_display=0
for arg; do
	case "$arg" in
	-icount|--icount)	has_icount=1 ;;
	-no-reboot|--no-reboot)	has_noreboot=1 ;;
	-display|--display|-nographic|--nographic)	has_display=1 ;;
	esac
done
[ $has_icount = 1 ] || set -- "$@" -icount shift=0
[ $has_noreboot = 1 ] || set -- "$@" -no-reboot
[ $has_display = 1 ] || set -- "$@" -display none

command -v qemu-system-x86_64 >/dev/null 2>&1 || die "qemu-system-x86_64 not found"

echo "$prefix on Linux ${version:-?} (QEMU TCG, -icount shift=0; log $log)..."
rm -f "$log"
start=$(date +%s)
timeout "$timeout" qemu-system-x86_64 "$@" \
	-kernel "$image" -initrd "$initrd" \
	-append "console=ttyS0 quiet panic=-1 $LINUX_APPEND" \
	-serial "file:$log"
qemu_rc=$?
wall=$(($(date +%s) - start))

status=0
if [ $qemu_rc -eq 124 ]; then
	echo "bench_linux.sh: QEMU still running after ${timeout}s: killed" >&2
	status=1
elif [ $qemu_rc -ne 0 ]; then
	echo "bench_linux.sh: QEMU exited with status $qemu_rc" >&2
	status=1
fi

# Linux's last words name init's wait status: "... exitcode=0x00000000".
code=$(tr -d '\r' < "$log" 2>/dev/null |
	sed -n 's/.*Attempted to kill init! exitcode=\(0x[0-9a-fA-F]*\).*/\1/p' | tail -n 1)
if [ -z "$code" ]; then
	echo "bench_linux.sh: Linux never said init exited; the end of $log:" >&2
	tail -n 20 "$log" >&2 2>/dev/null
	status=1
elif [ $((code)) -ne 0 ]; then
	if [ $((code & 0x7f)) -ne 0 ]; then
		echo "bench_linux.sh: $prefix was killed by signal $((code & 0x7f)) on Linux" >&2
	else
		echo "bench_linux.sh: $prefix exited with status $(((code >> 8) & 0xff)) on Linux" >&2
	fi
	status=1
fi
echo "Linux boot + $prefix: ${wall}s wall"
echo

# The table: figures in the order dissect printed them, then any only
# Linux printed.  Exit status 1 when any is missing.
awk -v prefix="$prefix" -v md="$table_md" -v version="${version:-?}" '
function grab(line,    i, n, f) {
	gsub(/\r/, "", line)
	i = index(line, prefix ": ")
	if (!i)
		return 0
	n = split(substr(line, i + length(prefix) + 2), f, " ")
	if (n < 3 || f[2] !~ /^[0-9]+$/ || f[3] != "ns")
		return 0
	NAME = f[1]; VALUE = f[2]
	return 1
}
grab($0) {
	if (!(NAME in seen)) {
		seen[NAME] = 1
		order[++count] = NAME
	}
	if (side == "dissect")
		d[NAME] = VALUE
	else
		l[NAME] = VALUE
}
END {
	if (count == 0) {
		print "bench_linux.sh: no \"" prefix ": NAME VALUE ns\" line on either side" > "/dev/stderr"
		exit 1
	}
	missing = 0
	printf "%-20s%11s%13s%9s\n", "figure", "dissect", "Linux", "ratio"
	print prefix ", in guest ns = guest instructions (QEMU -icount shift=0); ratio = dissect / Linux.  Linux: " version "." > md
	print "" > md
	print "| figure | dissect | Linux | ratio |" > md
	print "| --- | ---: | ---: | ---: |" > md
	for (i = 1; i <= count; i++) {
		name = order[i]
		dv = (name in d) ? d[name] : "-"
		lv = (name in l) ? l[name] : "-"
		if (dv == "-" || lv == "-") {
			missing++
			ratio = "-"
		} else if (lv + 0 == 0) {
			ratio = "-"
		} else {
			ratio = sprintf("%.2f", dv / lv)
		}
		printf "%-20s%11s%13s%9s\n", name, dv, lv, ratio
		printf "| %s | %s | %s | %s |\n", name, dv, lv, ratio > md
	}
	close(md)
	fflush()
	if (missing) {
		printf "bench_linux.sh: %d figure(s) missing\n", missing > "/dev/stderr"
		exit 1
	}
}' side=dissect "$dissect_log" side=linux "$log" || status=1
echo
echo "(markdown: $table_md)"
exit $status
