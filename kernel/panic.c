// SPDX-License-Identifier: GPL-2.0
#include <kernel.h>
#include <reboot.h>
#include <asm/irqflags.h>

static bool in_panic;

/**
 * panic - the kernel cannot go on: say why, show where, power off
 * @fmt: the reason, printf-style
 *
 * Prints "Kernel panic - not syncing: <reason>" and a symbolized
 * backtrace, then leaves QEMU with a failure status.  Does not return.
 */
void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);

	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!in_panic) {
		in_panic = true;
		dump_stack();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_exit(EXIT_PANIC, 0);
}

void __warn(const char *file, int line)
{
	printk(KERN_WARNING "WARNING: at %s:%d\n", file, line);
	dump_stack();
}
