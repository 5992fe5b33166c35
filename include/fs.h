/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files, inodes and their page caches (Linux: include/linux/fs.h), so far
 * only what memory mappings need: a file is a reference to an inode, and
 * an inode's address_space holds its pages by index (the page cache).
 * Shared anonymous memory is such a file, made by shmem_zero_setup().
 */
#ifndef _FS_H
#define _FS_H

#include <types.h>
#include <atomic.h>

struct page;
struct vm_area_struct;

/**
 * struct address_space - the pages of a file's contents, by page index
 * @pages: one slot per page of the file (NULL: not in memory yet)
 * @nr_slots: the length of @pages
 * @nrpages: pages present
 */
struct address_space {
	struct page **pages;
	unsigned long nr_slots;
	unsigned long nrpages;
};

struct inode {
	atomic_t i_count;
	unsigned long i_ino;
	long long i_size;
	struct address_space i_data;
};

struct file {
	atomic_t f_count;
	struct inode *f_inode;
	struct address_space *f_mapping;
	const char *f_path;		/* what /proc/PID/maps shows */
};

static inline struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

void fput(struct file *file);

/* mm/shmem.c */
struct file *shmem_file_setup(const char *name, long long size);
int shmem_zero_setup(struct vm_area_struct *vma);

#endif /* _FS_H */
