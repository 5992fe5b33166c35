// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts from devices, through the two cascaded 8259 PICs remapped to
 * vectors 0x20..0x2f (the BIOS leaves them on top of the CPU exceptions).
 */
#include <kernel.h>
#include <errno.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/traps.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1
#define PIC_EOI		0x20
#define PIC_CASCADE_IR	2

struct irq_action {
	irq_handler_t handler;
	const char *name;
};

static struct irq_action irq_actions[NR_LEGACY_IRQS];
unsigned long irq_count[NR_LEGACY_IRQS];
static u16 irq_mask = 0xffff & ~(1 << PIC_CASCADE_IR);

static void pic_set_mask(void)
{
	outb(irq_mask & 0xff, PIC_MASTER_DATA);
	outb(irq_mask >> 8, PIC_SLAVE_DATA);
}

/* init_8259A: ICW1..ICW4 for both chips, everything masked. */
static void init_8259A(void)
{
	outb(0x11, PIC_MASTER_CMD);		/* ICW1: edge, cascade, ICW4 */
	outb(0x11, PIC_SLAVE_CMD);
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_DATA);	/* ICW2: vectors */
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_DATA);
	outb(1 << PIC_CASCADE_IR, PIC_MASTER_DATA);	/* ICW3 */
	outb(PIC_CASCADE_IR, PIC_SLAVE_DATA);
	outb(0x01, PIC_MASTER_DATA);		/* ICW4: 8086 mode */
	outb(0x01, PIC_SLAVE_DATA);
	pic_set_mask();
}

static void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

/* Is @irq really pending (ISR bit), or a spurious IRQ 7 / 15? */
static bool pic_irq_in_service(unsigned int irq)
{
	u16 port = irq >= 8 ? PIC_SLAVE_CMD : PIC_MASTER_CMD;

	outb(0x0b, port);			/* OCW3: read ISR */
	return inb(port) & (1 << (irq & 7));
}

/**
 * request_irq - route device interrupt @irq to @handler and unmask it
 * Return: 0, -EINVAL for a bad number, -EBUSY if it is taken.
 */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_LEGACY_IRQS || irq == PIC_CASCADE_IR)
		return -EINVAL;
	if (irq_actions[irq].handler)
		return -EBUSY;
	irq_actions[irq].handler = handler;
	irq_actions[irq].name = name;
	irq_mask &= ~(1 << irq);
	pic_set_mask();
	return 0;
}

void do_IRQ(struct pt_regs *regs, unsigned long vector)
{
	unsigned int irq = vector - FIRST_EXTERNAL_VECTOR;

	if (vector < FIRST_EXTERNAL_VECTOR || irq >= NR_LEGACY_IRQS) {
		printk(KERN_WARNING "do_IRQ: unexpected vector %lu\n", vector);
		return;
	}
	if ((irq == 7 || irq == 15) && !pic_irq_in_service(irq)) {
		if (irq == 15)
			outb(PIC_EOI, PIC_MASTER_CMD);
		return;
	}
	irq_count[irq]++;
	pic_eoi(irq);
	if (irq_actions[irq].handler)
		irq_actions[irq].handler(irq, regs);
}

void init_IRQ(void)
{
	init_8259A();
}
