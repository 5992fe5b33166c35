// SPDX-License-Identifier: GPL-2.0
/*
 * Building the kernel's own page tables (Linux: arch/x86/mm/init.c).
 *
 *   setup_arch()
 *     init_mem_mapping()                 this file
 *       init_memory_mapping(start, end)  for the first MiB, then each RAM range
 *         split_mem_range()              4K head / 2M / 1G / 2M / 4K tail
 *         kernel_physical_mapping_init() arch/x86/mm/init_64.c, per piece
 *       kernel_image_mapping_init()      the kernel at __START_KERNEL_map, W^X
 *       load CR3 = swapper_pg_dir        the boot tables are no longer used
 *
 * Until CR3 switches, only the boot tables' first GiB is reachable, so
 * alloc_low_page() takes page-table pages from below 1 GiB.
 */
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>
#include <asm/init.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

#define ISA_END_ADDRESS		0x100000

unsigned long page_size_mask;
bool after_bootmem;

/* Which big pages this CPU can use for the direct map. */
static void probe_page_size_mask(void)
{
	page_size_mask = 1UL << PG_LEVEL_2M;		/* every x86-64 CPU */
	if (boot_cpu_has(X86_FEATURE_GBPAGES))
		page_size_mask |= 1UL << PG_LEVEL_1G;
}

/**
 * alloc_low_page - a zeroed page for a kernel page table
 *
 * Before the buddy allocator exists this comes from memblock, below
 * memblock.current_limit (the memory the active tables map); afterwards
 * from the buddy allocator.  Panics if memory has run out: without page
 * tables the kernel cannot go on.
 */
void *alloc_low_page(void)
{
	phys_addr_t pa;
	void *page;

	if (after_bootmem) {
		page = (void *)get_zeroed_page(GFP_KERNEL);
		if (!page)
			panic("alloc_low_page: out of memory");
		return page;
	}
	pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, memblock.current_limit);
	if (!pa)
		panic("alloc_low_page: can not alloc memory");
	page = __va(pa);
	memset(page, 0, PAGE_SIZE);
	return page;
}

static int save_mr(struct map_range *mr, int nr_range, unsigned long start_pfn,
		   unsigned long end_pfn, unsigned long size_mask)
{
	if (start_pfn >= end_pfn)
		return nr_range;
	if (nr_range >= NR_RANGE_MR)
		panic("split_mem_range: run out of range for init_memory_mapping");
	mr[nr_range].start = start_pfn << PAGE_SHIFT;
	mr[nr_range].end = end_pfn << PAGE_SHIFT;
	mr[nr_range].page_size_mask = size_mask;
	return nr_range + 1;
}

/* Join neighbouring pieces that use the same page sizes. */
static int merge_mr(struct map_range *mr, int nr_range)
{
	int i = 0;

	while (i + 1 < nr_range) {
		if (mr[i].end != mr[i + 1].start ||
		    mr[i].page_size_mask != mr[i + 1].page_size_mask) {
			i++;
			continue;
		}
		mr[i].end = mr[i + 1].end;
		memmove(&mr[i + 1], &mr[i + 2], (nr_range - i - 2) * sizeof(*mr));
		nr_range--;
	}
	return nr_range;
}

#define PMD_PFNS	(PMD_SIZE >> PAGE_SHIFT)
#define PUD_PFNS	(PUD_SIZE >> PAGE_SHIFT)

/**
 * split_mem_range - cut [start, end) into pieces by the page size each can use
 * @mr: the pieces, appended from index @nr_range
 * @size_mask: the page sizes allowed at all (page_size_mask)
 *
 * From the bottom: 4K pages up to the first 2M boundary, 2M pages up to
 * the first 1G boundary, 1G pages while whole gigabytes remain, then 2M
 * and 4K pages for the tail.  Empty pieces are dropped and neighbours
 * with the same page sizes joined (a CPU without 2M pages gets one piece).
 *
 * Return: the new number of pieces.
 */
