/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told us, copied out of the multiboot2 information
 * structure at boot (Linux keeps the same facts in struct boot_params,
 * filled by its own boot code).
 */
#ifndef _ASM_X86_BOOTPARAM_H
#define _ASM_X86_BOOTPARAM_H

#include <types.h>
#include <asm/e820.h>

#define COMMAND_LINE_SIZE	2048
#define MAX_BOOT_MODULES	8

#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

struct boot_module {
	u64 start, end;			/* physical, end exclusive */
	char cmdline[128];
};

struct boot_params {
	u64 mbi_phys;
	u32 mbi_size;
	char cmdline[COMMAND_LINE_SIZE];
	char bootloader_name[64];
	u32 nr_modules;
	struct boot_module modules[MAX_BOOT_MODULES];
	struct e820_table e820;
};

extern struct boot_params boot_params;

int multiboot2_parse(const void *mbi, struct boot_params *bp);

#endif /* _ASM_X86_BOOTPARAM_H */
