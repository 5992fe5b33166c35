/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#define X86_EFLAGS_TF	(1UL << 8)	/* single-step */
#define X86_EFLAGS_IF	(1UL << 9)	/* interrupts enabled */
#define X86_EFLAGS_DF	(1UL << 10)	/* string ops go down */
#define X86_EFLAGS_NT	(1UL << 14)
#define X86_EFLAGS_AC	(1UL << 18)	/* with SMAP: the kernel may touch user pages */

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	asm volatile("pushf; pop %0" : "=rm"(flags) : : "memory");
	return flags;
}
static inline void local_irq_disable(void) { asm volatile("cli" : : : "memory"); }
static inline void local_irq_enable(void) { asm volatile("sti" : : : "memory"); }
static inline int irqs_disabled(void) { return !(arch_local_save_flags() & X86_EFLAGS_IF); }

#define local_irq_save(flags)					\
	do { (flags) = arch_local_save_flags(); local_irq_disable(); } while (0)
#define local_irq_restore(flags)				\
	do { if ((flags) & X86_EFLAGS_IF) local_irq_enable(); } while (0)

/* Wait for an interrupt with interrupts enabled, atomically (sti; hlt). */
static inline void safe_halt(void) { asm volatile("sti; hlt" : : : "memory"); }

#endif /* _ASM_X86_IRQFLAGS_H */
