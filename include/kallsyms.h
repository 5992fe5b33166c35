/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KALLSYMS_H
#define _KALLSYMS_H

#include <types.h>

#define KSYM_SYMBOL_LEN 128

/*
 * Look up the kernel symbol containing @addr.  Returns the symbol's name
 * and sets *@size and *@offset, or NULL if @addr is not in the kernel.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
/* "name+0xoff/0xsize", or the bare address in hex; returns the length. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
unsigned long kallsyms_lookup_name(const char *name);

#endif /* _KALLSYMS_H */
