// SPDX-License-Identifier: GPL-2.0
/*
 * utimensat (Linux: fs/utimes.c): a file's modification time, to now or
 * to a given time.  dissect keeps one time (atime reads as mtime), so the
 * access time asked for is not kept.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <syscalls.h>
#include <asm/uaccess.h>

#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

struct __kernel_timespec {
	long long tv_sec, tv_nsec;
};

static bool nsec_valid(long long nsec)
{
	return nsec == UTIME_NOW || nsec == UTIME_OMIT || (nsec >= 0 && nsec < 1000000000);
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec t[2];
	struct path path;
	struct inode *inode;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		if (!nsec_valid(t[0].tv_nsec) || !nsec_valid(t[1].tv_nsec))
			return -EINVAL;
	}
	if (filename) {
		err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
				   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	} else {				/* utimensat(fd, NULL, ...): futimens */
		struct file *f = fget(dfd);

		err = f ? 0 : -EBADF;
		if (f) {
			path = f->f_path;
			path_get(&path);
			fput(f);
		}
	}
	if (err)
		return err;
	inode = path.dentry->d_inode;
	if (!utimes || t[1].tv_nsec == UTIME_NOW)
		inode->i_mtime = current_time();
	else if (t[1].tv_nsec != UTIME_OMIT)
		inode->i_mtime = t[1].tv_sec;
	inode->i_ctime = current_time();
	path_put(&path);
	return 0;
}
