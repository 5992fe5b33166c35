/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_INIT_H
#define _ASM_X86_INIT_H

#include <types.h>

/* Page sizes a range may be mapped with: bits of page_size_mask. */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
};

#define NR_RANGE_MR	5

/* A piece of the direct map and the largest page size it may use. */
struct map_range {
	unsigned long start;
	unsigned long end;
	unsigned long page_size_mask;
};

extern unsigned long page_size_mask;	/* what this CPU allows */
extern bool after_bootmem;		/* the buddy allocator is up */

int split_mem_range(struct map_range *mr, int nr_range,
		    unsigned long start, unsigned long end,
		    unsigned long size_mask);
unsigned long init_memory_mapping(unsigned long start, unsigned long end);
unsigned long kernel_physical_mapping_init(unsigned long paddr_start,
					   unsigned long paddr_end,
					   unsigned long page_size_mask);
void *alloc_low_page(void);
void init_mem_mapping(void);
void sync_global_pgds(unsigned long start, unsigned long end);
void paging_init(void);
void free_initmem(void);
void kernel_image_mapping_init(void);

extern unsigned long direct_map_pages[PG_LEVEL_1G + 1];	/* leaves by size */

#endif /* _ASM_X86_INIT_H */
