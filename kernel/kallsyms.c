// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel symbol lookup for backtraces and "%pS".  The table is built by
 * scripts/kallsyms.py from the first link of the kernel and linked into
 * the second (see the Makefile): addresses sorted, one name each.
 */
#include <kallsyms.h>
#include <printk.h>
#include <string.h>

extern const unsigned long kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern char _stext[], _end[];

/* Index of the last symbol at or below @addr, or -1. */
static long kallsyms_find(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	long i;

	if (addr < (unsigned long)_stext || addr >= (unsigned long)_end)
		return NULL;
	i = kallsyms_find(addr);
	if (i < 0)
		return NULL;
	if (i + 1 < (long)kallsyms_num_syms)
		*size = kallsyms_addresses[i + 1] - kallsyms_addresses[i];
	else
		*size = (unsigned long)_end - kallsyms_addresses[i];
	*offset = addr - kallsyms_addresses[i];
	return &kallsyms_names[kallsyms_offsets[i]];
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr, &symsize, &offset);

	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(&kallsyms_names[kallsyms_offsets[i]], name))
			return kallsyms_addresses[i];
	return 0;
}
