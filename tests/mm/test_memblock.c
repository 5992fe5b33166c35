// SPDX-License-Identifier: GPL-2.0
/* memblock: region arithmetic, and what this boot reserved. */
#include <ktest.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>
#include <asm/bootparam.h>
#include <asm/e820.h>
#include "../../mm/internal.h"

#define SCRATCH_REGIONS 16

static struct memblock_region scratch_regions[SCRATCH_REGIONS];
static struct memblock_type scratch = { .regions = scratch_regions, .name = "scratch" };

static void scratch_reset(void)
{
	scratch.cnt = 0;
	memset(scratch_regions, 0, sizeof(scratch_regions));
}

#define EXPECT_REGION(t, i, b, e) do {					\
	KTEST_EXPECT_UEQ(t, scratch.regions[i].base, b);		\
	KTEST_EXPECT_UEQ(t, scratch.regions[i].base + scratch.regions[i].size, e); \
} while (0)

static void memblock_add_keeps_sorted_and_merged(struct ktest *test)
{
	scratch_reset();
	memblock_add_range(&scratch, 0x3000, 0x1000);
	memblock_add_range(&scratch, 0x1000, 0x1000);
	KTEST_ASSERT_EQ(test, scratch.cnt, 2);
	EXPECT_REGION(test, 0, 0x1000, 0x2000);
	EXPECT_REGION(test, 1, 0x3000, 0x4000);

	memblock_add_range(&scratch, 0x2000, 0x1000);		/* fills the gap */
	KTEST_ASSERT_EQ(test, scratch.cnt, 1);
	EXPECT_REGION(test, 0, 0x1000, 0x4000);

	memblock_add_range(&scratch, 0x3800, 0x1800);		/* overlaps the end */
	memblock_add_range(&scratch, 0x0, 0x800);		/* below, apart */
	KTEST_ASSERT_EQ(test, scratch.cnt, 2);
	EXPECT_REGION(test, 0, 0x0, 0x800);
	EXPECT_REGION(test, 1, 0x1000, 0x5000);

	memblock_add_range(&scratch, 0x0, 0x10000);		/* swallows all */
	KTEST_ASSERT_EQ(test, scratch.cnt, 1);
	EXPECT_REGION(test, 0, 0x0, 0x10000);
}

static void memblock_remove_every_shape(struct ktest *test)
{
	scratch_reset();
	memblock_add_range(&scratch, 0x1000, 0x9000);		/* [0x1000, 0xa000) */
	memblock_remove_range(&scratch, 0x4000, 0x1000);	/* hole */
	KTEST_ASSERT_EQ(test, scratch.cnt, 2);
	EXPECT_REGION(test, 0, 0x1000, 0x4000);
	EXPECT_REGION(test, 1, 0x5000, 0xa000);

	memblock_remove_range(&scratch, 0x0, 0x2000);		/* head */
	EXPECT_REGION(test, 0, 0x2000, 0x4000);
	memblock_remove_range(&scratch, 0x9000, 0x4000);	/* tail */
	EXPECT_REGION(test, 1, 0x5000, 0x9000);

	memblock_remove_range(&scratch, 0x3000, 0x3000);	/* spans both */
	KTEST_ASSERT_EQ(test, scratch.cnt, 2);
	EXPECT_REGION(test, 0, 0x2000, 0x3000);
	EXPECT_REGION(test, 1, 0x6000, 0x9000);

	memblock_remove_range(&scratch, 0x0, 0x10000);		/* everything */
	KTEST_EXPECT_EQ(test, scratch.cnt, 0);
}

/* Everything the boot depends on is still marked reserved. */
static void memblock_boot_reservations(struct ktest *test)
{
	extern char _text[], _end[];

	KTEST_EXPECT_TRUE(test, memblock_is_reserved(0));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(0xfffff));		/* first MiB */
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(__pa_symbol(_text)));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(__pa_symbol(_end) - 1));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(boot_params.mbi_phys));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(boot_params.mbi_phys + boot_params.mbi_size - 1));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(__pa(mem_map)));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(__pa(mem_map + max_pfn) - 1));
	KTEST_EXPECT_FALSE(test, memblock_is_reserved(__pa_symbol(_end) + 2 * PAGE_SIZE));
}

