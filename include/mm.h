/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_H
#define _MM_H

#include <types.h>
#include <kernel.h>
#include <gfp.h>
#include <mm_types.h>
#include <page-flags.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* The array of every page frame's struct page, indexed by pfn. */
extern struct page *mem_map;
extern unsigned long max_pfn;		/* one past the last RAM page frame */
extern unsigned long totalram_pages;	/* pages the buddy allocator manages */

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}
static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}
static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}
#define virt_to_pfn(addr)	(__pa(addr) >> PAGE_SHIFT)

/* mm/page_alloc.c */
void __put_page(struct page *page);
void mem_init(void);
void free_area_init(void);
void memmap_init(void);
void free_reserved_area(void *start, void *end, const char *what);
void show_free_areas(void);
unsigned long nr_free_blocks(unsigned int order);	/* free blocks of @order */

/* --- reference counts ------------------------------------------------- */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}
static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}
static inline void set_page_refcounted(struct page *page)
{
	set_page_count(page, 1);
}
static inline void get_page(struct page *page)
{
	BUG_ON(page_ref_count(page) <= 0);
	atomic_inc(&page->_refcount);
}
/* Drop a reference; true if it was the last one. */
static inline bool put_page_testzero(struct page *page)
{
	BUG_ON(page_ref_count(page) <= 0);
	return atomic_dec_and_test(&page->_refcount);
}
/* Drop a reference to an order-0 page, freeing it with the last one. */
static inline void put_page(struct page *page)
{
	if (put_page_testzero(page))
		__put_page(page);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}
static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

#endif /* _MM_H */
