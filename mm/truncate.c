// SPDX-License-Identifier: GPL-2.0
/*
 * A file's page cache when its size changes (Linux: mm/truncate.c).
 *
 *   truncate_setsize(inode, size)    what a file system calls to set i_size
 *     pagecache_isize_extended()     growing: the old last page's bytes
 *                                    past the old end are zeroed
 *     truncate_pagecache()
 *       unmap_mapping_range()        every mapping of the file loses its
 *                                    ptes past the new end (private copies
 *                                    too), so a later touch there gets SIGBUS
 *       truncate_inode_pages()       the cached pages past the end are
 *                                    dropped, and the tail of the last one
 *                                    zeroed
 *
 * The bytes of the last page past the end of the file are never the
 * file's, but a shared mapping can store into them; both zeroings keep
 * such stores from becoming file data when the file grows over them.
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

/**
 * pagecache_isize_extended - the file grows from @from to @to bytes: zero
 * the cached page @from ends in, from @from up to @to (or the page's end)
 *
 * A store through a shared mapping past the old end lands there, and
 * must read as zeros once the file covers it (Linux: the same name, for
 * the same reason).  Called by truncate_setsize() and, before a write
 * past the end raises i_size, by generic_perform_write().
 */
void pagecache_isize_extended(struct inode *inode, loff_t from, loff_t to)
{
	unsigned long offset = from & ~PAGE_MASK;
	struct page *page;

	if (from >= to || !offset)
		return;
	page = find_get_page(inode->i_mapping, from >> PAGE_SHIFT);
	if (!page)
		return;
	memset((char *)page_address(page) + offset, 0, min_t(loff_t, to - from, PAGE_SIZE - offset));
	put_page(page);
}

/**
 * truncate_setsize - set @inode's size to @newsize, for a file system's
 * ->setsize (truncate(), O_TRUNC); the caller holds i_rwsem
 *
 * i_size is set first, so a racing fault sees the new size; then a
 * growing file has its old tail zeroed (pagecache_isize_extended()), and
 * the pages and ptes past the new end go (truncate_pagecache()), as in
 * Linux.
 */
void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t oldsize = inode->i_size;

	inode->i_size = newsize;
	if (newsize > oldsize)
		pagecache_isize_extended(inode, oldsize, newsize);
	truncate_pagecache(inode, newsize);
}
