#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/gdb_check.sh ISO ELF [KTEST_ISO]  -- the batch GDB check of `make test`.
#
# Three sessions, each a QEMU stopped at the first instruction (-S) with its
# gdbstub on a free local port and scripts/gdb/check.py run in `gdb -batch`
# against ELF (see check.py for the details):
#
#   boot   ISO (the plain kernel): breakpoints at start_kernel, paging_init
#          and time_init, the backtraces there, CR3 and init_mm.pgd, and the
#          dissect-pt, dissect-meminfo and dissect-dmesg commands;
#   vmas   KTEST_ISO (default: dissect-ktest.iso next to ISO, command line
#          "ktest"), its command line rewritten to run only the vma and
#          vma_random suites: dissect-vmas against the kernel's own
#          show_map_vma() lines and the area list, dissect-rbcheck on a
#          healthy mm and on one damaged with "set var";
#   user   KTEST_ISO again, rewritten to "ktest ktest.filter=user" (the
#          user-program suite), stopped at argv_check's first system call:
#          dissect-ps, dissect-regs and dissect-cow against the task list,
#          the pt_regs and the page tables as read there.
#
# Both ISOs must hold ELF itself (a stale ISO is reported as such).
#
# Prints "gdb-check: ok" and exits 0, or prints "gdb-check: FAIL: reason"
# (and GDB's log) and exits 1.  Logs, next to ISO: gdb-check.log (GDB),
# gdb-check-serial.log (the kernel's console), gdb-check-qemu.log, and the
# same with "-vmas" and "-user" for the other two sessions.
# Environment: DISSECT_GDB_PORT forces the port; DISSECT_GDB_CHECK_TIMEOUT
# bounds each GDB session (default 50 s).

iso=$1
elf=$2
ktest_iso=${3:-$(dirname "$iso")/dissect-ktest.iso}
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 ISO ELF [KTEST_ISO]" >&2
	exit 2
fi

src=$(cd "$(dirname "$0")/.." && pwd)
out=$(dirname "$iso")
timeout_s=${DISSECT_GDB_CHECK_TIMEOUT:-50}
qemu_pid=

fail() {
	echo "gdb-check: FAIL: $*"
	exit 1
}

# Always stop the QEMU this script started, however it ends.
stop_qemu() {
	if [ -n "$qemu_pid" ]; then
		kill "$qemu_pid" 2>/dev/null
		wait "$qemu_pid" 2>/dev/null
		qemu_pid=
	fi
}
trap stop_qemu EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -f "$iso" ] || fail "no ISO $iso (make $iso)"
[ -f "$ktest_iso" ] || fail "no ISO $ktest_iso (make $ktest_iso)"
[ -f "$elf" ] || fail "no kernel $elf (make kernel)"
command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 is not installed (make setup)"
command -v gdb >/dev/null || fail "gdb is not installed (make setup)"
gdb -batch -nx -ex 'python print("py")' 2>/dev/null | grep -q '^py$' ||
	fail "this gdb has no Python support"

# The Makefile stages build/test/dissect-NAME.iso's files in
# build/test/iso-NAME/: its kernel must be ELF, or every symbol is wrong.
check_fresh() {
	name=$(basename "$1" .iso)
	staged=$(dirname "$1")/iso-${name#dissect-}/boot/dissect.elf
	if [ -f "$staged" ] && ! cmp -s "$staged" "$elf"; then
		fail "$1 does not hold $elf (stale: make $1)"
	fi
}
check_fresh "$iso"
check_fresh "$ktest_iso"

# A free TCP port: the kernel picks one when binding to port 0.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# GDB prints warnings about NASM's debug information of startup_64 on
# every backtrace through it; they are noise here.
show_log() {
	grep -v -e '^warning: (\(Internal error\|Error\): pc .* in \(read in CU\|address map\), but not in symtab\.)$' \
		"$1" | sed 's/^/  | /'
}

# session NAME ISO LOG-SUFFIX: boot ISO under QEMU, run check.py's session
# NAME against it; return only if it passed.
session() {
	name=$1
	session_iso=$2
	gdb_log=$out/gdb-check$3.log
	serial_log=$out/gdb-check$3-serial.log
	qemu_log=$out/gdb-check$3-qemu.log

	# Start QEMU; retry with another port if someone took ours meanwhile.
	tries=0
	while :; do
		port=${DISSECT_GDB_PORT:-$(free_port)}
		[ -n "$port" ] || fail "cannot find a free TCP port"
		rm -f "$serial_log"
		qemu-system-x86_64 -machine pc -cpu max -m 256M -smp 1 -no-reboot \
			-display none -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
			-boot d -cdrom "$session_iso" -serial "file:$serial_log" \
			-S -gdb "tcp:127.0.0.1:$port" \
			</dev/null >"$qemu_log" 2>&1 &
		qemu_pid=$!
		sleep 0.3
		kill -0 "$qemu_pid" 2>/dev/null && break
		wait "$qemu_pid" 2>/dev/null
		qemu_pid=
		tries=$((tries + 1))
		if [ -n "$DISSECT_GDB_PORT" ] || [ $tries -ge 3 ]; then
			cat "$qemu_log"
			fail "[$name] QEMU did not start (port $port; see above)"
		fi
	done

	start=$(date +%s)
	DISSECT_GDB_PORT=$port DISSECT_ELF=$elf DISSECT_SRC=$src DISSECT_GDB_SESSION=$name \
		DISSECT_SERIAL_LOG=$serial_log \
		timeout -k 5 "$timeout_s" gdb -batch -nx -x "$src/scripts/gdb/check.py" \
		</dev/null >"$gdb_log" 2>&1
	rc=$?
	elapsed=$(( $(date +%s) - start ))
	stop_qemu

	if [ $rc -eq 0 ] && grep -qx 'gdb-check: ok' "$gdb_log"; then
		return 0
	fi
	show_log "$gdb_log"
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		step=$(grep '^gdb-check: step: ' "$gdb_log" | tail -n 1 | sed 's/^gdb-check: step: //')
		echo "gdb-check: FAIL: [$name] GDB timed out after ${elapsed} s${step:+ during: $step}" \
			"(logs: $gdb_log, $serial_log)"
		exit 1
	fi
	reason=$(grep '^gdb-check: FAIL: ' "$gdb_log" | head -n 1 | sed 's/^gdb-check: FAIL: //; s/:$//')
	echo "gdb-check: FAIL: [$name] ${reason:-gdb exited with status $rc}" \
		"(logs: $gdb_log, $serial_log)"
	exit 1
}

session boot "$iso" ""
session vmas "$ktest_iso" "-vmas"
session user "$ktest_iso" "-user"
echo "gdb-check: ok"
exit 0
