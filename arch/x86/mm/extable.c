// SPDX-License-Identifier: GPL-2.0
#include <kernel.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/* The table is small; a linear search keeps it obviously right. */
const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

/**
 * fixup_exception - resume a faulting kernel access at its fixup
 * @regs: the registers at the fault; regs->ip is changed on success
 * @trapnr: the exception vector (for the record)
 *
 * Return: 1 if the faulting instruction has an exception-table entry and
 * execution will continue at its fixup, 0 if the fault is a kernel bug.
 */
int fixup_exception(struct pt_regs *regs, int trapnr)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return 0;
	regs->ip = e->fixup;
	return 1;
}
