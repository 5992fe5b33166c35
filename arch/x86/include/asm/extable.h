/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exception table: for each kernel instruction that is allowed to
 * fault (an access to user memory, a probe of a kernel address), the
 * address to continue at instead.  The trap handlers look the faulting
 * RIP up here before deciding the kernel is broken (fixup_exception()).
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to go if it does */
};

/* In inline assembly: if the instruction at @from faults, go to @to. */
#define _ASM_EXTABLE(from, to)					\
	" .pushsection __ex_table, \"a\"\n"			\
	" .balign 8\n"						\
	" .quad " #from ", " #to "\n"				\
	" .popsection\n"

struct pt_regs;
const struct exception_table_entry *search_exception_tables(unsigned long ip);
int fixup_exception(struct pt_regs *regs, int trapnr);

#endif /* _ASM_X86_EXTABLE_H */
