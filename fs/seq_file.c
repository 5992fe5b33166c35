// SPDX-License-Identifier: GPL-2.0
/* Building text in a seq_file (include/seq_file.h). */
#include <kernel.h>
#include <seq_file.h>
#include <stdarg.h>
#include <string.h>

static void seq_note_lines(struct seq_file *m, size_t from)
{
	for (size_t i = from; i < m->count; i++)
		if (m->buf[i] == '\n')
			m->line_start = i + 1;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	size_t from = m->count;

	if (m->overflow || m->count + len > m->size) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
	seq_note_lines(m, from);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count, from = m->count;
	va_list args;
	int n;

	if (m->overflow)
		return;
	va_start(args, fmt);
	n = vsnprintf(m->buf + m->count, room, fmt, args);
	va_end(args);
	if (n < 0 || (size_t)n >= room) {
		m->overflow = true;
		return;
	}
	m->count += n;
	seq_note_lines(m, from);
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

/* seq_pad - spaces until the current line is @column bytes long. */
void seq_pad(struct seq_file *m, size_t column)
{
	while (!m->overflow && m->count - m->line_start < column)
		seq_putc(m, ' ');
}

void seq_put_kb(struct seq_file *m, const char *label, unsigned long kb, int width)
{
	seq_printf(m, "%s%*lu kB\n", label, width, kb);
}
