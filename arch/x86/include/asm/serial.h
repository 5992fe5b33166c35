/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SERIAL_H
#define _ASM_X86_SERIAL_H

#include <types.h>

void serial_init(void);
void serial_putc(char c);
void serial_write(const char *s, size_t n);
int serial_getc(void);		/* -1 when nothing is waiting */
void serial_enable_rx_interrupt(void);
void serial_tx_tail(char *buf, size_t size);

#endif /* _ASM_X86_SERIAL_H */
