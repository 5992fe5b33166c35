// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory (Linux: mm/shmem.c, much reduced).
 *
 * mmap(MAP_SHARED | MAP_ANONYMOUS) must give every process that inherits
 * the mapping the *same* pages -- also pages first touched after fork,
 * which fork could not copy.  So, as in Linux, the area is backed by a
 * file: an unnamed ramfs file on an internal mount ("shmem", never in the
 * tree), the size of the area.  Its pages are its page cache, found by
 * filemap_fault in whichever process touches them; they are
 * PageSwapBacked and count as MM_SHMEMPAGES.  /proc/PID/maps calls the
 * file "/dev/zero (deleted)", as Linux does.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

static struct vfsmount *shm_mnt;
unsigned long shmem_pages;

/* No ->page_mkwrite: shmem has nothing to learn of writes (as in Linux). */
static const struct vm_operations_struct shmem_vm_ops = {
	.fault = filemap_fault,
};

static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

static const struct file_operations shmem_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = filemap_read,
	.mmap = shmem_mmap,
};

/**
 * shmem_file_setup - an unnamed in-memory file of @size bytes called @name
 * Return: the file (one reference, open read-write), or ERR_PTR(-ENOMEM).
 */
struct file *shmem_file_setup(const char *name, loff_t size)
{
	struct super_block *sb = shm_mnt->mnt_sb;
	struct inode *inode = ramfs_get_inode(sb, NULL, S_IFREG | 0777, 0);
	struct dentry *dentry;
	struct file *file;
	struct path path;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_size = size;
	inode->i_nlink = 0;			/* no name: it goes with its last user */
	inode->i_mapping->swapbacked = true;
	dentry = d_alloc(sb->s_root, name, strlen(name));
	if (!dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	d_instantiate(dentry, inode);
	d_delete(dentry);			/* "(deleted)": in no directory */
	path = (struct path){ shm_mnt, dentry };
	file = alloc_file(&path, O_RDWR, &shmem_file_operations);
	dput(dentry);				/* the file holds it now */
	return file;
}

/**
 * shmem_zero_setup - back a new MAP_SHARED | MAP_ANONYMOUS area with a
 * shmem file as large as the area (Linux: the same name)
 * Return: 0 or -ENOMEM.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_file_setup("dev/zero", vma->vm_end - vma->vm_start);

	if (IS_ERR(file))
		return PTR_ERR(file);
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	return shmem_mmap(file, vma);
}

void shmem_init(void)
{
	struct super_block *sb = ramfs_fill_super("shmem");

	shm_mnt = sb ? kern_mount(sb) : NULL;
	if (!shm_mnt)
		panic("shmem_init: cannot mount shmem");
}
