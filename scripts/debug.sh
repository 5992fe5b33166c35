#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/debug.sh ISO QEMU-FLAGS...  -- `make debug`: QEMU stopped at its
# first instruction with its gdbstub on, and GDB attached (scripts/gdb/gdbinit).
#
# QEMU runs in the background, its serial console going to debug-serial.log
# next to ISO (build/debug-serial.log: "tail -f" it in another terminal);
# QEMU's own messages go to debug-qemu.log.  The gdbstub listens on
# 127.0.0.1 only, on port 1234 or the next free one; DISSECT_GDB_PORT=N
# forces a port, DISSECT_ELF=FILE another kernel than dissect.elf next to
# ISO.  Quitting GDB stops QEMU.

if [ $# -lt 1 ]; then
	echo "usage: $0 ISO QEMU-FLAGS..." >&2
	exit 2
fi
iso=$1
shift

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$(dirname "$iso")" && pwd) || exit 1
iso=$build/$(basename "$iso")
elf=${DISSECT_ELF:-$build/dissect.elf}
serial_log=$build/debug-serial.log
qemu_log=$build/debug-qemu.log

[ -f "$iso" ] || { echo "debug.sh: no ISO $iso" >&2; exit 1; }
[ -f "$elf" ] || { echo "debug.sh: no kernel $elf" >&2; exit 1; }

# Is a local TCP port free to listen on?
port_free() {
	python3 -c 'import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)' "$1"
}

if [ -n "$DISSECT_GDB_PORT" ]; then
	port=$DISSECT_GDB_PORT
else
	port=1234
	while ! port_free $port; do
		port=$((port + 1))
		if [ $port -gt 1334 ]; then
			echo "debug.sh: no free port in 1234..1334; set DISSECT_GDB_PORT" >&2
			exit 1
		fi
	done
fi

qemu_pid=
cleanup() {
	if [ -n "$qemu_pid" ]; then
		kill "$qemu_pid" 2>/dev/null
		wait "$qemu_pid" 2>/dev/null
	fi
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 143' TERM
# Ctrl-C belongs to GDB (it stops the kernel): the script waits for GDB.
trap ':' INT

: >"$serial_log"
# setsid: QEMU gets its own session, away from the terminal, so that the
# Ctrl-C meant for GDB does not reach it (QEMU quits on SIGINT).  Run in
# the background of a script, setsid execs QEMU without forking, so $! is
# QEMU's pid.
setsid qemu-system-x86_64 "$@" -boot d -cdrom "$iso" -serial "file:$serial_log" \
	-S -gdb "tcp:127.0.0.1:$port" </dev/null >"$qemu_log" 2>&1 &
qemu_pid=$!
sleep 0.3
if ! kill -0 "$qemu_pid" 2>/dev/null; then
	cat "$qemu_log" >&2
	echo "debug.sh: QEMU did not start (see above)" >&2
	exit 1
fi

echo "dissect: QEMU (pid $qemu_pid) is stopped at its first instruction; gdbstub on 127.0.0.1:$port"
echo "dissect: serial console: tail -f $serial_log"

cd "$src" || exit 1
DISSECT_GDB_PORT=$port DISSECT_ELF=$elf DISSECT_SERIAL_LOG=$serial_log \
	gdb -q -x scripts/gdb/gdbinit
