// SPDX-License-Identifier: GPL-2.0
/*
 * swapper_pg_dir after init_mem_mapping(): the direct map covers RAM with
 * the page sizes split_mem_range() chose, the kernel image is W^X, and
 * the boot tables' identity map is gone.
 */
#include <ktest.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <asm/init.h>
#include <sched.h>
#include <asm/pgtable_walk.h>
#include <asm/special_insns.h>

extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[];
extern char __kallsyms_start[], _end[], __head_start[], __head_end[];

static unsigned long level_size(unsigned int level)
{
	return level == PG_LEVEL_1G ? PUD_SIZE : level == PG_LEVEL_2M ? PMD_SIZE : PAGE_SIZE;
}

/* The leaf for @pa in the direct map maps exactly @pa, with @want's size. */
static bool check_direct_page(struct ktest *test, unsigned long pa, unsigned int want)
{
	unsigned int level;
	pte_t *leaf = lookup_address((unsigned long)__va(pa), &level);
	unsigned long base;

	if (!leaf || !pte_present(*leaf)) {
		KTEST_FAIL(test, "phys %#lx is not in the direct map", pa);
		return false;
	}
	base = pte_val(*leaf) & PTE_PFN_MASK & ~(level_size(level) - 1);
	if (level != want || base + (pa & (level_size(level) - 1)) != pa) {
		KTEST_FAIL(test, "phys %#lx: level %u base %#lx, expected level %u", pa, level, base, want);
		return false;
	}
	return true;
}

static unsigned int mask_to_level(unsigned long mask)
{
	if ((mask & (1UL << PG_LEVEL_1G)) && (page_size_mask & (1UL << PG_LEVEL_1G)))
		return PG_LEVEL_1G;
	if (mask & (1UL << PG_LEVEL_2M))
		return PG_LEVEL_2M;
	return PG_LEVEL_4K;
}

/* Every RAM range, sampled at each piece's edges and every 2 MiB inside. */
static void direct_map_covers_ram(struct ktest *test)
{
	struct memblock_region *r;
	unsigned long checked = 0;

	for_each_memblock(memory, r) {
		struct map_range mr[NR_RANGE_MR];
		unsigned long start = max(r->base, (phys_addr_t)0x100000);
		int nr = split_mem_range(mr, 0, start, r->base + r->size, page_size_mask);

		for (int i = 0; i < nr; i++) {
			unsigned int want = mask_to_level(mr[i].page_size_mask);
			unsigned long pa;

			for (pa = mr[i].start; pa < mr[i].end; pa += SZ_2M) {
				checked++;
				if (!check_direct_page(test, pa, want))
					return;
			}
			if (!check_direct_page(test, mr[i].end - PAGE_SIZE, want))
				return;
		}
	}
	KTEST_EXPECT_GT(test, checked, 64);
}

/* Leaves are PAGE_KERNEL: present, writable, global, not executable, not user. */
static void direct_map_is_rw_nx(struct ktest *test)
{
	unsigned long probes[] = { 0, 0x100000, 0x1000000, PFN_PHYS(max_pfn) - PAGE_SIZE };

	for (unsigned int i = 0; i < ARRAY_SIZE(probes); i++) {
		unsigned long f = effective_prot(swapper_pg_dir, (unsigned long)__va(probes[i]));

		KTEST_EXPECT_TRUE(test, f & _PAGE_PRESENT);
		KTEST_EXPECT_TRUE(test, f & _PAGE_RW);
		KTEST_EXPECT_TRUE(test, f & _PAGE_NX);
		KTEST_EXPECT_TRUE(test, f & _PAGE_GLOBAL);
		KTEST_EXPECT_FALSE(test, f & _PAGE_USER);
	}
}

/* What was counted while mapping matches the pieces of this machine's RAM. */
static void direct_map_leaf_counts(struct ktest *test)
{
	unsigned long want[PG_LEVEL_1G + 1] = { 0 };
	struct memblock_region *r;

	want[PG_LEVEL_4K] = 0x100000 / PAGE_SIZE;		/* the first MiB */
	for_each_memblock(memory, r) {
		struct map_range mr[NR_RANGE_MR];
		unsigned long start = max(r->base, (phys_addr_t)0x100000);
		int nr = split_mem_range(mr, 0, start, r->base + r->size, page_size_mask);

		for (int i = 0; i < nr; i++) {
			unsigned int l = mask_to_level(mr[i].page_size_mask);

			want[l] += (mr[i].end - mr[i].start) / level_size(l);
		}
	}
	KTEST_EXPECT_UEQ(test, direct_map_pages[PG_LEVEL_4K], want[PG_LEVEL_4K]);
	KTEST_EXPECT_UEQ(test, direct_map_pages[PG_LEVEL_2M], want[PG_LEVEL_2M]);
	KTEST_EXPECT_UEQ(test, direct_map_pages[PG_LEVEL_1G], want[PG_LEVEL_1G]);
	if (PFN_PHYS(max_pfn) > SZ_4G && (page_size_mask & (1UL << PG_LEVEL_1G)))
		KTEST_EXPECT_GT(test, direct_map_pages[PG_LEVEL_1G], 0);
}

/* Holes (the PCI hole below 4 GiB, here) are not mapped. */
static void direct_map_skips_holes(struct ktest *test)
{
	unsigned long end = memblock_end_of_DRAM();
	unsigned int level;

	if (end <= SZ_4G) {
		pte_t *leaf = lookup_address((unsigned long)__va(end), &level);

		KTEST_EXPECT_TRUE(test, !leaf || !pte_present(*leaf));
		return;
	}
	KTEST_EXPECT_NULL(test, lookup_address((unsigned long)__va(0xf0000000UL), &level));
}

