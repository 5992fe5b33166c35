// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories: getdents64 (Linux: fs/readdir.c).  The directory's
 * ->iterate calls the actor once per entry, from ctx->pos on; the actor
 * packs a struct linux_dirent64 into the user's buffer and says stop when
 * it is full.  What the position means is the file system's: "." and ".."
 * are 0 and 1, a ramfs name is at its d_seq (fs/libfs.c).  getdents64
 * moves it under the file's f_pos_lock, as lseek does, so two threads
 * sharing one directory fd never see an entry twice.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <string.h>
#include <syscalls.h>
#include <asm/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/**
 * iterate_dir - run @file's directory iterator from its position
 * Return: 0 or -errno (-ENOTDIR for a non-directory).
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	down_read(&inode->i_rwsem);
	ctx->pos = file->f_pos;
	err = file->f_op->iterate(file, ctx);
	file->f_pos = ctx->pos;
	up_read(&inode->i_rwsem);
	return err;
}

struct getdents_callback64 {
	struct dir_context ctx;
	char __user *buf;
	int count;		/* room left */
	int error;
};

/* filldir64 - one entry into the user's buffer; false: no room, stop. */
static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *gd = container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct linux_dirent64 de = { .d_ino = ino, .d_off = offset + 1, .d_reclen = reclen,
				     .d_type = d_type };
	char nul = '\0';

	if (reclen > gd->count) {
		gd->error = -EINVAL;		/* said only if nothing fitted */
		return false;
	}
	if (copy_to_user(gd->buf, &de, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(gd->buf + offsetof(struct linux_dirent64, d_name), name, namlen) ||
	    copy_to_user(gd->buf + offsetof(struct linux_dirent64, d_name) + namlen, &nul, 1)) {
		gd->error = -EFAULT;
		return false;
	}
	gd->buf += reclen;
	gd->count -= reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 gd = { .ctx.actor = filldir64, .buf = (char __user *)dirent,
					  .count = count };
	struct file *f;
	long err;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	down_write(&f->f_pos_lock);
	err = iterate_dir(f, &gd.ctx);
	up_write(&f->f_pos_lock);
	fput(f);
	if (err)
		return err;
	if (gd.count == (int)count && gd.error)
		return gd.error;
	return count - gd.count;
}
