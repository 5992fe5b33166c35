// SPDX-License-Identifier: GPL-2.0
/*
 * Leaving the kernel (Linux: kernel/entry/common.c).
 *
 * Before any return to user mode -- from a system call, an interrupt, an
 * exception, or a new task's first run -- the task does the work that was
 * left for that moment: switch away if the scheduler asked, and act on
 * pending signals.  An interrupt that hit kernel code may switch tasks
 * too (kernel preemption), if preemption and interrupts were enabled.
 */
#include <kernel.h>
#include <preempt.h>
#include <sched.h>
#include <signal.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>

/* syscall_exit_to_user_mode - the last kernel work before user mode (irqs off after). */
void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		local_irq_disable();
		if (READ_ONCE(pcpu_hot.need_resched)) {
			local_irq_enable();
			schedule();
			continue;
		}
		if (signal_pending(current)) {
			local_irq_enable();
			do_signal();
			continue;
		}
		return;
	}
}

/* irqentry_exit - the end of every interrupt and exception. */
void irqentry_exit(struct pt_regs *regs)
{
	if (user_mode(regs))
		syscall_exit_to_user_mode(regs);
	else if (READ_ONCE(pcpu_hot.need_resched) && !preempt_count() &&
		 (regs->flags & X86_EFLAGS_IF))
		preempt_schedule_irq();
}
