// SPDX-License-Identifier: GPL-2.0
/*
 * The console: a 16550 UART on COM1 at 115200 8N1; output polled, input
 * by interrupt once the terminal is up (drivers/tty/tty_io.c).  (Linux's
 * full driver is drivers/tty/serial/8250/; this is its early_printk
 * cousin, arch/x86/kernel/early_printk.c.)
 */
#include <asm/io.h>
#include <asm/serial.h>

#define COM1		0x3f8
#define UART_RX		0	/* receive buffer (DLAB 0) */
#define UART_TX		0	/* transmit holding (DLAB 0) */
#define UART_DLL	0	/* divisor latch low (DLAB 1) */
#define UART_IER	1	/* interrupt enable (DLAB 0) */
#define UART_DLM	1	/* divisor latch high (DLAB 1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* a received byte is waiting */
#define UART_LSR_THRE	0x20	/* transmitter can take a byte */

/* serial_init: program COM1 for 115200 8N1 with FIFOs, interrupts off. */
void serial_init(void)
{
	outb(0, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(1, COM1 + UART_DLL);		/* 115200 / 1 */
	outb(0, COM1 + UART_DLM);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(0xc7, COM1 + UART_FCR);		/* FIFOs on and cleared */
	outb(0x0b, COM1 + UART_MCR);		/* DTR, RTS, OUT2 */
}

#define TX_TAIL_SIZE	64
static char tx_tail[TX_TAIL_SIZE];	/* the last bytes sent, for the self-tests */
static unsigned long tx_count;

void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1 + UART_TX);
	tx_tail[tx_count++ % TX_TAIL_SIZE] = c;
}

/* serial_tx_tail - the last (up to @size - 1) bytes sent, NUL-terminated. */
void serial_tx_tail(char *buf, size_t size)
{
	size_t n = size - 1;

	if (n > TX_TAIL_SIZE)
		n = TX_TAIL_SIZE;
	if (n > tx_count)
		n = tx_count;
	for (size_t i = 0; i < n; i++)
		buf[i] = tx_tail[(tx_count - n + i) % TX_TAIL_SIZE];
	buf[n] = '\0';
}

/* serial_write: @n bytes, each "\n" sent as "\r\n" for terminals. */
void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

/* serial_enable_rx_interrupt - raise IRQ 4 when a byte arrives (tty_init). */
void serial_enable_rx_interrupt(void)
{
	while (serial_getc() >= 0)
		;				/* whatever came before is not input */
	outb(0x01, COM1 + UART_IER);		/* received data available */
}

int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}
