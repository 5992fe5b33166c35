// SPDX-License-Identifier: GPL-2.0
/* Powering off under QEMU; see include/reboot.h for the protocol. */
#include <kernel.h>
#include <reboot.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>

#define QEMU_DEBUGCON_PORT	0xe9
#define QEMU_DEBUG_EXIT_PORT	0xf4
#define ACPI_PM1A_CNT_PIIX4	0xb004	/* QEMU's pc machine, older firmware */
#define ACPI_PM1A_CNT_PIIX4_NEW	0x604

static void debugcon_puts(const char *s)
{
	while (*s)
		outb(*s++, QEMU_DEBUGCON_PORT);
}

void __noreturn machine_exit(enum machine_exit_reason why, int status)
{
	char line[32];

	local_irq_disable();
	switch (why) {
	case EXIT_KTEST_PASS:
		debugcon_puts("ktest pass\n");
		break;
	case EXIT_KTEST_FAIL:
		debugcon_puts("ktest fail\n");
		break;
	case EXIT_INIT:
		snprintf(line, sizeof(line), "exit %d\n", status);
		debugcon_puts(line);
		break;
	case EXIT_INIT_SIGNAL:
		snprintf(line, sizeof(line), "signal %d\n", status);
		debugcon_puts(line);
		break;
	case EXIT_PANIC:
		debugcon_puts("panic\n");
		break;
	}
	outl(why, QEMU_DEBUG_EXIT_PORT);
	outw(0x2000, ACPI_PM1A_CNT_PIIX4_NEW);	/* without isa-debug-exit */
	outw(0x2000, ACPI_PM1A_CNT_PIIX4);
	for (;;)
		native_halt();
}
