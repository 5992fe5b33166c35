// SPDX-License-Identifier: GPL-2.0
/*
 * Shrinking a file's page cache (Linux: mm/truncate.c).
 *
 *   truncate_pagecache(inode, size)
 *     unmap_mapping_range()    every mapping of the file loses its ptes
 *                              past the new end (private copies too), so
 *                              a later touch there gets SIGBUS
 *     truncate_inode_pages()   the cached pages past the end are dropped,
 *                              and the tail of the last page zeroed
 */
#include <kernel.h>
#include <fs.h>
#include <mm.h>
#include <preempt.h>
#include <string.h>

/*
 * truncate_inode_pages - drop the cached pages from byte @lstart on, and
 * zero the rest of the page @lstart is in
 */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	unsigned long partial = lstart & ~PAGE_MASK;
	struct page *page;

	preempt_disable();
	if (partial && (page = find_get_page(mapping, lstart >> PAGE_SHIFT))) {
		memset((char *)page_address(page) + partial, 0, PAGE_SIZE - partial);
		put_page(page);
	}
	delete_from_page_cache_range(mapping, DIV_ROUND_UP(lstart, PAGE_SIZE));
	preempt_enable();
}

/*
 * unmap_mapping_range - zap the ptes mapping the file from page @pgoff on,
 * in every area that maps it
 */
static void unmap_mapping_range(struct address_space *mapping, unsigned long pgoff)
{
	struct vm_area_struct *vma;

	preempt_disable();
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long first = max(pgoff, vma->vm_pgoff);
		unsigned long start = vma->vm_start + ((first - vma->vm_pgoff) << PAGE_SHIFT);

		if (start < vma->vm_end && first >= vma->vm_pgoff)
			zap_page_range(vma, start, vma->vm_end - start);
	}
	preempt_enable();
}

/* truncate_pagecache - the file is now @newsize bytes: unmap and drop the rest. */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	unsigned long holebegin = DIV_ROUND_UP(newsize, PAGE_SIZE);

	unmap_mapping_range(inode->i_mapping, holebegin);
	truncate_inode_pages(inode->i_mapping, newsize);
}