static void expect_section(struct ktest *test, const char *name, void *start, void *end,
			   bool rw, bool exec)
{
	for (unsigned long va = (unsigned long)start; va < (unsigned long)end; va += PAGE_SIZE) {
		unsigned long f = effective_prot(swapper_pg_dir, va);
		unsigned int level;
		pte_t *pte = lookup_address(va, &level);

		if (!(f & _PAGE_PRESENT) || level != PG_LEVEL_4K ||
		    !!(f & _PAGE_RW) != rw || !(f & _PAGE_NX) != exec ||
		    pte_pfn(*pte) != __pa_symbol(va) >> PAGE_SHIFT) {
			KTEST_FAIL(test, "%s page %#lx: flags %#lx level %u, want %s%s",
				   name, va, f, level, rw ? "rw" : "ro", exec ? "x" : "nx");
			return;
		}
	}
}

static void kernel_image_is_w_xor_x(struct ktest *test)
{
	expect_section(test, "text", _text, _etext, false, true);
	expect_section(test, "rodata", __start_rodata, __end_rodata, false, false);
	expect_section(test, "data", _sdata, _edata, true, false);
	expect_section(test, "bss", __bss_start, __bss_stop, true, false);
	expect_section(test, "kallsyms", __kallsyms_start, _end, false, false);
	KTEST_EXPECT_EQ(test, effective_prot(swapper_pg_dir, PFN_ALIGN(_end)), 0);
	KTEST_EXPECT_EQ(test, effective_prot(swapper_pg_dir, (unsigned long)_text - PAGE_SIZE), 0);
}

static void no_identity_mapping(struct ktest *test)
{
	KTEST_EXPECT_PTR_EQ(test, init_mm.pgd, swapper_pg_dir);
	/* the runner, a kernel thread, runs on init_mm unless it borrows another */
	KTEST_EXPECT_PTR_EQ(test, current->active_mm, &init_mm);
	KTEST_EXPECT_UEQ(test, __read_cr3() & PTE_PFN_MASK, __pa(swapper_pg_dir));
	for (unsigned int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		if (!pgd_none(swapper_pg_dir[i]))
			KTEST_FAIL(test, "user-half pgd[%u] = %#lx", i, pgd_val(swapper_pg_dir[i]));
	KTEST_EXPECT_EQ(test, effective_prot(swapper_pg_dir, 0x1000000), 0);
	KTEST_EXPECT_EQ(test, effective_prot(swapper_pg_dir, (unsigned long)__head_start), 0);
}

/* The head (boot tables, 32-bit code) went back to the allocator. */
static void boot_tables_were_freed(struct ktest *test)
{
	unsigned long pfn;

	for (pfn = PFN_DOWN((unsigned long)__head_start); pfn < PFN_DOWN((unsigned long)__head_end); pfn++) {
		KTEST_EXPECT_FALSE(test, PageReserved(pfn_to_page(pfn)));
		KTEST_EXPECT_FALSE(test, memblock_is_reserved(PFN_PHYS(pfn)));
	}
	KTEST_EXPECT_GE(test, PFN_DOWN((unsigned long)__head_end) - PFN_DOWN((unsigned long)__head_start), 4);
}

static void va_pa_round_trips(struct ktest *test)
{
	unsigned long pas[] = { 0, 0x1000, 0x9f000, 0x100000, 0x1000000,
				PFN_PHYS(max_pfn) - PAGE_SIZE, PFN_PHYS(max_pfn) / 2 };

	for (unsigned int i = 0; i < ARRAY_SIZE(pas); i++) {
		KTEST_EXPECT_UEQ(test, __pa(__va(pas[i])), pas[i]);
		KTEST_EXPECT_UEQ(test, (unsigned long)__va(pas[i]), PAGE_OFFSET + pas[i]);
	}
	KTEST_EXPECT_UEQ(test, __pa(_text), 0x1000000);
	KTEST_EXPECT_UEQ(test, __pa_symbol(_text), 0x1000000);
	KTEST_EXPECT_UEQ(test, (unsigned long)_text, 0xffffffff81000000UL);
	KTEST_EXPECT_PTR_EQ(test, page_address(pfn_to_page(0x1234)), __va(0x1234000));
	KTEST_EXPECT_EQ(test, page_to_pfn(virt_to_page(__va(0x5678abc))), 0x5678);
}

/* The same byte seen through the kernel image and the direct map. */
static void direct_map_aliases_kernel_data(struct ktest *test)
{
	static volatile unsigned long marker;
	volatile unsigned long *alias = __va(__pa_symbol(&marker));

	marker = 0x1234abcd5678ef00UL;
	KTEST_EXPECT_UEQ(test, *alias, 0x1234abcd5678ef00UL);
	*alias = 42;
	KTEST_EXPECT_UEQ(test, marker, 42);
}

static struct ktest_case direct_map_cases[] = {
	KTEST_CASE(direct_map_covers_ram),
	KTEST_CASE(direct_map_is_rw_nx),
	KTEST_CASE(direct_map_leaf_counts),
	KTEST_CASE(direct_map_skips_holes),
	KTEST_CASE(kernel_image_is_w_xor_x),
	KTEST_CASE(no_identity_mapping),
	KTEST_CASE(boot_tables_were_freed),
	KTEST_CASE(va_pa_round_trips),
	KTEST_CASE(direct_map_aliases_kernel_data),
	{}
};

static struct ktest_suite direct_map_suite = {
	.name = "direct_map",
	.test_cases = direct_map_cases,
};
ktest_suite(direct_map_suite);
