/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,
	X86_TRAP_BP,		/* int3 */
	X86_TRAP_OF,		/* overflow */
	X86_TRAP_BR,		/* bound range */
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,		/* device not available */
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,
	X86_TRAP_TS,		/* invalid TSS */
	X86_TRAP_NP,		/* segment not present */
	X86_TRAP_SS,		/* stack segment */
	X86_TRAP_GP,		/* general protection */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,
	X86_TRAP_MF,		/* x87 floating point */
	X86_TRAP_AC,		/* alignment check */
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,		/* SIMD floating point */
	X86_TRAP_VE,		/* virtualization */
	X86_TRAP_CP,		/* control protection */
};

#define NR_EXCEPTION_VECTORS	32
#define FIRST_EXTERNAL_VECTOR	0x20	/* the 8259s' IRQ 0..15 go here */
#define NR_LEGACY_IRQS		16

/* Page-fault error code bits (the CPU pushes them). */
#define X86_PF_PROT	(1UL << 0)	/* 0: page not present, 1: protection */
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_RSVD	(1UL << 3)	/* reserved bit set in an entry */
#define X86_PF_INSTR	(1UL << 4)	/* instruction fetch */

const char *trap_name(unsigned long vector);
void die(const char *str, struct pt_regs *regs, unsigned long err);
void trap_init(void);
void exc_page_fault(struct pt_regs *regs, unsigned long error_code);

#endif /* _ASM_X86_TRAPS_H */
