/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <types.h>

/*
 * The registers saved on the kernel stack on every entry (exception,
 * interrupt, system call), in Linux's order.  The last five words are what
 * the CPU pushes itself; orig_rax holds the error code of an exception or
 * the number of a system call.
 */
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax;
	unsigned long ip, cs, flags, sp, ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif /* _ASM_X86_PTRACE_H */
