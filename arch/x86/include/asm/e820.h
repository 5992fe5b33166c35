/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware's physical memory map (the BIOS "e820" call, which GRUB
 * passes on in the multiboot2 memory-map tag).  Linux:
 * arch/x86/include/asm/e820/types.h.
 */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

#include <types.h>

#define E820_MAX_ENTRIES	128

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
	E820_TYPE_PMEM		= 7,
};

struct e820_entry {
	u64 addr;
	u64 size;
	enum e820_type type;
};

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

int e820__range_add(struct e820_table *table, u64 start, u64 size, enum e820_type type);
void e820__sort(struct e820_table *table);
void e820__print_table(const struct e820_table *table, const char *who);
int e820__snprint_entry(char *buf, size_t size, const struct e820_entry *e);
void e820__memblock_setup(void);
unsigned long e820__end_of_ram_pfn(void);

#endif /* _ASM_X86_E820_H */
