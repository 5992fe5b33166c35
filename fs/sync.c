// SPDX-License-Identifier: GPL-2.0
/*
 * sync, fsync, fdatasync, syncfs (Linux: fs/sync.c).  Every file lives in
 * memory (ramfs): there is nothing to write back, so they only check
 * their descriptor.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <syscalls.h>

static long check_fd(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	return check_fd(fd);
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return check_fd(fd);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return check_fd(fd);
}
