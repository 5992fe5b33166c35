/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <types.h>
#include <compiler.h>

/* The 64-bit TSS: only its stack pointers matter in long mode. */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;		/* kernel stack on entry from user mode */
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];		/* interrupt stacks, e.g. for double faults */
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

extern struct x86_hw_tss cpu_tss;

void cpu_init(void);
void idt_setup_traps(void);
void load_sp0(unsigned long sp0);
void syscall_init(void);
void setup_smep_smap(void);

#endif /* _ASM_X86_DESC_H */
