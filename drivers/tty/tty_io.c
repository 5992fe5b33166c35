// SPDX-License-Identifier: GPL-2.0
/*
 * The console as a terminal, and the file-descriptor system calls on it
 * (Linux: drivers/tty/tty_io.c, fs/read_write.c, fs/ioctl.c).
 *
 * Until the file system arrives, file descriptors 0, 1 and 2 are the
 * serial console and there are no others (-EBADF).  Reading is
 * line-at-a-time with echo and backspace, as a terminal in canonical mode;
 * the terminal ioctls musl asks about are answered, so isatty() is true
 * and stdout is line-buffered, as on a Linux console.
 */
#include <kernel.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <syscalls.h>
#include <asm/serial.h>
#include <asm/uaccess.h>

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGPGRP	0x540f
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414

#define NCCS		19
#define ICRNL		0000400
#define OPOST		0000001
#define ONLCR		0000004
#define ISIG		0000001
#define ICANON		0000002
#define ECHO		0000010
#define ECHOE		0000020
#define B115200		0010002
#define CS8		0000060
#define CREAD		0000200

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024
#define TTY_LINE_MAX	1024

static struct termios tty_termios = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B115200 | CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE,
};

static bool is_console_fd(unsigned int fd)
{
	return fd <= 2;
}

/* tty_write - @count bytes from user memory to the console. */
static long tty_write(const char __user *buf, size_t count)
{
	char chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (long)done : -EFAULT;
		serial_write(chunk, n);
		done += n;
	}
	return done;
}

/* Wait for one byte from the console (polling the UART, sleeping between). */
static int tty_getc(void)
{
	int c;

	while ((c = serial_getc()) < 0) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(1);
		if (signal_pending(current))
			return -EINTR;
	}
	return c == '\r' ? '\n' : c;
}

/*
 * tty_read - one line (or @count bytes of it), edited: echo, backspace
 * erases, Ctrl-D on an empty line is end of file (returns 0).
 */
static long tty_read(char __user *buf, size_t count)
{
	char line[TTY_LINE_MAX];
	size_t n = 0;

	while (n < min(count, sizeof(line))) {
		int c = tty_getc();

		if (c < 0)
			return n ? (long)n : c;
		if (c == 4 && n == 0)			/* Ctrl-D */
			return 0;
		if (c == 0x7f || c == '\b') {
			if (n) {
				n--;
				serial_write("\b \b", 3);
			}
			continue;
		}
		line[n++] = c;
		serial_write((char *)&line[n - 1], 1);
		if (c == '\n')
			break;
	}
	return copy_to_user(buf, line, n) ? -EFAULT : (long)n;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	if (!is_console_fd(fd))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return count ? tty_read(buf, count) : 0;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	if (!is_console_fd(fd))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	return tty_write(buf, count);
}

/* do_iov - readv/writev: each buffer in turn; stops at a short transfer. */
static long do_iov(unsigned int fd, const struct iovec __user *uvec, int vlen, bool write)
{
	long total = 0;

	if (!is_console_fd(fd))
		return -EBADF;
	if (vlen < 0 || vlen > UIO_MAXIOV)
		return -EINVAL;
	for (int i = 0; i < vlen; i++) {
		struct iovec iov;
		long n;

		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return total ? total : -EFAULT;
		if (!iov.iov_len)
			continue;
		if (!access_ok(iov.iov_base, iov.iov_len))
			return total ? total : -EFAULT;
		n = write ? tty_write(iov.iov_base, iov.iov_len) :
			    tty_read(iov.iov_base, iov.iov_len);
		if (n < 0)
			return total ? total : n;
		total += n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	return total;
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, int, vlen)
{
	return do_iov(fd, vec, vlen, true);
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, int, vlen)
{
	return do_iov(fd, vec, vlen, false);
}

/* tty_ioctl - the terminal requests a C library asks; others -ENOTTY. */
static long tty_ioctl(unsigned int cmd, unsigned long arg)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(argp, &tty_termios, sizeof(tty_termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return copy_from_user(&tty_termios, argp, sizeof(tty_termios)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user(argp, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return 0;
	case TIOCGPGRP:
		return put_user(current->tgid, (int __user *)argp);
	case TIOCSPGRP:
		return 0;
	default:
		return -ENOTTY;
	}
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	if (!is_console_fd(fd))
		return -EBADF;
	return tty_ioctl(cmd, arg);
}
