// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache (Linux: mm/filemap.c).
 *
 * A file's contents live in pages indexed by their offset in the file,
 * kept in a radix tree (mapping->i_pages; include/fs.h draws it); the
 * cache holds one reference on each.  The same pages serve read(),
 * write() and every mapping of the file:
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
 * With one CPU, the tree is changed with preemption off; nothing in those
 * sections sleeps: its nodes are allocated before, with preemption on.
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

/* --- the radix tree of a file's pages (include/fs.h draws it) ------------ */

/* The slot of @index in its node at @level. */
static unsigned int slot_of(unsigned long index, unsigned int level)
{
	return (index >> (level * PAGECACHE_SHIFT)) & (PAGECACHE_SLOTS - 1);
}

/* The indices a tree of @height holds: those below the returned value. */
static unsigned long tree_span(unsigned int height)
{
	return 1UL << (height * PAGECACHE_SHIFT);
}

/* A new, empty node; NULL if no memory.  Called with preemption on. */
static struct pagecache_node *node_alloc(void)
{
	return (struct pagecache_node *)get_zeroed_page(GFP_KERNEL);
}

static void node_free(struct pagecache_node *node)
{
	free_page((unsigned long)node);
}

/*
 * page_cache_lookup - the page at @index, or NULL (a hole)
 * Called with preemption off; no reference is taken.
 */
static struct page *page_cache_lookup(struct address_space *mapping, unsigned long index)
{
	struct pagecache_node *node = mapping->i_pages;
	unsigned int level = mapping->height;

	if (index >= tree_span(level))
		return NULL;
	while (node && --level)
		node = node->slots[slot_of(index, level)];
	return node ? node->slots[slot_of(index, 0)] : NULL;
}

/* The height a tree needs to hold @index. */
static unsigned int height_for(unsigned long index)
{
	unsigned int height = 1;

	while (index >= tree_span(height))
		height++;
	if (height > PAGECACHE_MAX_HEIGHT)
		panic("height_for: page index %#lx is past any file", index);
	return height;
}

/*
 * page_cache_slot - the level-0 slot for @index, making the path to it
 * from *@spare: a tree too low for @index grows a level at a time (the
 * old root becomes slot 0 of a new one; an empty tree just starts at the
 * height needed), and a missing node on the way down is filled in.  At
 * most one node is used per call (*@spare is then NULL).
 * Called with preemption off.
 * Return: the slot, or NULL if another node is needed: the caller
 * allocates one with preemption on, and calls again.
 */
static void **page_cache_slot(struct address_space *mapping, unsigned long index,
			      struct pagecache_node **spare)
{
	struct pagecache_node **link = &mapping->i_pages;
	unsigned int level, height = height_for(index);

	if (!mapping->i_pages)
		mapping->height = height;
	while (mapping->height < height) {
		if (!*spare)
			return NULL;
		(*spare)->slots[0] = mapping->i_pages;
		mapping->i_pages = *spare;
		mapping->height++;
		*spare = NULL;
	}
	for (level = mapping->height - 1;; level--) {
		if (!*link) {
			if (!*spare)
				return NULL;
			*link = *spare;
			*spare = NULL;
		}
		if (!level)
			return &(*link)->slots[slot_of(index, 0)];
		link = (struct pagecache_node **)&(*link)->slots[slot_of(index, level)];
	}
}

/* A page leaves the cache: the tree's slot is cleared by the caller. */
static void page_cache_remove(struct address_space *mapping, struct page *page)
{
	mapping->nrpages--;
	page->mapping = NULL;
	pagecache_pages--;
	if (PageSwapBacked(page))
		shmem_pages--;
	put_page(page);			/* the cache's reference */
}

/*
 * delete_node_range - drop the pages at indices from @first on under
 * @node, the level-@level node whose first index is @base, and free the
 * nodes below it left empty
 * Return: true if @node holds nothing now (the caller frees it).
 */
