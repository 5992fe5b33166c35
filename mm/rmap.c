// SPDX-License-Identifier: GPL-2.0
/*
 * Counting the mappings of a page (Linux: mm/rmap.c).  Linux's rmap also
 * finds every PTE mapping a page (anon_vma, i_mmap) so pages can be
 * swapped or migrated; dissect does neither and keeps only the count:
 * page->_mapcount is the number of PTEs mapping the page, minus one.
 */
#include <mm.h>

/* A freshly allocated page gets its first mapping. */
void page_add_new_anon_rmap(struct page *page)
{
	SetPageAnon(page);
	atomic_set(&page->_mapcount, 0);
}

/* One PTE less maps @page. */
void page_remove_rmap(struct page *page)
{
	if (atomic_dec_return(&page->_mapcount) < -1)
		panic("page_remove_rmap: pfn %#lx mapcount went below zero",
		      page_to_pfn(page));
}
