// SPDX-License-Identifier: GPL-2.0
#include <kernel.h>
#include <memblock.h>
#include <asm/e820.h>
#include <asm/page.h>

struct e820_table e820_table;

/* e820__range_add - append an entry; -ENOSPC-like 1 when the table is full. */
int e820__range_add(struct e820_table *table, u64 start, u64 size, enum e820_type type)
{
	if (table->nr_entries >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; ignoring [mem %#018llx-%#018llx]\n",
		       start, start + size - 1);
		return 1;
	}
	table->entries[table->nr_entries++] = (struct e820_entry){ start, size, type };
	return 0;
}

/* Insertion sort by start address: firmware maps are short. */
void e820__sort(struct e820_table *table)
{
	for (u32 i = 1; i < table->nr_entries; i++) {
		struct e820_entry e = table->entries[i];
		u32 j = i;

		for (; j > 0 && table->entries[j - 1].addr > e.addr; j--)
			table->entries[j] = table->entries[j - 1];
		table->entries[j] = e;
	}
}

static const char *e820_type_name(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:		return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	case E820_TYPE_PMEM:		return "persistent (type 7)";
	default:			return "type ?";
	}
}

/* One entry as Linux prints it: "[mem 0x...-0x...] usable". */
int e820__snprint_entry(char *buf, size_t size, const struct e820_entry *e)
{
	return snprintf(buf, size, "[mem %#018llx-%#018llx] %s",
			e->addr, e->addr + e->size - 1, e820_type_name(e->type));
}

void e820__print_table(const struct e820_table *table, const char *who)
{
	char line[80];

	for (u32 i = 0; i < table->nr_entries; i++) {
		e820__snprint_entry(line, sizeof(line), &table->entries[i]);
		pr_info("%s: %s\n", who, line);
	}
}

/* e820__memblock_setup - tell memblock where the usable RAM is, whole pages only. */
void e820__memblock_setup(void)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];
		u64 start = PAGE_ALIGN(e->addr);
		u64 end = (e->addr + e->size) & PAGE_MASK;

		if (e->type == E820_TYPE_RAM && start < end)
			memblock_add(start, end - start);
	}
}

/* One past the highest usable page frame. */
unsigned long e820__end_of_ram_pfn(void)
{
	unsigned long last = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			last = max(last, (unsigned long)PFN_DOWN(e->addr + e->size));
	}
	return last;
}
