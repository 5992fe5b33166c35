// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache (Linux: mm/filemap.c).
 *
 * A file's contents live in pages indexed by their offset in the file
 * (mapping->pages[index]); the cache holds one reference on each.  The
 * same pages serve read(), write() and every mapping of the file:
 *
 *   filemap_read()          copies from the cached pages (a hole reads as
 *                           zeros)
 *   generic_perform_write() copies into them, adding pages as needed
 *   filemap_fault()         a mapping's fault: the page at vmf->pgoff,
 *                           which do_fault() maps -- shared mappings see
 *                           each other's writes and read()'s view because
 *                           it is the same page; private ones copy it on
 *                           their first write (do_wp_page)
 *
 * With one CPU, the slot array is changed with preemption off; nothing in
 * those sections sleeps (page allocation never does here).
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <preempt.h>
#include <slab.h>
#include <string.h>
#include <uio.h>

static unsigned long pagecache_pages;

unsigned long nr_pagecache_pages(void)
{
	return READ_ONCE(pagecache_pages);
}

/* A page leaves the cache (truncation): the counters say so. */
void remove_from_page_cache_stats(struct page *page)
{
	pagecache_pages--;
	if (PageSwapBacked(page))
		shmem_pages--;
}

/**
 * find_get_page - the cached page at @index, with a reference for the caller
 * Return: the page, or NULL if it is not in the cache.
 */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = NULL;

	preempt_disable();
	if (index < mapping->nr_slots && (page = mapping->pages[index]))
		get_page(page);
	preempt_enable();
	return page;
}

/* grow_slots - make room for @index in mapping->pages; -ENOMEM if not. */
static int grow_slots(struct address_space *mapping, unsigned long index)
{
	unsigned long nr = max(max(16UL, mapping->nr_slots * 2), index + 1);
	struct page **slots = kcalloc(nr, sizeof(*slots), GFP_KERNEL), **old;

	if (!slots)
		return -ENOMEM;
	preempt_disable();
	if (index < mapping->nr_slots) {	/* someone grew it meanwhile */
		preempt_enable();
		kfree(slots);
		return 0;
	}
	memcpy(slots, mapping->pages, mapping->nr_slots * sizeof(*slots));
	old = mapping->pages;
	mapping->pages = slots;
	mapping->nr_slots = nr;
	preempt_enable();
	kfree(old);
	return 0;
}

/* The number of pages @inode's size covers: indices from it on are past the end. */
static unsigned long size_pages(const struct inode *inode)
{
	return DIV_ROUND_UP(inode->i_size, PAGE_SIZE);
}

/*
 * add_to_page_cache - put @page at @index, unless a page is there already
 * @in_size: and only if @index is inside the file: a fault racing a
 *	truncation must not leave a page past the new end, where
 *	truncate_inode_pages() has already been.  The truncation sets
 *	i_size before it drops pages, and both this and that run with
 *	preemption off, so one of the two sees the other.
 * Return: the page now at @index, with a reference for the caller, or
 * NULL (@in_size) if the file ends before @index.  Unless @page is
 * returned, the caller's @page is freed.
 */
static struct page *add_to_page_cache(struct address_space *mapping, struct page *page,
				      unsigned long index, bool in_size)
{
	struct page *cur;

	preempt_disable();
	cur = mapping->pages[index];
	if (!cur && in_size && index >= size_pages(mapping->host)) {
		preempt_enable();
		put_page(page);
		return NULL;
	}
	if (!cur) {
		cur = page;
		page->mapping = mapping;
		page->index = index;
		if (mapping->swapbacked)
			SetPageSwapBacked(page);
		mapping->pages[index] = page;	/* the allocation's reference */
		mapping->nrpages++;
		pagecache_pages++;
		if (PageSwapBacked(page))
			shmem_pages++;
	}
	get_page(cur);
	preempt_enable();
	if (cur != page)
		put_page(page);
	return cur;
}

