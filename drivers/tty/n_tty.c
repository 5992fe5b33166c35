// SPDX-License-Identifier: GPL-2.0
/*
 * The line discipline (Linux: drivers/tty/n_tty.c).
 *
 * n_tty_receive_char() runs in the UART's interrupt, one byte at a time;
 * n_tty_read() in the reading task.  The ring they share (read_buf) is
 * changed with interrupts off.
 *
 * Canonical mode (ICANON), what a shell's prompt sees:
 *
 *   ^H / DEL  erase a character     ^U  erase the line     ^W  erase a word
 *   ^C        SIGINT to the foreground group; ^\ SIGQUIT (ISIG)
 *   ^D        the end of the line without a newline: on an empty line,
 *             read() returns 0 (end of file)
 *   Enter     CR becomes NL (ICRNL); the line becomes readable
 *
 * Raw mode (ICANON off): each byte is readable at once (VMIN 1, VTIME 0).
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <sched.h>
#include <signal.h>
#include <tty.h>
#include <uio.h>
#include <asm/irqflags.h>

int kill_pgrp(pid_t pgrp, int sig);

static bool L_(const struct tty_struct *tty, u32 flag)
{
	return tty->termios.c_lflag & flag;
}

static void echo_char(struct tty_struct *tty, unsigned char c)
{
	char ctl[2] = { '^', c ^ 0x40 };

	if (!L_(tty, ECHO))
		return;
	if (c < ' ' && c != '\n' && c != '\t' && L_(tty, ECHOCTL))
		tty_write_bytes(tty, ctl, 2);
	else
		tty_write_bytes(tty, (char *)&c, 1);
}

/* erase one character of the line being edited, on the screen too */
static void erase_char(struct tty_struct *tty)
{
	if (!tty->line_len)
		return;
	tty->line_len--;
	if (L_(tty, ECHO) && L_(tty, ECHOE))
		tty_write_bytes(tty, "\b \b", 3);
}

static void erase_word(struct tty_struct *tty)
{
	while (tty->line_len && tty->line[tty->line_len - 1] == ' ')
		erase_char(tty);
	while (tty->line_len && tty->line[tty->line_len - 1] != ' ')
		erase_char(tty);
}

static bool read_buf_full(const struct tty_struct *tty)
{
	return tty->read_head - tty->read_tail >= N_TTY_BUF_SIZE;
}

static void put_read_buf(struct tty_struct *tty, u16 c)
{
	if (!read_buf_full(tty))
		tty->read_buf[tty->read_head++ % N_TTY_BUF_SIZE] = c;
}

/* commit_line - the edited line (and @end: '\n' or the EOF mark) becomes readable. */
static void commit_line(struct tty_struct *tty, u16 end)
{
	if (tty->read_head - tty->read_tail + tty->line_len + 1 > N_TTY_BUF_SIZE) {
		tty->line_len = 0;		/* no room: the line is lost */
		return;
	}
	for (unsigned int i = 0; i < tty->line_len; i++)
		put_read_buf(tty, (unsigned char)tty->line[i]);
	put_read_buf(tty, end);
	tty->line_len = 0;
	tty->lines++;
	wake_up(&tty->read_wait);
}

/* n_tty_flush - drop all typed input (^C does, TCFLSH does). */
void n_tty_flush(struct tty_struct *tty)
{
	unsigned long flags;

	local_irq_save(flags);
	tty->line_len = 0;
	tty->read_head = tty->read_tail = 0;
	tty->lines = 0;
	local_irq_restore(flags);
}

/* A signal character: flush, echo it, and signal the foreground group. */
static bool receive_signal_char(struct tty_struct *tty, unsigned char c)
{
	const u8 *cc = tty->termios.c_cc;
	int sig = c == cc[VINTR] ? SIGINT : c == cc[VQUIT] ? SIGQUIT : 0;

	if (!sig || !L_(tty, ISIG))
		return false;
	if (!L_(tty, NOFLSH))
		n_tty_flush(tty);
	echo_char(tty, c);			/* "^C", as Linux: the shell says the rest */
	kill_pgrp(tty->pgrp, sig);
	wake_up(&tty->read_wait);
	return true;
}

