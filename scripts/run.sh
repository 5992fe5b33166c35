#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/run.sh ISO QEMU-FLAGS...  -- boot dissect and exit with init's status.
#
# The kernel reports how it ended on QEMU's debugcon port (include/reboot.h):
# "exit N" (init exited with N), "signal S" (init was killed by S),
# "panic", "ktest pass" or "ktest fail".  Quit QEMU by hand with Ctrl-A X.

iso=$1
shift
status_file=$(dirname "$iso")/run-status.txt
rm -f "$status_file"

qemu-system-x86_64 "$@" -boot d -cdrom "$iso" -debugcon "file:$status_file"
qemu_rc=$?

report=$(tail -n 1 "$status_file" 2>/dev/null)
case "$report" in
"exit "*)	exit "${report#exit }" ;;
"signal "*)	exit $((128 + ${report#signal })) ;;
"panic")	echo "dissect: kernel panic" >&2; exit 255 ;;
"ktest pass")	exit 0 ;;
"ktest fail")	exit 1 ;;
esac
# No report: QEMU was quit by hand (Ctrl-A X) or the guest reset.
[ "$qemu_rc" -eq 0 ] && exit 0
exit 1
