// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table: all 256 vectors lead to the stubs in
 * arch/x86/entry/entry_64.asm, which save a struct pt_regs and call
 * do_idt_entry().  Every gate is an interrupt gate (IF cleared on entry);
 * the double fault runs on its own stack (IST 1), so a kernel stack
 * overflow is reported rather than turning into a triple fault.
 */
#include <kernel.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/traps.h>

#define NR_VECTORS		256
#define GATE_INTERRUPT		0x8e	/* present, DPL 0, 64-bit interrupt gate */

struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

struct idt_ptr {
	u16 size;
	u64 address;
} __packed;

static struct gate_struct idt_table[NR_VECTORS] __aligned(4096);
extern const u64 idt_entry_stubs[NR_VECTORS];	/* entry_64.asm */

static void set_intr_gate(unsigned int n, unsigned long addr, unsigned int ist)
{
	struct gate_struct *g = &idt_table[n];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT;
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

void idt_setup_traps(void)
{
	struct idt_ptr idt = { sizeof(idt_table) - 1, (u64)idt_table };

	for (unsigned int n = 0; n < NR_VECTORS; n++)
		set_intr_gate(n, idt_entry_stubs[n], n == X86_TRAP_DF ? 1 : 0);
	asm volatile("lidt %0" : : "m"(idt));
}
