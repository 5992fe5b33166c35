/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The FPU and SSE registers of user tasks (Linux: arch/x86/kernel/fpu/).
 * The kernel itself never uses them (it is built -mgeneral-regs-only), so
 * they belong to the user task that runs: saved (FXSAVE) when a task with
 * an mm is switched out and restored (FXRSTOR) when one is switched in --
 * "eager" switching, as Linux does today.
 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <types.h>
#include <compiler.h>

/* The 512-byte FXSAVE image: x87, MMX and SSE state. */
struct fxregs_state {
	u16 cwd, swd, twd, fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u8 regs[480];			/* st/mm 0-7, xmm 0-15, reserved */
} __aligned(16);

#define FPU_DEFAULT_CWD		0x037f	/* all exceptions masked, 64-bit precision */
#define FPU_DEFAULT_MXCSR	0x1f80	/* all SSE exceptions masked */

static inline void fxsave(struct fxregs_state *fx)
{
	asm volatile("fxsave64 %0" : "=m"(*fx));
}

static inline void fxrstor(const struct fxregs_state *fx)
{
	asm volatile("fxrstor64 %0" : : "m"(*fx));
}

void fpu__init_cpu(void);
void fpu__init_state(struct fxregs_state *fx);

#endif /* _ASM_X86_FPU_H */