/* memblock.memory is exactly the page-aligned usable e820 entries. */
static void memblock_memory_matches_e820(struct ktest *test)
{
	unsigned long usable = 0, in_memblock = 0;
	struct memblock_region *r;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];
		u64 s = PAGE_ALIGN(e->addr), end = (e->addr + e->size) & PAGE_MASK;

		if (e->type == E820_TYPE_RAM && s < end) {
			usable += end - s;
			KTEST_EXPECT_TRUE(test, memblock_is_region_memory(s, end - s));
		} else if (e->type != E820_TYPE_RAM) {
			KTEST_EXPECT_FALSE(test, memblock_is_region_memory(e->addr, 1));
		}
	}
	for_each_memblock(memory, r)
		in_memblock += r->size;
	KTEST_EXPECT_UEQ(test, in_memblock, usable);
	KTEST_EXPECT_UEQ(test, max_pfn, PFN_DOWN(memblock_end_of_DRAM()));
}

/* Every page memblock left free went to the buddy allocator, and no other. */
static void memblock_free_ranges_match_totalram(struct ktest *test)
{
	unsigned long pages = 0;
	phys_addr_t s, e;
	u64 i = 0;

	while (__next_free_mem_range(&i, &s, &e)) {
		KTEST_EXPECT_FALSE(test, memblock_is_reserved(s));
		if (PFN_UP(s) < PFN_DOWN(e))
			pages += PFN_DOWN(e) - PFN_UP(s);
	}
	KTEST_EXPECT_UEQ(test, pages, totalram_pages);
}

/* Allocation is top-down, aligned, below the limit; run on a copy of memblock. */
static void memblock_alloc_top_down(struct ktest *test)
{
	static struct memblock_region saved_regions[INIT_MEMBLOCK_REGIONS];
	struct memblock saved = memblock;
	phys_addr_t a, b, limit = 64UL << 20;

	for (phys_addr_t p = limit - 0x10000; p < limit; p += PAGE_SIZE)
		if (memblock_is_reserved(p) || !memblock_is_region_memory(p, PAGE_SIZE)) {
			ktest_skip(test, "the 64 KiB below 64 MiB are not free memory here");
			return;
		}
	memcpy(saved_regions, memblock.reserved.regions, sizeof(saved_regions));
	memblock_set_current_limit(limit);
	a = memblock_phys_alloc_range(0x3000, 0x10000, 0, ~0UL);
	b = memblock_phys_alloc_range(0x1000, 0x1000, 0, ~0UL);
	KTEST_EXPECT_UEQ(test, a, limit - 0x10000);		/* highest 64K-aligned fit */
	KTEST_EXPECT_UEQ(test, b, limit - 0x1000);		/* the gap above a */
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(a) && memblock_is_reserved(a + 0x2fff));
	KTEST_EXPECT_FALSE(test, memblock_is_reserved(a + 0x3000));
	KTEST_EXPECT_EQ(test, memblock_phys_alloc_range(1UL << 40, PAGE_SIZE, 0, ~0UL), 0);
	KTEST_EXPECT_EQ(test, memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, limit, ~0UL), 0);
	memcpy(memblock.reserved.regions, saved_regions, sizeof(saved_regions));
	memblock = saved;
}

static struct ktest_case memblock_cases[] = {
	KTEST_CASE(memblock_add_keeps_sorted_and_merged),
	KTEST_CASE(memblock_remove_every_shape),
	KTEST_CASE(memblock_boot_reservations),
	KTEST_CASE(memblock_memory_matches_e820),
	KTEST_CASE(memblock_free_ranges_match_totalram),
	KTEST_CASE(memblock_alloc_top_down),
	{}
};

static struct ktest_suite memblock_suite = {
	.name = "memblock",
	.test_cases = memblock_cases,
};
ktest_suite(memblock_suite);
