// SPDX-License-Identifier: GPL-2.0
/*
 * struct file: allocating and releasing open files (Linux:
 * fs/file_table.c).  A file is freed by the fput() of its last holder
 * (descriptors, mappings); ->release() runs then, and its path is let go.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <slab.h>
#include <string.h>

static struct kmem_cache *filp_cachep;
static atomic_long_t files_in_use;

/* f_mode from the open flags: which directions, and whether it can seek. */
static fmode_t open_fmode(int flags, const struct inode *inode)
{
	fmode_t mode = 0;

	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		mode = FMODE_READ;
		break;
	case O_WRONLY:
		mode = FMODE_WRITE;
		break;
	case O_RDWR:
		mode = FMODE_READ | FMODE_WRITE;
		break;
	}
	if (!S_ISFIFO(inode->i_mode))
		mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return mode;
}

/**
 * alloc_file - a new open file of @path (whose references it takes a
 * copy of), not yet ->open()ed
 * Return: the file with one reference, or ERR_PTR(-ENOMEM).
 */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop)
{
	struct inode *inode = path->dentry->d_inode;
	fmode_t mode = open_fmode(flags, inode);
	struct file *f;
	int err;

	if ((mode & FMODE_WRITE) && S_ISREG(inode->i_mode)) {
		err = get_write_access(inode);		/* -ETXTBSY: it runs */
		if (err)
			return ERR_PTR(err);
		mode |= FMODE_WRITER;			/* __fput gives it back */
	}
	f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);
	if (!f) {
		if (mode & FMODE_WRITER)
			put_write_access(inode);
		return ERR_PTR(-ENOMEM);
	}
	atomic_long_set(&f->f_count, 1);
	f->f_path = *path;
	path_get(path);
	f->f_inode = inode;
	f->f_mapping = inode->i_mapping;
	f->f_op = fop;
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	f->f_mode = mode;
	init_rwsem(&f->f_pos_lock);
	atomic_long_inc(&files_in_use);
	return f;
}

/**
 * dentry_open - open the file at @path with the open() @flags
 * Return: the file, or ERR_PTR(-errno) from the file's ->open().
 */
struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	struct file *f = alloc_file(path, flags, inode->i_fop);
	int err;

	if (IS_ERR(f) || !f->f_op || !f->f_op->open)
		return f;
	err = f->f_op->open(inode, f);
	if (err) {
		f->f_op = NULL;			/* no ->release for what did not open */
		fput(f);
		return ERR_PTR(err);
	}
	return f;
}

struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/* __fput - the last reference: ->release(), then the path goes. */
static void __fput(struct file *f)
{
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	if (f->f_mode & FMODE_WRITER)
		put_write_access(f->f_inode);
	path_put(&f->f_path);
	kmem_cache_free(filp_cachep, f);
	atomic_long_dec(&files_in_use);
}

void fput(struct file *f)
{
	BUG_ON(atomic_long_read(&f->f_count) <= 0);
	if (atomic_long_dec_and_test(&f->f_count))
		__fput(f);
}

unsigned long nr_files(void)
{
	return atomic_long_read(&files_in_use);
}

void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0, SLAB_PANIC, NULL);
}
