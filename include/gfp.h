/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _GFP_H
#define _GFP_H

#include <types.h>

struct page;

#define __GFP_ZERO	0x100u	/* return zeroed memory */
#define __GFP_NOWARN	0x200u	/* no message when the allocation fails */
#define __GFP_NOFAIL_INJECT 0x400u /* exempt from fault injection */

#define GFP_KERNEL	0x0u
#define GFP_ATOMIC	0x0u
#define GFP_NOWAIT	0x0u

#define MAX_ORDER	11	/* orders 0 .. MAX_ORDER-1: up to 4 MiB blocks */

struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp)	alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages((page), 0)

unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)	free_pages((addr), 0)

unsigned long nr_free_pages(void);

#endif /* _GFP_H */
