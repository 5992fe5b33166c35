// SPDX-License-Identifier: GPL-2.0
/*
 * stat and its relatives (Linux: fs/stat.c): what an inode says about
 * itself, in x86-64's struct stat.  Owners are always root (0); a
 * symlink's size is its target's length; st_blocks counts the pages in
 * the page cache, in 512-byte units.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <asm/uaccess.h>

int vfs_getattr(const struct path *path, struct stat *st)
{
	struct inode *inode = path->dentry->d_inode;

	memset(st, 0, sizeof(*st));
	st->st_dev = new_encode_dev(inode->i_sb->s_dev);
	st->st_ino = inode->i_ino;
	st->st_nlink = inode->i_nlink;
	st->st_mode = inode->i_mode;
	st->st_rdev = new_encode_dev(inode->i_rdev);
	st->st_size = inode->i_size;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = inode->i_mapping->nrpages * (PAGE_SIZE / 512);
	st->st_atime = st->st_mtime = inode->i_mtime;
	st->st_ctime = inode->i_ctime;
	return 0;
}

static long cp_new_stat(const struct path *path, struct stat __user *statbuf)
{
	struct stat st;

	vfs_getattr(path, &st);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* vfs_fstatat - stat of @filename from @dfd; AT_EMPTY_PATH with "" is @dfd itself. */
static long vfs_fstatat(int dfd, const char __user *filename, struct stat __user *statbuf,
			int flags)
{
	struct path path;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	err = cp_new_stat(&path, statbuf);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(newstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_fstatat(AT_FDCWD, filename, statbuf, 0);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_fstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return vfs_fstatat(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = cp_new_stat(&f->f_path, statbuf);
	fput(f);
	return err;
}
