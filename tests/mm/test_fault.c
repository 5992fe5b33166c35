// SPDX-License-Identifier: GPL-2.0
/*
 * An address space's life and its demand-zero faults: mm_alloc() and the
 * two reference counts (mm_users, mm_count), the zero page for reads, a
 * fresh page for writes, and exit_mmap() giving every page and every
 * page-table page back.
 *
 * The fault cases get an mm from mm_fault_init(), dropped by
 * mm_fault_exit(); the lifetime cases make their own and count pages and
 * slab objects around it.
 */
#include <errno.h>
#include <ktest.h>
#include <asm/init.h>
#include <asm/pgalloc.h>
#include <list.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

#define PAGES(n)	((unsigned long)(n) << PAGE_SHIFT)
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_ANONYMOUS | MAP_PRIVATE)

/* What mm_alloc() must hand back: Linux's layout without randomization. */
#define MMAP_BASE	(TASK_SIZE - (128UL << 20))		/* 0x7ffff7fff000 */

static int mm_fault_init(struct ktest *test)
{
	test->priv = mm_alloc();
	return test->priv ? 0 : -ENOMEM;
}

static void mm_fault_exit(struct ktest *test)
{
	mmput(test->priv);
}

/* Free pages and slab objects: both must come back after an mm dies. */
struct usage {
	unsigned long pages, objects;
};

static struct usage usage_now(void)
{
	return (struct usage){ nr_free_pages(), slab_objects_in_use() };
}

static void expect_usage(struct ktest *test, struct usage before)
{
	KTEST_EXPECT_UEQ(test, nr_free_pages(), before.pages);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), before.objects);
}

static bool on_mmlist(struct mm_struct *mm)
{
	struct mm_struct *pos;

	list_for_each_entry(pos, &init_mm.mmlist, mmlist)
		if (pos == mm)
			return true;
	return false;
}

/* Map @pages anonymous private pages at @addr (MAP_FIXED) in @mm. */
static void map(struct ktest *test, struct mm_struct *mm, unsigned long addr,
		unsigned long pages, unsigned long prot)
{
	KTEST_ASSERT_UEQ(test, do_mmap(mm, NULL, addr, PAGES(pages), prot, ANON | MAP_FIXED, 0),
			 addr);
}

/* Fault at @addr as a user access would; handle_mm_fault must succeed. */
static void fault(struct ktest *test, struct mm_struct *mm, unsigned long addr,
		  unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	KTEST_ASSERT_TRUE(test, vma && vma->vm_start <= addr);
	KTEST_ASSERT_EQ(test, handle_mm_fault(vma, addr, flags | FAULT_FLAG_USER) &
			VM_FAULT_ERROR, 0);
}

/* The pte of @addr, or an empty one if no page table covers it. */
static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte ? *pte : __pte(0);
}

/* The kernel's view of the page mapped at @addr: through the direct map. */
static unsigned char *page_at(struct mm_struct *mm, unsigned long addr)
{
	return __va(pte_pfn(pte_at(mm, addr)) << PAGE_SHIFT);
}

/* --- the mm's lifetime ------------------------------------------------- */

static void mm_alloc_is_empty(struct ktest *test)
{
	struct usage before = usage_now();
	struct mm_struct *mm = mm_alloc();
	int i, user = 0, kernel = 0;

	KTEST_ASSERT_NOT_NULL(test, mm);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_count), 1);
	KTEST_EXPECT_NULL(test, mm->mmap);
	KTEST_EXPECT_TRUE(test, RB_EMPTY_ROOT(&mm->mm_rb));
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	KTEST_EXPECT_UEQ(test, mm->mmap_base, MMAP_BASE);
	KTEST_EXPECT_UEQ(test, mm->mmap_base, 0x7ffff7fff000UL);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 0);
	KTEST_EXPECT_TRUE(test, on_mmlist(mm));
	KTEST_ASSERT_NOT_NULL(test, mm->pgd);
	KTEST_EXPECT_TRUE(test, mm->pgd != swapper_pg_dir);
	for (i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		user += !pgd_none(mm->pgd[i]);
	for (i = KERNEL_PGD_BOUNDARY; i < PTRS_PER_PGD; i++)
		kernel += pgd_val(mm->pgd[i]) == pgd_val(swapper_pg_dir[i]);
	KTEST_EXPECT_EQ(test, user, 0);			/* user half: empty */
	KTEST_EXPECT_EQ(test, kernel, KERNEL_PGD_PTRS);	/* kernel half: the kernel's */
	mmput(mm);
	KTEST_EXPECT_FALSE(test, on_mmlist(mm));
	expect_usage(test, before);
}

