// SPDX-License-Identifier: GPL-2.0
/* What the boot CPU can do, read once from CPUID (Linux: cpu/common.c). */
#include <kernel.h>
#include <string.h>
#include <asm/processor.h>

struct cpuinfo_x86 boot_cpu_data;

/* ASM_CLAC in entry_64.asm reads the SMAP bit by these numbers. */
BUILD_BUG_ON(offsetof(struct cpuinfo_x86, features) != CPUINFO_features);
BUILD_BUG_ON(X86_FEATURE_SMAP != X86_FEATURE_SMAP_BIT);

static void set_feature(unsigned int f, bool on)
{
	if (on)
		boot_cpu_data.features |= 1U << f;
}

void identify_boot_cpu(void)
{
	u32 a, b, c, d, max_ext;

	cpuid_count(0, 0, &a, &b, &c, &d);
	memcpy(boot_cpu_data.vendor + 0, &b, 4);
	memcpy(boot_cpu_data.vendor + 4, &d, 4);
	memcpy(boot_cpu_data.vendor + 8, &c, 4);
	if (a >= 7) {
		cpuid_count(7, 0, &a, &b, &c, &d);
		set_feature(X86_FEATURE_FSGSBASE, b & (1U << 0));
		set_feature(X86_FEATURE_SMEP, b & (1U << 7));
		set_feature(X86_FEATURE_SMAP, b & (1U << 20));
	}
	cpuid_count(1, 0, &a, &b, &c, &d);
	set_feature(X86_FEATURE_PAE, d & (1U << 6));
	set_feature(X86_FEATURE_PGE, d & (1U << 13));

	cpuid_count(0x80000000, 0, &max_ext, &b, &c, &d);
	cpuid_count(0x80000001, 0, &a, &b, &c, &d);
	set_feature(X86_FEATURE_NX, d & (1U << 20));
	set_feature(X86_FEATURE_GBPAGES, d & (1U << 26));
	set_feature(X86_FEATURE_LM, d & (1U << 29));
	if (max_ext >= 0x80000004) {
		u32 *id = (u32 *)boot_cpu_data.model_id;

		for (u32 leaf = 0x80000002; leaf <= 0x80000004; leaf++, id += 4)
			cpuid_count(leaf, 0, &id[0], &id[1], &id[2], &id[3]);
	}
	pr_info("CPU: %s %s%s%s%s\n", boot_cpu_data.vendor, boot_cpu_data.model_id,
		boot_cpu_has(X86_FEATURE_GBPAGES) ? " pdpe1gb" : "",
		boot_cpu_has(X86_FEATURE_SMEP) ? " smep" : "",
		boot_cpu_has(X86_FEATURE_SMAP) ? " smap" : "");
}
