// SPDX-License-Identifier: GPL-2.0
/* Setting up mem_map and handing boot memory to the buddy allocator. */
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>
#include "internal.h"

/**
 * memmap_init - allocate and initialise mem_map, one struct page per frame
 *
 * Every page starts reserved with one reference and no mappings;
 * memblock_free_all() then frees the ones that are really free.
 */
void memmap_init(void)
{
	size_t size = max_pfn * sizeof(struct page);

	mem_map = memblock_alloc(size, PAGE_SIZE);
	if (!mem_map)
		panic("memmap_init: cannot allocate %zu bytes for mem_map", size);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *page = &mem_map[pfn];

		page->flags = 1UL << PG_reserved;
		INIT_LIST_HEAD(&page->lru);
		set_page_count(page, 1);
		page_mapcount_reset(page);
	}
	pr_info("mem_map: %lu struct pages, %zu KiB at %p\n", max_pfn, size >> 10, mem_map);
}

/**
 * free_reserved_area - free the reserved pages of [start, end) (direct-map
 * addresses) to the buddy allocator, e.g. the kernel's .init sections
 */
void free_reserved_area(void *start, void *end, const char *what)
{
	unsigned long pfn, n = 0;

	for (pfn = PFN_UP(__pa(start)); pfn < PFN_DOWN(__pa(end)); pfn++, n++)
		__free_pages_core(pfn_to_page(pfn), 0);
	memblock_phys_free(__pa(start), (unsigned long)end - (unsigned long)start);
	pr_info("Freeing %s memory: %luK\n", what, n << (PAGE_SHIFT - 10));
}

/**
 * mem_init - start the buddy allocator with all memory memblock left free
 */
void mem_init(void)
{
	extern bool after_bootmem;
	struct memblock_region *r;
	unsigned long physpages = 0;

	memblock_free_all();
	after_bootmem = true;
	for_each_memblock(memory, r)
		physpages += PFN_DOWN(r->size);
	pr_info("Memory: %luK/%luK available\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10));
}
