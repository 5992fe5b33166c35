/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SPECIAL_INSNS_H
#define _ASM_X86_SPECIAL_INSNS_H

#include <types.h>

#define X86_CR0_WP	(1UL << 16)
#define X86_CR0_PG	(1UL << 31)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)
#define X86_CR4_OSFXSR	(1UL << 9)
#define X86_CR4_FSGSBASE (1UL << 16)
#define X86_CR4_SMEP	(1UL << 20)
#define X86_CR4_SMAP	(1UL << 21)

static inline unsigned long read_cr0(void)
{
	unsigned long v;

	asm volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}
static inline unsigned long read_cr2(void)
{
	unsigned long v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}
static inline unsigned long __read_cr3(void)
{
	unsigned long v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}
static inline void write_cr3(unsigned long v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}
static inline unsigned long __read_cr4(void)
{
	unsigned long v;

	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}
static inline void __write_cr4(unsigned long v)
{
	asm volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}
static inline void __invlpg(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}
static inline void native_halt(void)
{
	asm volatile("hlt" : : : "memory");
}

#endif /* _ASM_X86_SPECIAL_INSNS_H */
