/* SPDX-License-Identifier: GPL-2.0 */
/* Interfaces private to mm/. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <mm.h>

void __free_pages_core(struct page *page, unsigned int order);

struct memblock_type;
int memblock_add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size);
int memblock_remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size);

#endif /* _MM_INTERNAL_H */
