/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel preemption.  The timer may switch tasks when it interrupts kernel
 * code, unless preempt_count() is non-zero or interrupts were off; code
 * that must not be switched away from brackets itself with
 * preempt_disable() / preempt_enable().
 */
#ifndef _PREEMPT_H
#define _PREEMPT_H

#include <compiler.h>
#include <asm/current.h>

void preempt_schedule(void);

static inline int preempt_count(void)
{
	return READ_ONCE(pcpu_hot.preempt_count);
}
static inline void preempt_disable(void)
{
	pcpu_hot.preempt_count++;
	barrier();
}
static inline void preempt_enable_no_resched(void)
{
	barrier();
	pcpu_hot.preempt_count--;
}
static inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (!pcpu_hot.preempt_count && READ_ONCE(pcpu_hot.need_resched))
		preempt_schedule();
}

#endif /* _PREEMPT_H */