/* receive_canon - one byte of a line being edited. */
static void receive_canon(struct tty_struct *tty, unsigned char c)
{
	const u8 *cc = tty->termios.c_cc;

	if (c == cc[VERASE] || c == '\b') {
		erase_char(tty);
	} else if (c == cc[VWERASE] && L_(tty, IEXTEN)) {
		erase_word(tty);
	} else if (c == cc[VKILL]) {
		while (tty->line_len)
			erase_char(tty);
	} else if (c == cc[VEOF]) {
		commit_line(tty, TTY_EOF_MARK);
	} else if (c == '\n' || (cc[VEOL] && c == cc[VEOL])) {
		if (L_(tty, ECHO) || L_(tty, ECHONL))
			tty_write_bytes(tty, "\n", 1);
		commit_line(tty, c);
	} else if (tty->line_len < N_TTY_BUF_SIZE - 1) {
		tty->line[tty->line_len++] = c;
		echo_char(tty, c);
	}
}

/* n_tty_receive_char - a byte arrived from the terminal (interrupt context). */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	u32 iflag = tty->termios.c_iflag;

	if (iflag & ISTRIP)
		c &= 0x7f;
	if (c == '\r') {
		if (iflag & IGNCR)
			return;
		if (iflag & ICRNL)
			c = '\n';
	} else if (c == '\n' && (iflag & INLCR)) {
		c = '\r';
	}
	if (receive_signal_char(tty, c))
		return;
	if (L_(tty, ICANON)) {
		receive_canon(tty, c);
		return;
	}
	put_read_buf(tty, c);
	echo_char(tty, c);
	wake_up(&tty->read_wait);
}

bool n_tty_input_ready(struct tty_struct *tty)
{
	return L_(tty, ICANON) ? tty->lines > 0 : tty->read_head != tty->read_tail;
}

unsigned int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	return tty->read_head - tty->read_tail;
}

/*
 * copy_from_read_buf - take up to @n bytes of input into @kbuf: in
 * canonical mode up to the end of the first line (an EOF mark ends it and
 * is consumed with it: "abc^D" reads as "abc").  Interrupts are off.
 * Return: bytes taken.
 */
static size_t copy_from_read_buf(struct tty_struct *tty, char *kbuf, size_t n)
{
	size_t got = 0;

	while (got < n && tty->read_tail != tty->read_head) {
		u16 c = tty->read_buf[tty->read_tail % N_TTY_BUF_SIZE];

		if (c == TTY_EOF_MARK) {	/* ends the line; alone, it is end of file */
			tty->read_tail++;
			tty->lines--;
			break;
		}
		tty->read_tail++;
		kbuf[got++] = c;
		if (L_(tty, ICANON) && c == '\n') {
			tty->lines--;
			break;
		}
	}
	return got;
}

/*
 * n_tty_read - read(2) on the terminal: sleep until input is ready, then
 * take it.  Return: bytes read, 0 at end of file (^D on an empty line),
 * -EAGAIN (O_NONBLOCK), -EINTR, -EFAULT.
 */
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	char kbuf[256];
	unsigned long flags;
	size_t n, copied;

	for (;;) {
		local_irq_save(flags);
		if (n_tty_input_ready(tty)) {
			n = copy_from_read_buf(tty, kbuf, min(sizeof(kbuf), iov_iter_count(to)));
			local_irq_restore(flags);
			break;
		}
		local_irq_restore(flags);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(tty->read_wait, n_tty_input_ready(tty)))
			return -EINTR;
	}
	copied = copy_to_iter(kbuf, n, to);
	return copied == n ? (ssize_t)n : -EFAULT;
}