static bool delete_node_range(struct address_space *mapping, struct pagecache_node *node,
			      unsigned int level, unsigned long base, unsigned long first)
{
	unsigned long span = 1UL << (level * PAGECACHE_SHIFT);	/* per slot */
	bool empty = true;

	for (unsigned int i = 0; i < PAGECACHE_SLOTS; i++) {
		unsigned long start = base + i * span;
		void *entry = node->slots[i];

		if (!entry)
			continue;
		if (start + span <= first) {		/* wholly before the cut */
			empty = false;
			continue;
		}
		if (!level) {
			page_cache_remove(mapping, entry);
		} else if (delete_node_range(mapping, entry, level - 1, start, first)) {
			node_free(entry);
		} else {
			empty = false;
			continue;
		}
		node->slots[i] = NULL;
	}
	return empty;
}

/**
 * delete_from_page_cache_range - drop every cached page from index @first
 * on, and the tree's nodes left empty (all of them for @first 0)
 *
 * Called with preemption off (truncate_inode_pages()); nothing here sleeps.
 */
void delete_from_page_cache_range(struct address_space *mapping, unsigned long first)
{
	if (!mapping->i_pages || first >= tree_span(mapping->height))
		return;
	if (delete_node_range(mapping, mapping->i_pages, mapping->height - 1, 0, first)) {
		node_free(mapping->i_pages);
		mapping->i_pages = NULL;
		mapping->height = 0;
	}
}

/* --- finding and adding pages ---------------------------------------------- */

/**
 * find_get_page - the cached page at @index, with a reference for the caller
 * Return: the page, or NULL if it is not in the cache.
 */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	preempt_disable();
	page = page_cache_lookup(mapping, index);
	if (page)
		get_page(page);
	preempt_enable();
	return page;
}

/* The number of pages @inode's size covers: indices from it on are past the end. */
static unsigned long size_pages(const struct inode *inode)
{
	return DIV_ROUND_UP(inode->i_size, PAGE_SIZE);
}

/* __add_to_page_cache - @page goes into the empty @slot for @index; it keeps our reference. */
static void __add_to_page_cache(struct address_space *mapping, struct page *page,
				unsigned long index, void **slot)
{
	page->mapping = mapping;
	page->index = index;
	if (mapping->swapbacked)
		SetPageSwapBacked(page);
	*slot = page;
	mapping->nrpages++;
	pagecache_pages++;
	if (PageSwapBacked(page))
		shmem_pages++;
}

/*
 * add_to_page_cache - put @page at @index, unless a page is there already
 * @in_size: and only if @index is inside the file: a fault racing a
 *	truncation must not leave a page past the new end, where
 *	truncate_inode_pages() has already been.  The truncation sets
 *	i_size before it drops pages, and both this and that run with
 *	preemption off, so one of the two sees the other.
 *
 * The tree's missing nodes are allocated with preemption on, one at a
 * time, and the path is looked at again after each (page_cache_slot()).
 * Return: the page now at @index, with a reference for the caller;
 * ERR_PTR(-ENOMEM), or ERR_PTR(-ERANGE) if @in_size and the file ends
 * before @index.  Unless @page is returned, the caller's @page is freed.
 */
static struct page *add_to_page_cache(struct address_space *mapping, struct page *page,
				      unsigned long index, bool in_size)
{
	struct pagecache_node *spare = NULL;
	struct page *cur;
	void **slot;

	preempt_disable();
	for (;;) {
		if (in_size && index >= size_pages(mapping->host)) {
			cur = ERR_PTR(-ERANGE);
			break;
		}
		slot = page_cache_slot(mapping, index, &spare);
		if (slot) {
			cur = *slot;
			if (!cur) {
				cur = page;
				__add_to_page_cache(mapping, page, index, slot);
			}
			get_page(cur);
			break;
		}
		preempt_enable();
		spare = node_alloc();
		preempt_disable();
		if (!spare) {
			cur = ERR_PTR(-ENOMEM);
			break;
		}
	}
	preempt_enable();
	if (spare)
		node_free(spare);
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
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return ERR_PTR(-ENOMEM);
	return add_to_page_cache(mapping, page, index, in_size);
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
 *
 * A write starting past the end first zeroes the old last page's tail
 * up to it (pagecache_isize_extended()): what a shared mapping stored
 * there must not become file data.
 * Return: bytes written, or -EFAULT / -ENOMEM / -EFBIG if none were.
 */
ssize_t generic_perform_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t done = 0;

	if (*pos > inode->i_size && iov_iter_count(from))
		pagecache_isize_extended(inode, inode->i_size, *pos);
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
