#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/gdb_check.sh ISO ELF  -- the batch GDB check of `make test`.
#
# Boots ISO in QEMU stopped at the first instruction (-S) with its gdbstub
# on a free local port, and runs scripts/gdb/check.py in `gdb -batch`
# against ELF: breakpoints at start_kernel, paging_init and time_init, the
# backtraces there, CR3 and init_mm.pgd, and the dissect-pt,
# dissect-meminfo and dissect-dmesg commands (see check.py).
#
# Prints "gdb-check: ok" and exits 0, or prints "gdb-check: FAIL: reason"
# (and GDB's log) and exits 1.  Logs, next to ISO: gdb-check.log (GDB),
# gdb-check-serial.log (the kernel's console), gdb-check-qemu.log.
# Environment: DISSECT_GDB_PORT forces the port; DISSECT_GDB_CHECK_TIMEOUT
# bounds the whole GDB session (default 50 s).

iso=$1
elf=$2
if [ $# -ne 2 ]; then
	echo "usage: $0 ISO ELF" >&2
	exit 2
fi

src=$(cd "$(dirname "$0")/.." && pwd)
out=$(dirname "$iso")
gdb_log=$out/gdb-check.log
serial_log=$out/gdb-check-serial.log
qemu_log=$out/gdb-check-qemu.log
timeout_s=${DISSECT_GDB_CHECK_TIMEOUT:-50}
qemu_pid=

fail() {
	echo "gdb-check: FAIL: $*"
	exit 1
}

# Always stop the QEMU this script started, however it ends.
cleanup() {
	if [ -n "$qemu_pid" ]; then
		kill "$qemu_pid" 2>/dev/null
		wait "$qemu_pid" 2>/dev/null
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -f "$iso" ] || fail "no ISO $iso (make $iso)"
[ -f "$elf" ] || fail "no kernel $elf (make kernel)"
command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 is not installed (make setup)"
command -v gdb >/dev/null || fail "gdb is not installed (make setup)"
gdb -batch -nx -ex 'python print("py")' 2>/dev/null | grep -q '^py$' ||
	fail "this gdb has no Python support"

# A free TCP port: the kernel picks one when binding to port 0.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Start QEMU; retry with another port if someone took ours meanwhile.
tries=0
while :; do
	port=${DISSECT_GDB_PORT:-$(free_port)}
	[ -n "$port" ] || fail "cannot find a free TCP port"
	rm -f "$serial_log"
	qemu-system-x86_64 -machine pc -cpu max -m 256M -smp 1 -no-reboot \
		-display none -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-boot d -cdrom "$iso" -serial "file:$serial_log" \
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
		fail "QEMU did not start (port $port; see above)"
	fi
done

# GDB retries the connection itself until QEMU listens (set tcp auto-retry).
start=$(date +%s)
DISSECT_GDB_PORT=$port DISSECT_ELF=$elf DISSECT_SRC=$src \
	timeout -k 5 "$timeout_s" gdb -batch -nx -x "$src/scripts/gdb/check.py" \
	</dev/null >"$gdb_log" 2>&1
rc=$?
elapsed=$(( $(date +%s) - start ))

# GDB prints warnings about NASM's debug information of startup_64 on
# every backtrace through it; they are noise here.
show_log() {
	grep -v -e '^warning: (\(Internal error\|Error\): pc .* in \(read in CU\|address map\), but not in symtab\.)$' \
		"$gdb_log" | sed 's/^/  | /'
}

if [ $rc -eq 0 ] && grep -qx 'gdb-check: ok' "$gdb_log"; then
	echo "gdb-check: ok"
	exit 0
fi

show_log
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
	step=$(grep '^gdb-check: step: ' "$gdb_log" | tail -n 1 | sed 's/^gdb-check: step: //')
	echo "gdb-check: FAIL: GDB timed out after ${elapsed} s${step:+ during: $step}" \
		"(logs: $gdb_log, $serial_log)"
	exit 1
fi
reason=$(grep '^gdb-check: FAIL: ' "$gdb_log" | head -n 1 | sed 's/^gdb-check: FAIL: //; s/:$//')
echo "gdb-check: FAIL: ${reason:-gdb exited with status $rc}" \
	"(logs: $gdb_log, $serial_log)"
exit 1
