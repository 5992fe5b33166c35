// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format a message, keep it in log_buf (GDB's dissect-dmesg reads
 * it), and print it on the console unless its level is above
 * console_loglevel.  Safe in interrupt and exception context: the whole
 * message goes out with interrupts off, so lines never interleave.
 */
#include <kernel.h>
#include <string.h>
#include <asm/irqflags.h>
#include <asm/serial.h>

#define LOG_BUF_LEN	(1 << 16)

int console_loglevel = LOGLEVEL_DEFAULT;
char log_buf[LOG_BUF_LEN];
unsigned long log_next;		/* total bytes ever logged */

static void log_store(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
	log_next += n;
}

/* Split "\001N" off the front of @fmt; returns the level or -1 (KERN_CONT). */
static int printk_get_level(const char **fmt)
{
	const char *s = *fmt;

	if (s[0] != KERN_SOH[0] || !s[1])
		return LOGLEVEL_DEFAULT - 1;
	*fmt = s + 2;
	if (s[1] == 'c')
		return -1;
	return s[1] - '0';
}

int vprintk(const char *fmt, va_list args)
{
	static int last_level = LOGLEVEL_DEFAULT - 1;
	char buf[1024];
	unsigned long flags;
	int level, n;

	level = printk_get_level(&fmt);
	if (level < 0)
		level = last_level;
	n = vscnprintf(buf, sizeof(buf), fmt, args);

	local_irq_save(flags);
	last_level = level;
	log_store(buf, n);
	if (level < console_loglevel)
		serial_write(buf, n);
	local_irq_restore(flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
