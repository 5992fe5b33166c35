/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GDT layout, as Linux has it on x86-64.  syscall/sysret need this
 * order: sysret takes user SS = STAR.base + 8 and user CS = STAR.base + 16,
 * so USER32_CS, USER_DS and USER_CS sit in consecutive slots.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS		1
#define GDT_ENTRY_KERNEL_CS		2
#define GDT_ENTRY_KERNEL_DS		3
#define GDT_ENTRY_DEFAULT_USER32_CS	4
#define GDT_ENTRY_DEFAULT_USER_DS	5
#define GDT_ENTRY_DEFAULT_USER_CS	6
#define GDT_ENTRY_TSS			8	/* two slots: 8 and 9 */
#define GDT_ENTRIES			16

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL	(GDT_ENTRY_TSS * 8)

#endif /* _ASM_X86_SEGMENT_H */
