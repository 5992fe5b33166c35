// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes (Linux: fs/inode.c).  An inode lives while something holds it:
 * its names (dentries), its openers (through their dentry) and code using
 * it.  The last iput() of an inode with no names left frees its pages
 * (truncate_inode_pages), its pipe or link target, and itself.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <jiffies.h>

static struct kmem_cache *inode_cachep;

long long current_time(void)
{
	extern u64 boot_time_ns;

	return (boot_time_ns + ktime_get_ns()) / 1000000000ULL;
}

/**
 * new_inode - a fresh inode of @sb with one reference and no names
 * Return: the inode, or NULL.
 */
struct inode *new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = sb->s_op && sb->s_op->alloc_inode ? sb->s_op->alloc_inode(sb) :
			      kmem_cache_zalloc(inode_cachep, GFP_KERNEL);

	if (!inode)
		return NULL;
	atomic_set(&inode->i_count, 1);
	init_rwsem(&inode->i_rwsem);
	inode->i_sb = sb;
	inode->i_ino = ++sb->s_next_ino;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_data.host = inode;
	INIT_LIST_HEAD(&inode->i_data.i_mmap);
	inode->i_mapping = &inode->i_data;
	inode->i_mtime = inode->i_ctime = current_time();
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

/* evict - the last reference is gone: free what the inode holds, then it. */
static void evict(struct inode *inode)
{
	truncate_inode_pages(&inode->i_data, 0);	/* its pages and their tree */
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
	kfree(inode->i_link);
	if (inode->i_sb->s_op && inode->i_sb->s_op->free_inode)
		inode->i_sb->s_op->free_inode(inode);
	else
		kmem_cache_free(inode_cachep, inode);
}

/**
 * iput - drop a reference to @inode; the last one frees it
 */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	BUG_ON(atomic_read(&inode->i_count) <= 0);
	if (atomic_dec_and_test(&inode->i_count))
		evict(inode);
}

/*
 * inode_init_mode - what a new inode of type @mode opens as: a device
 * node's char device, a FIFO's pipe; regular files and directories get
 * their file system's operations from the caller.
 */
void inode_init_mode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	}
}

void inode_cache_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0, SLAB_PANIC, NULL);
}
