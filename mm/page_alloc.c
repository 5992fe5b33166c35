// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator (Linux: mm/page_alloc.c).
 *
 * Free memory is kept as blocks of 2^order pages, order 0 .. MAX_ORDER-1,
 * each naturally aligned (a block of order k starts at a pfn that is a
 * multiple of 2^k), one free list per order.  The buddy of the block at
 * pfn p of order k is the block at p ^ 2^k: together they form the
 * aligned block of order k+1 at p & ~2^k.
 *
 *   allocate order k:  take a block from the smallest non-empty list of
 *                      order >= k; while it is bigger than needed, split
 *                      it and put the upper half back (expand()).
 *   free order k:      while the buddy is free and of order k, take it
 *                      off its list and merge; put the result on its list.
 *
 * Invariants: a page heading a free block has PG_buddy set, page->private
 * holding the order, refcount 0 and mapcount -1; no two free buddies of
 * the same order both sit on a list (they would have been merged).
 *
 * dissect has one zone for all RAM; Linux splits RAM into DMA, DMA32 and
 * Normal zones for old devices' sake.
 */
#include <kernel.h>
#include <mm.h>
#include <memblock.h>
#include <fault-inject.h>
#include <string.h>
#include <asm/irqflags.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on the list */
};

struct zone {
	const char *name;
	unsigned long managed_pages;	/* pages given to the allocator */
	unsigned long free_pages;	/* of those, free now */
	struct free_area free_area[MAX_ORDER];
};

static struct zone zone_normal = { .name = "Normal" };

struct page *mem_map;
unsigned long max_pfn;
unsigned long totalram_pages;

static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	SetPageBuddy(page);
}

/* Is @buddy the free head of an order-@order block, and so mergeable? */
static inline bool page_is_buddy(const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order;
}

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
	set_buddy_order(page, order);
}

static void del_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/*
 * __free_one_page - put the block at @pfn of @order back, merging upward
 * while its buddy is free.  Caller holds interrupts off.
 */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order)
{
	zone->free_pages += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!page_is_buddy(buddy, order))
			break;
		del_from_free_list(buddy, zone, order);
		pfn &= buddy_pfn;		/* the lower of the two */
		page = pfn_to_page(pfn);
		order++;
	}
	add_to_free_list(page, zone, order);
}

/*
 * expand - split the block @page of order @high down to order @low,
 * putting each unused upper half on its free list.
 */
static void expand(struct zone *zone, struct page *page,
		   unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), zone, high);
	}
}

/* The smallest free block of order >= @order, split to @order; or NULL. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(page, zone, o);
		expand(zone, page, order, o);
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

/* Report a page whose state forbids what is being done with it. */
static void bad_page(struct page *page, const char *reason)
{
	printk(KERN_ALERT "BUG: Bad page state: pfn %#lx flags %#lx refcount %d mapcount %d: %s\n",
	       page_to_pfn(page), page->flags, page_ref_count(page),
	       page_mapcount(page), reason);
	dump_stack();
}

/* A page about to be freed must be unmapped and not in use by a slab. */
static bool free_page_is_bad(struct page *page)
{
	if (page_mapcount(page)) {
		bad_page(page, "nonzero mapcount");
		return true;
	}
	if (page->flags & ((1UL << PG_buddy) | (1UL << PG_slab) | (1UL << PG_reserved))) {
		bad_page(page, PageBuddy(page) ? "freed twice" : "flags set at free");
		return true;
	}
	return false;
}

/* Free a block whose refcount already reached zero. */
static void free_the_page(struct page *page, unsigned int order)
{
	unsigned long flags;

	ClearPageAnon(page);			/* as Linux clears page->mapping */
	ClearPageSwapBacked(page);
	if (free_page_is_bad(page))
		return;				/* leak it rather than corrupt */
	local_irq_save(flags);
	__free_one_page(page, page_to_pfn(page), &zone_normal, order);
	local_irq_restore(flags);
}

/**
 * alloc_pages - allocate 2^@order contiguous page frames
 * @gfp: GFP_* flags; __GFP_ZERO clears the memory
 * @order: 0 .. MAX_ORDER-1
 *
 * Return: the first page of the block with refcount 1, or NULL when no
 * block is free (never panics).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	if (should_fail_alloc(gfp))
		return NULL;
	local_irq_save(flags);
	page = __rmqueue_smallest(&zone_normal, order);
	local_irq_restore(flags);
	if (!page)
		return NULL;
	set_page_refcounted(page);
	if (gfp & __GFP_ZERO)
		for (unsigned int i = 0; i < (1U << order); i++)
			clear_page(page_address(page + i));
	return page;
}

/**
 * __free_pages - drop a reference to a block from alloc_pages()
 *
 * The block goes back to the allocator when its last reference goes.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (put_page_testzero(page))
		free_the_page(page, order);
}

void __put_page(struct page *page)
{
	free_the_page(page, 0);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(zone_normal.free_pages);
}

unsigned long nr_free_blocks(unsigned int order)
{
	return order < MAX_ORDER ? zone_normal.free_area[order].nr_free : 0;
}

void show_free_areas(void)
{
	printk(KERN_INFO "Node 0 %s:", zone_normal.name);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		pr_cont(" %lu*%luk", zone_normal.free_area[o].nr_free, (PAGE_SIZE << o) >> 10);
	pr_cont(" = %luk\n", nr_free_pages() * (PAGE_SIZE >> 10));
}

/*
 * __free_pages_core - give a boot-time page block to the allocator
 * (memblock_free_all() and free_reserved_area() use it).
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order;

	for (unsigned long i = 0; i < nr; i++) {
		ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone_normal.managed_pages += nr;
	totalram_pages += nr;
	set_page_refcounted(page);
	__free_pages(page, order);
}

/* free_area_init - the empty free lists; mem_map itself is set up by memmap_init(). */
void free_area_init(void)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&zone_normal.free_area[o].free_list);
}
