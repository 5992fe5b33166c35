/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/special_insns.h>

/* Drop one page's translation from this CPU's TLB. */
static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	__invlpg(addr);
}

/* Drop all non-global translations: reload CR3. */
static inline void __flush_tlb_local(void)
{
	write_cr3(__read_cr3());
}

/* Drop every translation, global ones too: toggle CR4.PGE. */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4 = __read_cr4();

	__write_cr4(cr4 & ~X86_CR4_PGE);
	__write_cr4(cr4);
}

#endif /* _ASM_X86_TLBFLUSH_H */
