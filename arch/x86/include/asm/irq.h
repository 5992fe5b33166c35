/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/ptrace.h>

typedef void (*irq_handler_t)(unsigned int irq, struct pt_regs *regs);

void init_IRQ(void);
int request_irq(unsigned int irq, irq_handler_t handler, const char *name);
void do_IRQ(struct pt_regs *regs, unsigned long vector);
extern unsigned long irq_count[16];

#endif /* _ASM_X86_IRQ_H */