int split_mem_range(struct map_range *mr, int nr_range, unsigned long start,
		    unsigned long end, unsigned long size_mask)
{
	unsigned long limit_pfn = PFN_DOWN(end), pfn = PFN_DOWN(start);
	unsigned long mask_2m = size_mask & (1UL << PG_LEVEL_2M);
	unsigned long mask_1g = size_mask & ((1UL << PG_LEVEL_2M) | (1UL << PG_LEVEL_1G));
	unsigned long s, e;

	e = min(round_up(pfn, PMD_PFNS), limit_pfn);		/* head: 4K */
	nr_range = save_mr(mr, nr_range, pfn, e, 0);
	pfn = max(pfn, e);

	s = round_up(pfn, PMD_PFNS);				/* up to 1G: 2M */
	e = min(round_up(pfn, PUD_PFNS), round_down(limit_pfn, PMD_PFNS));
	nr_range = save_mr(mr, nr_range, s, e, mask_2m);
	pfn = max(pfn, e);

	s = round_up(pfn, PUD_PFNS);				/* middle: 1G */
	e = round_down(limit_pfn, PUD_PFNS);
	nr_range = save_mr(mr, nr_range, s, e, mask_1g);
	pfn = max(pfn, e);

	s = round_up(pfn, PMD_PFNS);				/* tail: 2M */
	e = round_down(limit_pfn, PMD_PFNS);
	nr_range = save_mr(mr, nr_range, s, e, mask_2m);
	pfn = max(pfn, e);

	nr_range = save_mr(mr, nr_range, pfn, limit_pfn, 0);	/* tail: 4K */
	return merge_mr(mr, nr_range);
}

/* How each piece will be mapped, as Linux prints it with memblock=debug. */
static const char *page_size_string(const struct map_range *mr)
{
	if (mr->page_size_mask & (1UL << PG_LEVEL_1G))
		return "1G";
	if (mr->page_size_mask & (1UL << PG_LEVEL_2M))
		return "2M";
	return "4k";
}

/**
 * init_memory_mapping - direct-map physical [start, end) at __va(start)
 * Return: the end of what was mapped.
 */
unsigned long init_memory_mapping(unsigned long start, unsigned long end)
{
	struct map_range mr[NR_RANGE_MR];
	unsigned long ret = 0;
	int nr_range, i;

	pr_info("init_memory_mapping: [mem %#010lx-%#010lx]\n", start, end - 1);
	memset(mr, 0, sizeof(mr));
	nr_range = split_mem_range(mr, 0, start, end, page_size_mask);
	for (i = 0; i < nr_range; i++) {
		pr_debug(" [mem %#010lx-%#010lx] page %s\n",
			 mr[i].start, mr[i].end - 1, page_size_string(&mr[i]));
		ret = kernel_physical_mapping_init(mr[i].start, mr[i].end,
						   mr[i].page_size_mask);
	}
	return ret;
}

/**
 * init_mem_mapping - build swapper_pg_dir and switch CR3 to it
 *
 * Maps the first MiB and every memblock memory range into the direct
 * map, maps the kernel image W^X, then loads swapper_pg_dir.  The boot
 * tables, and with them the identity map, are gone afterwards.
 */
void init_mem_mapping(void)
{
	struct memblock_region *r;

	probe_page_size_mask();
	init_memory_mapping(0, ISA_END_ADDRESS);
	for_each_memblock(memory, r) {
		unsigned long start = max(r->base, (phys_addr_t)ISA_END_ADDRESS);
		unsigned long end = r->base + r->size;

		if (start < end)
			init_memory_mapping(start, end);
	}
	kernel_image_mapping_init();
	write_cr3(__pa(swapper_pg_dir));
	__flush_tlb_all();
	memblock_set_current_limit(memblock_end_of_DRAM());
}

/**
 * free_initmem - give the pages of the kernel's head back to the allocator
 *
 * The head (linker.ld) holds the multiboot2 header, the 32-bit entry code,
 * the boot GDT and the boot page tables; none is used once swapper_pg_dir
 * and the real GDT are loaded.  It is linked at its physical address, so
 * its symbols are physical addresses.
 */
void free_initmem(void)
{
	extern char __head_start[], __head_end[];

	free_reserved_area(__va(__head_start), __va(__head_end),
			   "unused kernel image (initmem)");
}
