/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _REBOOT_H
#define _REBOOT_H

#include <compiler.h>

/*
 * Leaving the machine.  Under QEMU the kernel reports why on the debugcon
 * port (0xe9: "exit N", "panic", "ktest pass"/"ktest fail"), which
 * scripts/run.sh and scripts/run_tests.py read, then powers off through
 * QEMU's isa-debug-exit device (port 0xf4), whose exit code is
 * (value << 1) | 1.
 */
enum machine_exit_reason {
	EXIT_KTEST_PASS = 0,
	EXIT_KTEST_FAIL = 1,
	EXIT_INIT = 2,		/* init ended; status follows on debugcon */
	EXIT_PANIC = 3,
	EXIT_INIT_SIGNAL = 4,	/* init was killed; the signal follows */
};

void __noreturn machine_exit(enum machine_exit_reason why, int status);

#endif /* _REBOOT_H */
