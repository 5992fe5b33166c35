/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _PAGE_FLAGS_H
#define _PAGE_FLAGS_H

#include <mm_types.h>

enum pageflags {
	PG_reserved,	/* not for the allocator: firmware, kernel image, holes */
	PG_buddy,	/* heads a free block in the buddy allocator */
	PG_slab,	/* holds a slab */
	PG_dirty,
	PG_uptodate,
	PG_anon,	/* anonymous memory (Linux marks it in page->mapping) */
	PG_swapbacked,	/* shared anonymous memory: shmem, counted MM_SHMEMPAGES */
	NR_PAGEFLAGS,
};

#define PAGEFLAG(name, bit)						\
static inline int Page##name(const struct page *page)			\
{ return !!(page->flags & (1UL << PG_##bit)); }				\
static inline void SetPage##name(struct page *page)			\
{ page->flags |= 1UL << PG_##bit; }					\
static inline void ClearPage##name(struct page *page)			\
{ page->flags &= ~(1UL << PG_##bit); }

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Anon, anon)
PAGEFLAG(SwapBacked, swapbacked)

#endif /* _PAGE_FLAGS_H */
