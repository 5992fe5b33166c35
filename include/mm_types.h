/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two descriptors the rest of mm/ is built on (Linux:
 * include/linux/mm_types.h): struct page, one per physical page frame, and
 * struct mm_struct, one per address space.
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include <types.h>
#include <atomic.h>
#include <list.h>
#include <asm/pgtable.h>

/**
 * struct page - the state of one physical page frame
 * @flags: PG_* bits (include/page-flags.h)
 * @lru: a list link: the buddy allocator's free list while the page heads
 *	a free block; a slab cache's list while it holds a slab
 * @private: order of a free buddy block (PG_buddy set)
 * @_mapcount: page-table entries mapping the page, minus one (-1: none)
 * @_refcount: references to the page; it is freed when this reaches 0
 *
 * Every page frame up to max_pfn has one, in the mem_map array, so
 * pfn_to_page() and page_to_pfn() are pointer arithmetic.
 */
struct page {
	unsigned long flags;
	struct list_head lru;
	unsigned long private;
	atomic_t _mapcount;
	atomic_t _refcount;
};

/**
 * struct mm_struct - an address space
 * @pgd: its top page-table page (PML4), loaded into CR3
 * @mm_users: users of the address space itself (threads sharing it)
 * @mm_count: references to this struct (all users count as one)
 * @mmlist: every mm is linked here, starting from init_mm
 * @page_table_lock: guards the page tables
 */
struct mm_struct {
	pgd_t *pgd;
	atomic_t mm_users;
	atomic_t mm_count;
	struct list_head mmlist;
	int page_table_lock;
};

extern struct mm_struct init_mm;

#endif /* _MM_TYPES_H */
