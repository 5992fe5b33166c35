/* SPDX-License-Identifier: GPL-2.0 */
/*
 * setjmp/longjmp for the kernel (arch/x86/lib/setjmp.asm): the self-test
 * runner uses them to regain control when a case fails an assertion or
 * crashes.  Only callee-saved registers, the stack pointer and the return
 * address are kept.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <compiler.h>

struct jmp_buf_regs {
	unsigned long rbx, rbp, r12, r13, r14, r15, rsp, rip;
};
typedef struct jmp_buf_regs jmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __noreturn;

#endif /* _SETJMP_H */
