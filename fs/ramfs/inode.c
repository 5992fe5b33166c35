// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs: a file system that is only its caches (Linux: fs/ramfs/inode.c).
 *
 * There is no disk behind it.  A directory's names are its dentries,
 * each pinned (d_pin) from creation to unlink; a file's contents are its
 * page cache, pages added by writes (or by faults on holes) and dropped
 * only by truncation or the file's end.  rootfs is a ramfs, filled from
 * the initramfs at boot; so is the shmem mount behind MAP_SHARED
 * anonymous memory (mm/shmem.c).
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

static const struct inode_operations ramfs_file_inode_operations;
static const struct inode_operations ramfs_symlink_inode_operations;

/**
 * ramfs_get_inode - a new inode of type @mode (a device node: @dev)
 * Return: the inode with one reference and i_nlink 1 (2 for a
 * directory), or NULL.
 */
struct inode *ramfs_get_inode(struct super_block *sb, struct inode *dir, umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb, mode);

	if (!inode)
		return NULL;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_inode_operations;
		break;
	default:
		inode_init_mode(inode, mode, dev);
	}
	return inode;
}

/* ramfs_mknod - the name @dentry, negative, becomes a new file of @mode. */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	d_pin(dentry);
	if (S_ISDIR(mode))
		dir->i_nlink++;
	dir->i_mtime = dir->i_ctime = current_time();
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	size_t len = strlen(target);

	if (!inode)
		return -ENOMEM;
	inode->i_link = kmalloc(len + 1, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	memcpy(inode->i_link, target, len + 1);
	inode->i_size = len;
	d_instantiate(dentry, inode);
	d_pin(dentry);
	return 0;
}

/* ramfs_unlink - the name goes; the file with its last opener. */
static int ramfs_unlink(struct inode *dir, struct dentry *dentry)
{
	dentry->d_inode->i_nlink--;
	dentry->d_inode->i_ctime = dir->i_mtime = current_time();
	d_delete(dentry);
	return 0;
}

static bool ramfs_dir_empty(struct dentry *dentry)
{
	struct dentry *d;

	list_for_each_entry(d, &dentry->d_subdirs, d_child)
		if (d->d_inode)
			return false;
	return true;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!ramfs_dir_empty(dentry))
		return -ENOTEMPTY;
	dentry->d_inode->i_nlink = 0;
	dir->i_nlink--;
	d_delete(dentry);
	return 0;
}

/*
 * ramfs_rename - @old becomes @name in @new_dir; an existing @target is
 * replaced.  The VFS has checked the types; a directory target must be
 * empty.  @old moves first (d_move, the one step that can fail), to the
 * end of @new_parent's names, where lookups meet it only once @target,
 * found first until then, is unlinked: the name is never missing.
 */
static int ramfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
			struct dentry *new_parent, struct dentry *target, const char *name, int len)
{
	bool dir = S_ISDIR(old->d_inode->i_mode);
	int err;

	if (target && S_ISDIR(target->d_inode->i_mode) && !ramfs_dir_empty(target))
		return -ENOTEMPTY;
	err = d_move(old, new_parent, name, len);
	if (err)
		return err;
	if (target && S_ISDIR(target->d_inode->i_mode))
		ramfs_rmdir(new_dir, target);		/* empty: cannot fail */
	else if (target)
		ramfs_unlink(new_dir, target);
	if (dir && old_dir != new_dir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	old_dir->i_mtime = new_dir->i_mtime = old->d_inode->i_ctime = current_time();
	return 0;
}

/* ramfs_link - a second name for @old's file. */
static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_nlink++;
	inode->i_ctime = dir->i_mtime = current_time();
	d_instantiate(dentry, igrab(inode));
	d_pin(dentry);
	return 0;
}

static int ramfs_get_link(struct dentry *dentry, char *buf)
{
	strscpy(buf, dentry->d_inode->i_link, PATH_MAX);
	return 0;
}

/* ramfs_setsize - truncate (or extend with a hole) to @size; i_rwsem held. */
static int ramfs_setsize(struct inode *inode, loff_t size)
{
	truncate_setsize(inode, size);
	inode->i_mtime = inode->i_ctime = current_time();
	return 0;
}

/* A regular file's write: under i_rwsem, at the end for O_APPEND. */
static ssize_t ramfs_write_iter(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t ret;

	down_write(&inode->i_rwsem);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	ret = generic_perform_write(file, from, pos);
	up_write(&inode->i_rwsem);
	return ret;
}

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = filemap_read,
	.write_iter = ramfs_write_iter,
	.mmap = generic_file_mmap,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setsize = ramfs_setsize,
};

static const struct inode_operations ramfs_symlink_inode_operations = {
	.get_link = ramfs_get_link,
};

const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
	.link = ramfs_link,
};

/* ramfs_fill_super - a new, empty ramfs: a root directory, mode 0755. */
struct super_block *ramfs_fill_super(const char *name)
{
	struct super_block *sb = alloc_super(name);
	struct inode *root;

	if (!sb)
		return NULL;
	root = ramfs_get_inode(sb, NULL, S_IFDIR | 0755, 0);
	sb->s_root = root ? d_alloc_root(sb, root) : NULL;
	if (!sb->s_root)
		panic("ramfs_fill_super: no memory for the root of %s", name);
	return sb;
}