/* The last mmput() frees areas, pages, page tables, the pgd and the struct. */
static void mm_mmput_frees_everything(struct ktest *test)
{
	struct usage before = usage_now();
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	map(test, mm, 0x400000, 8, RW);
	map(test, mm, 0x800000, 8, PROT_READ);
	fault(test, mm, 0x401000, FAULT_FLAG_WRITE);
	fault(test, mm, 0x802000, 0);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 1);
	mmput(mm);
	KTEST_EXPECT_FALSE(test, on_mmlist(mm));
	expect_usage(test, before);
}

/*
 * mmgrab() keeps the struct (and its pgd) after the last user is gone;
 * the areas, pages and page tables go at mmput(), the rest at mmdrop().
 */
static void mm_mmgrab_outlives_mmput(struct ktest *test)
{
	struct usage before = usage_now();
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	map(test, mm, 0x400000, 8, RW);
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);
	mmgrab(mm);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_count), 2);
	mmput(mm);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_count), 1);
	KTEST_EXPECT_NULL(test, mm->mmap);
	KTEST_EXPECT_EQ(test, mm->map_count, 0);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 0);
	KTEST_EXPECT_UEQ(test, mm_pgtables_bytes(mm), 0);
	KTEST_EXPECT_FALSE(test, on_mmlist(mm));
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), before.objects + 1);	/* the mm */
	mmdrop(mm);
	expect_usage(test, before);
}

/* mmget(): a second user; the address space lives until both are gone. */
static void mm_mmget_second_user(struct ktest *test)
{
	struct usage before = usage_now();
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	map(test, mm, 0x400000, 4, RW);
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);
	mmget(mm);
	mmput(mm);
	KTEST_EXPECT_EQ(test, atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 1);
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(mm, 0x400000)));
	KTEST_EXPECT_TRUE(test, on_mmlist(mm));
	mmput(mm);
	expect_usage(test, before);
}

/* --- demand-zero faults -------------------------------------------------- */

/* A read of untouched anonymous memory maps the zero page, read-only, uncounted. */
static void fault_read_maps_zero_page(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	int zero_refs = page_ref_count(zero_page);
	pte_t pte;

	map(test, mm, 0x400000, 4, RW);
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, 0x401000)));
	fault(test, mm, 0x401234, 0);
	pte = pte_at(mm, 0x401000);
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_user(pte));
	KTEST_EXPECT_FALSE(test, pte_write(pte));
	KTEST_EXPECT_UEQ(test, pte_pfn(pte), page_to_pfn(zero_page));
	KTEST_EXPECT_NULL(test, memchr_inv(page_at(mm, 0x401000), 0, PAGE_SIZE));
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 0);
	KTEST_EXPECT_EQ(test, page_ref_count(zero_page), zero_refs);
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, 0x400000)));	/* only that page */
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, 0x402000)));
}

/* A write maps a fresh zeroed page of its own, writable and dirty, counted in rss. */
static void fault_write_maps_fresh_page(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	struct page *page;
	pte_t pte;

	map(test, mm, 0x400000, 4, RW);
	fault(test, mm, 0x402008, FAULT_FLAG_WRITE);
	pte = pte_at(mm, 0x402000);
	KTEST_ASSERT_TRUE(test, pte_present(pte));
	KTEST_EXPECT_TRUE(test, pte_user(pte) && pte_write(pte) && pte_dirty(pte));
	KTEST_EXPECT_FALSE(test, pte_exec(pte));		/* no PROT_EXEC: NX */
	KTEST_ASSERT_FALSE(test, is_zero_pfn(pte_pfn(pte)));
	KTEST_ASSERT_TRUE(test, pfn_valid(pte_pfn(pte)));
	page = pfn_to_page(pte_pfn(pte));
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_NULL(test, memchr_inv(page_address(page), 0, PAGE_SIZE));
	KTEST_EXPECT_UEQ(test, get_mm_counter(mm, MM_ANONPAGES), 1);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 1);
}

