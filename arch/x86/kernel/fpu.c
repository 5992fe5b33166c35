// SPDX-License-Identifier: GPL-2.0
/* Turning on the FPU and SSE for user mode; see asm/fpu.h. */
#include <string.h>
#include <asm/fpu.h>
#include <asm/special_insns.h>

#define X86_CR0_MP	(1UL << 1)	/* WAIT honours TS */
#define X86_CR0_EM	(1UL << 2)	/* emulate: no FPU (must be clear) */
#define X86_CR0_TS	(1UL << 3)	/* task switched: trap on FPU use */
#define X86_CR0_NE	(1UL << 5)	/* native FPU errors (#MF) */
#define X86_CR4_OSXMMEXCPT (1UL << 10)	/* SSE errors as #XM */

/* fpu__init_cpu - let user code run x87 and SSE instructions. */
void fpu__init_cpu(void)
{
	unsigned long cr0 = read_cr0();

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	asm volatile("mov %0, %%cr0" : : "r"(cr0));
	__write_cr4(__read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	asm volatile("fninit");
}

/* fpu__init_state - the state a new program starts with (as after FNINIT). */
void fpu__init_state(struct fxregs_state *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->cwd = FPU_DEFAULT_CWD;
	fx->mxcsr = FPU_DEFAULT_MXCSR;
}
