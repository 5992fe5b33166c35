// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory (Linux: mm/shmem.c, much reduced).
 *
 * mmap(MAP_SHARED | MAP_ANONYMOUS) must give every process that inherits
 * the mapping the *same* pages -- also pages first touched after fork,
 * which fork could not copy.  So, as in Linux, the area is backed by a
 * file in memory ("/dev/zero (deleted)" in /proc/PID/maps): its pages
 * live in the file's page cache, and a fault in any process finds the
 * page there (shmem_fault), creating a zeroed one the first time.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

static unsigned long shmem_next_ino = 1;

/* The page at @index of @mapping, created zeroed if absent (with a reference for the caller). */
static struct page *shmem_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	if (index >= mapping->nr_slots)
		return NULL;
	page = mapping->pages[index];
	if (!page) {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return NULL;
		SetPageSwapBacked(page);
		page->index = index;
		mapping->pages[index] = page;	/* the page cache's reference */
		mapping->nrpages++;
	}
	get_page(page);
	return page;
}

/* shmem_fault - ->fault of shared anonymous areas: the page from the file. */
static int shmem_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;

	vmf->page = shmem_get_page(file->f_mapping, vmf->pgoff);
	if (!vmf->page)
		return vmf->pgoff >= file->f_mapping->nr_slots ? VM_FAULT_SIGBUS : VM_FAULT_OOM;
	return 0;
}

static const struct vm_operations_struct shmem_anon_vm_ops = {
	.fault = shmem_fault,
};

/**
 * shmem_file_setup - an unnamed in-memory file of @size bytes
 * Return: the file (one reference), or ERR_PTR(-ENOMEM).
 */
struct file *shmem_file_setup(const char *name, long long size)
{
	unsigned long slots = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	struct page **pages = kcalloc(slots ? slots : 1, sizeof(*pages), GFP_KERNEL);

	if (!file || !inode || !pages) {
		kfree(file);
		kfree(inode);
		kfree(pages);
		return ERR_PTR(-ENOMEM);
	}
	atomic_set(&inode->i_count, 1);
	inode->i_ino = shmem_next_ino++;
	inode->i_size = size;
	inode->i_data.pages = pages;
	inode->i_data.nr_slots = slots;
	atomic_set(&file->f_count, 1);
	file->f_inode = inode;
	file->f_mapping = &inode->i_data;
	file->f_path = name;
	return file;
}

/* The last reference to the file: its pages and the file go. */
static void shmem_evict(struct file *file)
{
	struct address_space *mapping = file->f_mapping;

	for (unsigned long i = 0; i < mapping->nr_slots; i++)
		if (mapping->pages[i]) {
			ClearPageSwapBacked(mapping->pages[i]);
			put_page(mapping->pages[i]);
		}
	kfree(mapping->pages);
	kfree(file->f_inode);
	kfree(file);
}

void fput(struct file *file)
{
	if (atomic_dec_and_test(&file->f_count))
		shmem_evict(file);
}

/**
 * shmem_zero_setup - back a new MAP_SHARED | MAP_ANONYMOUS area with a
 * shmem file as large as the area (Linux: the same name)
 * Return: 0 or -ENOMEM.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_file_setup("/dev/zero (deleted)", vma->vm_end - vma->vm_start);

	if (IS_ERR(file))
		return PTR_ERR(file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_anon_vm_ops;
	vma->vm_pgoff = 0;
	return 0;
}