/*
 * find_or_create - the page at @index, a zeroed one added if absent (and,
 * with @in_size, if inside the file: see add_to_page_cache())
 * Return: the page with a reference for the caller; ERR_PTR(-ENOMEM), or
 * ERR_PTR(-ERANGE) past the end.
 */
static struct page *find_or_create(struct address_space *mapping, unsigned long index,
				   bool in_size)
{
	struct page *page = find_get_page(mapping, index);

	if (page)
		return page;
	if (index >= mapping->nr_slots && grow_slots(mapping, index))
		return ERR_PTR(-ENOMEM);
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return ERR_PTR(-ENOMEM);
	page = add_to_page_cache(mapping, page, index, in_size);
	return page ? page : ERR_PTR(-ERANGE);
}

/**
 * find_or_create_page - the page at @index, a zeroed one added if absent
 * Return: the page with a reference for the caller, or NULL (no memory).
 */
struct page *find_or_create_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = find_or_create(mapping, index, false);

	return IS_ERR(page) ? NULL : page;
}

/**
 * filemap_read - read(2) of a cached file: from *@pos to @to, up to the end
 * Return: the bytes read (0 at the end), or -EFAULT if none could be.
 */
ssize_t filemap_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t done = 0;

	while (iov_iter_count(to) && *pos < inode->i_size) {
		unsigned long offset = *pos & ~PAGE_MASK;
		size_t n = min_t(loff_t, PAGE_SIZE - offset, inode->i_size - *pos), got;
		struct page *page = find_get_page(file->f_mapping, *pos >> PAGE_SHIFT);

		if (page) {
			got = copy_to_iter((char *)page_address(page) + offset, n, to);
			put_page(page);
		} else {
			got = iov_iter_zero(n, to);	/* a hole */
		}
		done += got;
		*pos += got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

/**
 * generic_perform_write - copy @from into the file's pages at *@pos,
 * growing the file; the caller holds the inode's i_rwsem
 * Return: bytes written, or -EFAULT / -ENOMEM / -EFBIG if none were.
 */
ssize_t generic_perform_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		unsigned long offset = *pos & ~PAGE_MASK;
		size_t n = min_t(size_t, PAGE_SIZE - offset, iov_iter_count(from)), got;
		struct page *page;

		if (*pos >= MAX_LFS_FILESIZE)
			return done ? done : -EFBIG;
		page = find_or_create_page(file->f_mapping, *pos >> PAGE_SHIFT);
		if (!page)
			return done ? done : -ENOMEM;
		got = copy_from_iter((char *)page_address(page) + offset, n, from);
		SetPageDirty(page);
		put_page(page);
		done += got;
		*pos += got;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		if (got < n)
			return done ? done : -EFAULT;
	}
	if (done)
		inode->i_mtime = inode->i_ctime = current_time();
	return done;
}

/* --- mappings ---------------------------------------------------------------- */

/*
 * filemap_fault - ->fault of a file mapping: the page at vmf->pgoff, with a
 * reference for do_fault().  Past the end of the file: SIGBUS, as Linux --
 * also when a truncation gets there first while the page is being added.
 * do_fault() checks again under the pte lock before it maps the page.
 */
int filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct page *page;

	if (vmf->pgoff >= size_pages(file_inode(file)))
		return VM_FAULT_SIGBUS;
	page = find_or_create(file->f_mapping, vmf->pgoff, true);
	if (IS_ERR(page))
		return PTR_ERR(page) == -ERANGE ? VM_FAULT_SIGBUS : VM_FAULT_OOM;
	vmf->page = page;
	return 0;
}

/*
 * filemap_page_mkwrite - a shared mapping is about to write a page it
 * mapped read-only: the page will be dirty and the file modified.  Past
 * the end of the file (truncated meanwhile): SIGBUS.
 */
static int filemap_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);

	if (vmf->pgoff >= size_pages(inode))
		return VM_FAULT_SIGBUS;
	SetPageDirty(vmf->page);
	inode->i_mtime = inode->i_ctime = current_time();
	return 0;
}

const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = filemap_page_mkwrite,
};

/* generic_file_mmap - ->mmap of a cached file: faults come to filemap_fault. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}
