/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text built for reading (Linux: include/linux/seq_file.h, much reduced).
 * /proc's files print their whole text into a seq_file when opened; if it
 * did not fit (overflow), the buffer doubles and the text is printed
 * again.  read() then copies from the finished text.
 */
#ifndef _SEQ_FILE_H
#define _SEQ_FILE_H

#include <types.h>
#include <compiler.h>

struct seq_file {
	char *buf;
	size_t size;		/* of buf */
	size_t count;		/* bytes printed */
	size_t line_start;	/* where the current line began, for seq_pad */
	bool overflow;
};

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_pad(struct seq_file *m, size_t column);

/* seq_put_kb - a "Label:   1234 kB" line, as /proc/meminfo and status print them. */
void seq_put_kb(struct seq_file *m, const char *label, unsigned long kb, int width);

#endif /* _SEQ_FILE_H */
