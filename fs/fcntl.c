// SPDX-License-Identifier: GPL-2.0
/* fcntl (Linux: fs/fcntl.c): descriptor flags, file status flags, F_DUPFD. */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <sched.h>
#include <syscalls.h>

/* The status flags F_SETFL may change (Linux: SETFL_MASK). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME | FASYNC)
#define O_NDELAY	O_NONBLOCK

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	struct files_struct *files = current->files;

	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, filp, O_CLOEXEC);
	case F_GETFD:
		return close_on_exec(fd, files) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags | (filp->f_mode & FMODE_WRITE ?
					(filp->f_mode & FMODE_READ ? O_RDWR : O_WRONLY) : O_RDONLY);
	case F_SETFL:
		filp->f_flags = (filp->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = do_fcntl(fd, cmd, arg, f);
	fput(f);
	return err;
}