/* Read first, then write: the zero page is replaced by a page of its own. */
static void fault_read_then_write(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	int zero_refs = page_ref_count(zero_page);
	pte_t pte;

	map(test, mm, 0x400000, 1, RW);
	fault(test, mm, 0x400000, 0);
	KTEST_EXPECT_TRUE(test, is_zero_pfn(pte_pfn(pte_at(mm, 0x400000))));
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);
	pte = pte_at(mm, 0x400000);
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_write(pte));
	KTEST_EXPECT_FALSE(test, is_zero_pfn(pte_pfn(pte)));
	KTEST_EXPECT_NULL(test, memchr_inv(page_at(mm, 0x400000), 0, PAGE_SIZE));
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 1);
	KTEST_EXPECT_EQ(test, page_ref_count(zero_page), zero_refs);
	KTEST_EXPECT_NULL(test, memchr_inv(page_address(zero_page), 0, PAGE_SIZE));
}

/*
 * What is written to a user page through the direct map is what the
 * page holds: each page is its own, and a second fault keeps it.
 */
static void fault_data_through_direct_map(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long pfn;

	map(test, mm, 0x400000, 2, RW);
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);
	fault(test, mm, 0x401000, FAULT_FLAG_WRITE);
	memset(page_at(mm, 0x400000), 0x5a, PAGE_SIZE);
	memset(page_at(mm, 0x401000), 0xa5, PAGE_SIZE);
	KTEST_EXPECT_NULL(test, memchr_inv(page_at(mm, 0x400000), 0x5a, PAGE_SIZE));
	KTEST_EXPECT_NULL(test, memchr_inv(page_at(mm, 0x401000), 0xa5, PAGE_SIZE));

	pfn = pte_pfn(pte_at(mm, 0x400000));
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);	/* already there: nothing changes */
	fault(test, mm, 0x400000, 0);
	KTEST_EXPECT_UEQ(test, pte_pfn(pte_at(mm, 0x400000)), pfn);
	KTEST_EXPECT_NULL(test, memchr_inv(page_at(mm, 0x400000), 0x5a, PAGE_SIZE));
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 2);
}

/*
 * Written, made read-only, made writable again: the next write finds a
 * read-only pte over a page nobody else maps, and do_wp_page() reuses it
 * in place -- same frame, same data, no new page.
 */
static void fault_write_after_mprotect_reuses_page(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long pfn, free;

	map(test, mm, 0x400000, 1, RW);
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);
	pfn = pte_pfn(pte_at(mm, 0x400000));
	memset(page_at(mm, 0x400000), 0x3c, PAGE_SIZE);
	KTEST_ASSERT_EQ(test, do_mprotect(mm, 0x400000, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(mm, 0x400000)));
	KTEST_ASSERT_EQ(test, do_mprotect(mm, 0x400000, PAGE_SIZE, RW), 0);
	free = nr_free_pages();
	fault(test, mm, 0x400000, FAULT_FLAG_WRITE);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(mm, 0x400000)));
	KTEST_EXPECT_UEQ(test, pte_pfn(pte_at(mm, 0x400000)), pfn);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free);
	KTEST_EXPECT_NULL(test, memchr_inv(page_at(mm, 0x400000), 0x3c, PAGE_SIZE));
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 1);
}

/* munmap gives faulted pages back at once and clears their ptes. */
static void fault_munmap_frees_pages(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long free;
	int i;

	map(test, mm, 0x400000, 8, RW);
	for (i = 0; i < 8; i++)
		fault(test, mm, 0x400000 + PAGES(i), FAULT_FLAG_WRITE);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 8);
	free = nr_free_pages();
	/* the tail: no split, and the page table stays for the head */
	KTEST_EXPECT_EQ(test, do_munmap(mm, 0x405000, PAGES(3)), 0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free + 3);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 5);
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, 0x405000)));
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, 0x407000)));
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(mm, 0x404000)));
}

