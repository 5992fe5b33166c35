/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time physical memory allocator (Linux:
 * mm/memblock.c).  Two sorted lists of ranges -- the RAM there is
 * ("memory") and the parts of it in use ("reserved") -- and allocation
 * means finding a free stretch and adding it to "reserved".  Once the
 * buddy allocator exists, memblock_free_all() hands it every free page.
 */
#ifndef _MEMBLOCK_H
#define _MEMBLOCK_H

#include <types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_end_of_DRAM(void);
void memblock_dump_all(void);
void memblock_free_all(void);

/*
 * Walk the free ranges (memory minus reserved) in address order:
 *	u64 i = 0; phys_addr_t s, e;
 *	while (__next_free_mem_range(&i, &s, &e)) ...
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end);

/* Regions of a type, for tests. */
#define for_each_memblock(type, r)					\
	for (r = memblock.type.regions;					\
	     r < memblock.type.regions + memblock.type.cnt; r++)

#endif /* _MEMBLOCK_H */
