// SPDX-License-Identifier: GPL-2.0
/*
 * The console as a terminal device (Linux: drivers/tty/tty_io.c,
 * drivers/tty/tty_ioctl.c, drivers/tty/serial/8250/).
 *
 * /dev/console (5:1), /dev/tty (5:0) and /dev/ttyS0 (4:64) all open the
 * one console_tty.  The UART's receive interrupt feeds the line discipline
 * (n_tty_receive_char); reads come from it; writes go to the UART, a
 * newline as CR NL when OPOST and ONLCR are set.  The ioctls a C library
 * and a shell use are answered: termios (TCGETS, TCSETS*), the window
 * size, the foreground process group (TIOCGPGRP / TIOCSPGRP), FIONREAD.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <poll.h>
#include <sched.h>
#include <string.h>
#include <tty.h>
#include <uio.h>
#include <asm/irq.h>
#include <asm/serial.h>
#include <asm/uaccess.h>

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCSBRK		0x5409
#define TCXONC		0x540a
#define TCFLSH		0x540b
#define TIOCSCTTY	0x540e
#define TIOCGPGRP	0x540f
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541b
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TCSBRKP		0x5425

struct tty_struct console_tty = {
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B115200 | CS8 | CREAD,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
		.c_cc = { [VINTR] = 3, [VQUIT] = 0x1c, [VERASE] = 0x7f, [VKILL] = 0x15,
			  [VEOF] = 4, [VTIME] = 0, [VMIN] = 1, [VSTART] = 0x11, [VSTOP] = 0x13,
			  [VSUSP] = 0x1a, [VREPRINT] = 0x12, [VDISCARD] = 0x0f,
			  [VWERASE] = 0x17, [VLNEXT] = 0x16 },
	},
	.winsize = { .ws_row = 24, .ws_col = 80 },
	.pgrp = 1,
	.session = 1,
	.read_wait = __WAIT_QUEUE_HEAD_INITIALIZER(console_tty.read_wait),
};

/* tty_write_bytes - output to the terminal, with OPOST/ONLCR's CR NL. */
void tty_write_bytes(struct tty_struct *tty, const char *buf, size_t n)
{
	u32 oflag = tty->termios.c_oflag;

	if ((oflag & OPOST) && (oflag & ONLCR)) {
		serial_write(buf, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		serial_putc(buf[i]);
}

static int tty_open(struct inode *inode, struct file *file)
{
	file->private_data = &console_tty;
	return stream_open(inode, file);
}

static ssize_t tty_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	return n_tty_read(file->private_data, file, to);
}

static ssize_t tty_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	char chunk[256];
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		size_t n = min(sizeof(chunk), iov_iter_count(from));
		size_t got = copy_from_iter(chunk, n, from);

		tty_write_bytes(tty, chunk, got);
		done += got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

static __poll_t tty_poll(struct file *file, struct poll_table_struct *pt)
{
	struct tty_struct *tty = file->private_data;

	poll_wait(file, &tty->read_wait, pt);
	return (n_tty_input_ready(tty) ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

/* set_termios - TCSETS*: new settings; TCSETSF also drops pending input. */
static long set_termios(struct tty_struct *tty, unsigned int cmd, void __user *argp)
{
	struct termios t;

	if (copy_from_user(&t, argp, sizeof(t)))
		return -EFAULT;
	if (cmd == TCSETSF)
		n_tty_flush(tty);
	tty->termios = t;
	wake_up(&tty->read_wait);		/* a mode change may make input ready */
	return 0;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *argp = (void __user *)arg;
	pid_t pgrp;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(argp, &tty->termios, sizeof(tty->termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, argp);
	case TIOCGWINSZ:
		return copy_to_user(argp, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty->winsize, argp, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCGPGRP:
		return put_user(tty->pgrp, (int __user *)argp);
	case TIOCSPGRP:
		if (get_user(pgrp, (int __user *)argp))
			return -EFAULT;
		if (pgrp < 0)
			return -EINVAL;
		tty->pgrp = pgrp;
		return 0;
	case TIOCGSID:
		return put_user(tty->session, (int __user *)argp);
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(tty), (int __user *)argp);
	case TCFLSH:
		if (arg != 1)			/* TCOFLUSH: output is never queued */
			n_tty_flush(tty);
		return 0;
	case TIOCOUTQ:
		return put_user(0, (int __user *)argp);
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TCSBRK:
	case TCSBRKP:
	case TCXONC:
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

/* The UART has received bytes: each to the line discipline. */
static void serial_interrupt(unsigned int irq, struct pt_regs *regs)
{
	int c;

	while ((c = serial_getc()) >= 0)
		n_tty_receive_char(&console_tty, c);
}

/* console_set_session - @sid's session owns the console now (pid 1's, at boot). */
void console_set_session(pid_t sid)
{
	console_tty.session = sid;
	console_tty.pgrp = sid;
}

/* tty_init - the console devices, and typed input by interrupt from now on. */
void tty_init(void)
{
	register_chrdev(5, "tty", &tty_fops);
	register_chrdev(4, "ttyS", &tty_fops);
	if (request_irq(4, serial_interrupt, "serial"))
		panic("tty_init: IRQ 4 is taken");
	serial_enable_rx_interrupt();
}
