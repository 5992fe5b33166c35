/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The terminal (Linux: include/linux/tty.h, include/uapi/asm-generic/termbits.h).
 *
 * dissect has one: the serial console, /dev/console (5:1), also reached
 * as /dev/tty (5:0, the controlling terminal) and /dev/ttyS0 (4:64).
 * Bytes typed arrive by the UART's interrupt and go through the line
 * discipline (drivers/tty/n_tty.c): in canonical mode it edits a line
 * (erase, kill, word erase), echoes, turns ^C and ^\ into SIGINT and
 * SIGQUIT for the foreground process group, and hands read() whole lines;
 * in raw mode (ICANON off) every byte at once.
 */
#ifndef _TTY_H
#define _TTY_H

#include <types.h>
#include <wait.h>

#define NCCS	19

/* c_cc indexes */
#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6
#define VSTART	8
#define VSTOP	9
#define VSUSP	10
#define VEOL	11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE	14
#define VLNEXT	15

/* c_iflag */
#define IGNCR	0000200
#define ICRNL	0000400
#define INLCR	0000100
#define ISTRIP	0000040
#define IXON	0002000
/* c_oflag */
#define OPOST	0000001
#define ONLCR	0000004
/* c_cflag */
#define B115200	0010002
#define CS8	0000060
#define CREAD	0000200
/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define ECHOCTL	0001000
#define ECHOKE	0004000
#define IEXTEN	0100000

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#define N_TTY_BUF_SIZE	4096
#define TTY_EOF_MARK	0x100	/* in read_buf: a ^D, the end of a line without its byte */

/**
 * struct tty_struct - a terminal
 * @termios, @winsize: its settings (TCGETS/TCSETS, TIOCGWINSZ)
 * @pgrp: the foreground process group (^C's target; TIOCSPGRP)
 * @session: the session it is the controlling terminal of
 * @read_wait: readers waiting for input
 * @line, @line_len: canonical mode: the line being edited
 * @read_buf, @read_head, @read_tail: input ready for read(), a ring
 * @lines: complete lines in @read_buf (each ends in '\n' or an EOF mark)
 */
struct tty_struct {
	struct termios termios;
	struct winsize winsize;
	pid_t pgrp, session;
	struct wait_queue_head read_wait;
	char line[N_TTY_BUF_SIZE];
	unsigned int line_len;
	u16 read_buf[N_TTY_BUF_SIZE];
	unsigned int read_head, read_tail;
	unsigned int lines;
};

struct file;
struct iov_iter;

/* drivers/tty/n_tty.c */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c);
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to);
bool n_tty_input_ready(struct tty_struct *tty);
unsigned int n_tty_chars_in_buffer(struct tty_struct *tty);
void n_tty_flush(struct tty_struct *tty);

/* drivers/tty/tty_io.c */
extern struct tty_struct console_tty;
void tty_write_bytes(struct tty_struct *tty, const char *buf, size_t n);
void tty_init(void);
void console_set_session(pid_t sid);

#endif /* _TTY_H */