/*
 * ~100 pages faulted over four areas in different parts of the address
 * space (different pgd, pud and pmd entries), then mmput(): exit_mmap()
 * returns every page, every page-table page, the pgd and every object.
 *
 *   0x000000400000   40 pages  pgd 0,   pud 0, pmd 2
 *   0x000040000000   30 pages  pgd 0,   pud 1, pmd 0
 *   0x200000000000   20 pages  pgd 64
 *   0x7f0000000000   10 pages  pgd 254
 *
 * Page tables below the pgd: 3 pud + 4 pmd + 4 pte pages.
 */
static void fault_exit_mmap_returns_everything(struct ktest *test)
{
	static const struct {
		unsigned long addr, pages;
	} areas[] = {
		{ 0x000000400000UL, 40 },
		{ 0x000040000000UL, 30 },
		{ 0x200000000000UL, 20 },
		{ 0x7f0000000000UL, 10 },
	};
	struct usage before = usage_now();
	struct mm_struct *mm = mm_alloc();
	unsigned long written = 0, p;
	int a;

	KTEST_ASSERT_NOT_NULL(test, mm);
	for (a = 0; a < (int)ARRAY_SIZE(areas); a++) {
		map(test, mm, areas[a].addr, areas[a].pages, RW);
		for (p = 0; p < areas[a].pages; p++) {
			/* every third page only read: the zero page */
			bool write = p % 3 != 0;

			fault(test, mm, areas[a].addr + PAGES(p), write ? FAULT_FLAG_WRITE : 0);
			written += write;
		}
	}
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), written);
	KTEST_EXPECT_UEQ(test, mm_pgtables_bytes(mm), PAGES(3 + 4 + 4));
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
	mmput(mm);
	expect_usage(test, before);
}

/* A new kernel pgd entry reaches every mm on init_mm.mmlist (sync_global_pgds). */
static void sync_global_pgds_reaches_every_mm(struct ktest *test)
{
	unsigned long addr = 0xffffc90000000000UL;	/* Linux's vmalloc area: unused here */
	struct mm_struct *a = mm_alloc(), *b = mm_alloc();
	pgd_t *ref = pgd_offset_k(addr);
	void *pud = (void *)get_zeroed_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_NOT_NULL(test, pud);
	KTEST_ASSERT_TRUE(test, pgd_none(*ref));
	KTEST_EXPECT_TRUE(test, pgd_none(*pgd_offset(a, addr)));
	pgd_populate(&init_mm, ref, pud);
	sync_global_pgds(addr, addr + PAGE_SIZE - 1);
	KTEST_EXPECT_UEQ(test, pgd_val(*pgd_offset(a, addr)), pgd_val(*ref));
	KTEST_EXPECT_UEQ(test, pgd_val(*pgd_offset(b, addr)), pgd_val(*ref));
	/* undo: the entry goes from every pgd, then the table */
	pgd_clear(pgd_offset(a, addr));
	pgd_clear(pgd_offset(b, addr));
	pgd_clear(ref);
	free_page((unsigned long)pud);
	mmput(a);
	mmput(b);
}

static struct ktest_case mm_fault_cases[] = {
	KTEST_CASE(sync_global_pgds_reaches_every_mm),
	KTEST_CASE(mm_alloc_is_empty),
	KTEST_CASE(mm_mmput_frees_everything),
	KTEST_CASE(mm_mmgrab_outlives_mmput),
	KTEST_CASE(mm_mmget_second_user),
	KTEST_CASE(fault_read_maps_zero_page),
	KTEST_CASE(fault_write_maps_fresh_page),
	KTEST_CASE(fault_read_then_write),
	KTEST_CASE(fault_data_through_direct_map),
	KTEST_CASE(fault_write_after_mprotect_reuses_page),
	KTEST_CASE(fault_munmap_frees_pages),
	KTEST_CASE(fault_exit_mmap_returns_everything),
	{}
};

static struct ktest_suite mm_fault_suite = {
	.name = "mm_fault",
	.test_cases = mm_fault_cases,
	.init = mm_fault_init,
	.exit = mm_fault_exit,
};
ktest_suite(mm_fault_suite);
