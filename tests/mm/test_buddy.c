// SPDX-License-Identifier: GPL-2.0
/* The buddy allocator: orders, alignment, coalescing, exhaustion. */
#include <ktest.h>
#include <list.h>
#include <mm.h>
#include <string.h>

struct free_snapshot {
	unsigned long total;
	unsigned long blocks[MAX_ORDER];
};

static void take_snapshot(struct free_snapshot *s)
{
	s->total = nr_free_pages();
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		s->blocks[o] = nr_free_blocks(o);
}

static void expect_same_free_lists(struct ktest *test, const struct free_snapshot *a)
{
	struct free_snapshot b;

	take_snapshot(&b);
	KTEST_EXPECT_UEQ(test, b.total, a->total);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		KTEST_EXPECT_UEQ(test, b.blocks[o], a->blocks[o]);
}

/* Every order: aligned, refcount 1, counted out and back exactly. */
static void buddy_every_order(struct ktest *test)
{
	struct free_snapshot before;

	take_snapshot(&before);
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn;

		KTEST_ASSERT_NOT_NULL(test, page);
		pfn = page_to_pfn(page);
		KTEST_EXPECT_EQ(test, pfn & ((1UL << order) - 1), 0);
		KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
		KTEST_EXPECT_EQ(test, page_mapcount(page), 0);
		KTEST_EXPECT_FALSE(test, PageBuddy(page) || PageReserved(page));
		KTEST_EXPECT_UEQ(test, nr_free_pages(), before.total - (1UL << order));
		__free_pages(page, order);
		expect_same_free_lists(test, &before);
	}
}

/* Many blocks at once never overlap. */
static void buddy_blocks_are_distinct(struct ktest *test)
{
	struct page *pages[64];
	unsigned int order[64];

	for (int i = 0; i < 64; i++) {
		order[i] = i % 4;
		pages[i] = alloc_pages(GFP_KERNEL, order[i]);
		KTEST_ASSERT_NOT_NULL(test, pages[i]);
	}
	for (int i = 0; i < 64; i++)
		for (int j = i + 1; j < 64; j++) {
			unsigned long a = page_to_pfn(pages[i]), b = page_to_pfn(pages[j]);

			KTEST_EXPECT_TRUE(test, a + (1UL << order[i]) <= b ||
					  b + (1UL << order[j]) <= a);
		}
	for (int i = 0; i < 64; i++)
		__free_pages(pages[i], order[i]);
}

/* Splitting one block into 2^k single pages and freeing them merges it back. */
static void buddy_coalescing_restores_counts(struct ktest *test)
{
	struct free_snapshot before;
	LIST_HEAD(held);
	struct page *page, *next;
	unsigned long n = 0;

	take_snapshot(&before);
	for (int i = 0; i < 1024; i++) {
		page = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, page);
		list_add(&page->lru, &held);
		n++;
	}
	KTEST_EXPECT_UEQ(test, nr_free_pages(), before.total - n);
	/* free in a different order than allocated: odd pfns first */
	list_for_each_entry_safe(page, next, &held, lru)
		if (page_to_pfn(page) & 1) {
			list_del(&page->lru);
			__free_page(page);
		}
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	expect_same_free_lists(test, &before);
}

/* Freeing a page merges it with a free buddy: order-1 count changes as expected. */
static void buddy_merges_with_free_buddy(struct ktest *test)
{
	struct page *pair = alloc_pages(GFP_KERNEL, 1);
	unsigned long o0, total;

	KTEST_ASSERT_NOT_NULL(test, pair);
	/* split the pair by hand into two order-0 references */
	set_page_refcounted(pair + 1);
	o0 = nr_free_blocks(0);
	total = nr_free_pages();
	__free_page(pair + 1);			/* buddy still in use: stays order 0 */
	KTEST_EXPECT_UEQ(test, nr_free_blocks(0), o0 + 1);
	KTEST_EXPECT_TRUE(test, PageBuddy(pair + 1));
	KTEST_EXPECT_EQ(test, (pair + 1)->private, 0);
	__free_page(pair);			/* merges into an order-1 block or above */
	KTEST_EXPECT_UEQ(test, nr_free_blocks(0), o0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), total + 2);
	KTEST_EXPECT_FALSE(test, PageBuddy(pair + 1));	/* no longer a block head */
}

static void buddy_zeroes_on_request(struct ktest *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	unsigned char *p;

	KTEST_ASSERT_NOT_NULL(test, page);
	memset(page_address(page), 0xa5, 4 * PAGE_SIZE);
	__free_pages(page, 2);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	p = page_address(page);
	KTEST_EXPECT_NULL(test, memchr_inv(p, 0, 4 * PAGE_SIZE));
	__free_pages(page, 2);
}

static void buddy_refcount_frees_on_last_put(struct ktest *test)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, page);
	get_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	put_page(page);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), before - 1);	/* still held */
	put_page(page);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), before);
}

static void buddy_rejects_bad_order(struct ktest *test)
{
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, MAX_ORDER));
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 64));
}

/* Take every page; the next allocation fails cleanly; all come back. */
static void buddy_exhaustion_returns_null(struct ktest *test)
{
	struct free_snapshot before;
	LIST_HEAD(held);
	struct page *page, *next;
	unsigned long n = 0;

	take_snapshot(&before);
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN))) {
		list_add(&page->lru, &held);
		n++;
	}
	KTEST_EXPECT_UEQ(test, n, before.total);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), 0);
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 0));
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 3));
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	expect_same_free_lists(test, &before);
}

/* A page freed twice is reported and not put on a free list again. */
static void buddy_double_free_is_caught(struct ktest *test)
{
	struct page *pair = alloc_pages(GFP_KERNEL, 1);
	unsigned long free_after_first;

	KTEST_ASSERT_NOT_NULL(test, pair);
	set_page_refcounted(pair + 1);
	__free_page(pair + 1);		/* its buddy is held, so it stays a block head */
	free_after_first = nr_free_pages();
	set_page_refcounted(pair + 1);	/* forge a second free */
	ktest_printk(test, "expect a 'Bad page state ... freed twice' report:");
	__free_page(pair + 1);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free_after_first);
	set_page_count(pair + 1, 0);
	__free_page(pair);
}

static struct ktest_case buddy_cases[] = {
	KTEST_CASE(buddy_every_order),
	KTEST_CASE(buddy_blocks_are_distinct),
	KTEST_CASE(buddy_coalescing_restores_counts),
	KTEST_CASE(buddy_merges_with_free_buddy),
	KTEST_CASE(buddy_zeroes_on_request),
	KTEST_CASE(buddy_refcount_frees_on_last_put),
	KTEST_CASE(buddy_rejects_bad_order),
	KTEST_CASE(buddy_exhaustion_returns_null),
	KTEST_CASE(buddy_double_free_is_caught),
	{}
};

static struct ktest_suite buddy_suite = {
	.name = "buddy",
	.test_cases = buddy_cases,
};
ktest_suite(buddy_suite);
