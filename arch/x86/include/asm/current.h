/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-CPU data the entry code needs at once (Linux: struct pcpu_hot).
 * In kernel mode the GS base points here, so entry code can reach it with
 * %gs: before it has a stack; SWAPGS exchanges it with the user's GS base
 * on every crossing.  C code simply uses the variable (one CPU).
 */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#define PCPU_current_task	0
#define PCPU_top_of_stack	8
#define PCPU_user_rsp		16
#define PCPU_preempt_count	24

#ifndef __ASSEMBLY__
#include <types.h>

struct task_struct;

struct pcpu_hot {
	struct task_struct *current_task;
	unsigned long top_of_stack;	/* kernel stack of current, for syscall */
	unsigned long user_rsp;		/* the user's rsp during syscall entry */
	int preempt_count;		/* >0: the running task must not be switched */
	int need_resched;		/* the scheduler wants to run another task */
};

extern struct pcpu_hot pcpu_hot;

static inline struct task_struct *get_current(void)
{
	return pcpu_hot.current_task;
}
#define current get_current()

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_CURRENT_H */
