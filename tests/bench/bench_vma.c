// SPDX-License-Identifier: GPL-2.0
/*
 * Cost of the VMA tree: guest instructions per find_vma() and per
 * mmap+munmap pair with 100, 1,000 and 10,000 areas.  Not a test: run by
 * "make bench", which boots with -icount shift=0 so that one TSC tick is
 * one guest instruction and the figures are exact and repeatable.
 *
 * Layout of the areas: one page each, one page apart, packed down from
 * mmap_base, so the only gap big enough for a two-page mmap lies below
 * all of them and get_unmapped_area() must search the tree for it.
 */
#include <ktest.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <asm/msr.h>

#define LOOKUPS		20000
#define MMAP_PAIRS	2000

static u64 xorshift(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static struct mm_struct *mm_with_areas(struct ktest *test, unsigned long n)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr;

	KTEST_ASSERT_NOT_NULL(test, mm);
	for (unsigned long i = 0; i < n; i++) {
		addr = mm->mmap_base - (2 * i + 2) * PAGE_SIZE;
		if (IS_ERR_VALUE(do_mmap(mm, NULL, addr, PAGE_SIZE, PROT_READ,
					 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0)))
			KTEST_FAIL(test, "mapping area %lu failed", i);
	}
	KTEST_EXPECT_EQ(test, mm->map_count, n);
	return mm;
}

static void bench_one(struct ktest *test, unsigned long n)
{
	struct mm_struct *mm = mm_with_areas(test, n);
	unsigned long low = mm->mmap_base - 2 * n * PAGE_SIZE;
	unsigned long span = (2 * n - 1) * PAGE_SIZE;	/* up to the last area's end */
	u64 seed = 0x9e3779b97f4a7c15ULL, t0, find_cost, mmap_cost;
	unsigned long hits = 0;

	t0 = rdtsc();
	for (int i = 0; i < LOOKUPS; i++)
		hits += find_vma(mm, low + xorshift(&seed) % span) != NULL;
	find_cost = (rdtsc() - t0) / LOOKUPS;
	KTEST_EXPECT_EQ(test, hits, LOOKUPS);

	t0 = rdtsc();
	for (int i = 0; i < MMAP_PAIRS; i++) {
		unsigned long addr = do_mmap(mm, NULL, 0, 2 * PAGE_SIZE, PROT_READ,
					     MAP_PRIVATE | MAP_ANONYMOUS, 0);

		if (IS_ERR_VALUE(addr) || addr + 2 * PAGE_SIZE > low) {
			KTEST_FAIL(test, "mmap returned %#lx", addr);
			break;
		}
		do_munmap(mm, addr, 2 * PAGE_SIZE);
	}
	mmap_cost = (rdtsc() - t0) / MMAP_PAIRS;
	ktest_printk(test, "areas %5lu: find_vma %4llu insns, mmap+munmap %5llu insns",
		     n, find_cost, mmap_cost);
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
	mmput(mm);
}

static void bench_vma_tree(struct ktest *test)
{
	bench_one(test, 100);
	bench_one(test, 1000);
	bench_one(test, 10000);
}

static struct ktest_case bench_vma_cases[] = {
	KTEST_CASE(bench_vma_tree),
	{}
};

static struct ktest_suite bench_vma_suite = {
	.name = "bench_vma",
	.test_cases = bench_vma_cases,
	.explicit_only = true,
};
ktest_suite(bench_vma_suite);
