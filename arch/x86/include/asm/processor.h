/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <types.h>

/* CPUID feature bits as (leaf word * 32 + bit), Linux-style names. */
enum {
	X86_FEATURE_PAE,
	X86_FEATURE_PGE,
	X86_FEATURE_NX,
	X86_FEATURE_GBPAGES,	/* 1 GiB pages (pdpe1gb) */
	X86_FEATURE_LM,
	X86_FEATURE_SMEP,
	X86_FEATURE_SMAP,
	X86_FEATURE_FSGSBASE,
	NR_X86_FEATURES,
};

struct cpuinfo_x86 {
	char vendor[13];
	char model_id[49];
	u32 features;		/* bit n: X86_FEATURE n */
};

extern struct cpuinfo_x86 boot_cpu_data;

/* entry_64.asm tests X86_FEATURE_SMAP itself (asm/processor.inc). */
#define CPUINFO_features	64
#define X86_FEATURE_SMAP_BIT	6

static inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	asm volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "0"(leaf), "2"(sub));
}

static inline bool boot_cpu_has(unsigned int feature)
{
	return boot_cpu_data.features & (1U << feature);
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

void identify_boot_cpu(void);

#endif /* _ASM_X86_PROCESSOR_H */
