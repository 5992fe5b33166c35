// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl (Linux: fs/ioctl.c): the requests every file understands, then the
 * file's own ->unlocked_ioctl; a file without one is -ENOTTY.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <syscalls.h>
#include <asm/uaccess.h>

#define FIONBIO		0x5421
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long err;
	int on;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		err = 0;
		break;
	case FIONBIO:
		err = get_user(on, (int __user *)arg);
		if (!err)
			f->f_flags = on ? f->f_flags | O_NONBLOCK : f->f_flags & ~O_NONBLOCK;
		break;
	default:
		err = f->f_op && f->f_op->unlocked_ioctl ? f->f_op->unlocked_ioctl(f, cmd, arg) :
		      -ENOTTY;
	}
	fput(f);
	return err;
}
