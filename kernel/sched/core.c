// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler (Linux: kernel/sched/core.c), reduced to round robin.
 *
 * Runnable tasks wait on one run queue in arrival order; the idle task
 * (init_task, pid 0) runs when it is empty.  The timer tick takes one
 * tick from the running task's time slice; when it runs out, need_resched
 * is set, and on the way out of the interrupt the task is switched away
 * (preempted) and goes to the back of the queue.
 *
 *   schedule()
 *     pick_next_task()              the task at the front, or idle
 *     context_switch(prev, next)
 *       switch_mm()                 load next's page tables, if they differ;
 *                                   a kernel thread (mm == NULL) borrows
 *                                   prev's active_mm and pins it (mmgrab)
 *       switch_to(prev, next)       registers and stack (entry_64.asm)
 *     finish_task_switch(prev)      drop a borrowed mm; free a dead task
 */
#include <kernel.h>
#include <jiffies.h>
#include <mm.h>
#include <preempt.h>
#include <sched.h>
#include <asm/irqflags.h>
#include <asm/switch_to.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <errno.h>
#include <syscalls.h>

static LIST_HEAD(runqueue);		/* runnable tasks, not the idle task */
static LIST_HEAD(sleepers);		/* tasks in schedule_timeout() */
unsigned long nr_context_switches;
static struct mm_struct *prev_mm;	/* a borrowed mm to drop after the switch */

static void enqueue_task(struct task_struct *p)
{
	if (p != &init_task && list_empty(&p->run_list))
		list_add_tail(&p->run_list, &runqueue);
}

static void dequeue_task(struct task_struct *p)
{
	if (!list_empty(&p->run_list))
		list_del_init(&p->run_list);
}

static void resched_curr(void)
{
	WRITE_ONCE(pcpu_hot.need_resched, 1);
}

/**
 * try_to_wake_up - make a sleeping task runnable
 * Return: 1 if it was asleep (and now queued), 0 if it was already running.
 */
static int try_to_wake_up(struct task_struct *p, long state_mask)
{
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	if (p->state & state_mask) {
		p->state = TASK_RUNNING;
		enqueue_task(p);
		if (current == &init_task)
			resched_curr();		/* no need to idle any longer */
		woken = 1;
	}
	local_irq_restore(flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

/* A new task's first wake-up: it joins the back of the queue. */
void wake_up_new_task(struct task_struct *p)
{
	try_to_wake_up(p, TASK_NEW);
}

void set_current_state(long state)
{
	WRITE_ONCE(current->state, state);
	barrier();
}

/* sched_fork - prepare a new task for the scheduler; it runs once woken. */
void sched_fork(struct task_struct *p)
{
	p->state = TASK_NEW;
	p->time_slice = SCHED_TIMESLICE;
	p->nr_switches = 0;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->timer_list);
}

/*
 * switch_mm - load @next's page tables if they are not loaded already
 * (Linux: arch/x86/mm/tlb.c).  Reloading CR3 drops the TLB's user
 * translations; kernel ones are global and survive.
 */
static void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	if (prev != next)
		write_cr3(__pa(next->pgd));
}

/* The runnable task to switch to: round robin, or idle. */
static struct task_struct *pick_next_task(struct task_struct *prev)
{
	struct task_struct *next;

	if (prev->state == TASK_RUNNING && prev != &init_task) {
		dequeue_task(prev);		/* to the back of the queue */
		enqueue_task(prev);
	}
	next = list_first_entry_or_null(&runqueue, struct task_struct, run_list);
	return next ? next : &init_task;
}

/*
 * context_switch - switch the address space, then the registers
 *
 * A kernel thread (no mm) keeps the page tables that are loaded: it takes
 * prev's active_mm as its own and pins it with mmgrab(), so the mm
 * cannot be freed under it (lazy TLB).  When a kernel thread is switched
 * away, its borrowed mm is dropped after the switch (finish_task_switch).
 */
static struct task_struct *context_switch(struct task_struct *prev,
					  struct task_struct *next)
{
	if (!next->mm) {
		next->active_mm = prev->active_mm;
		mmgrab(next->active_mm);
	} else {
		switch_mm(prev->active_mm, next->mm);
		next->active_mm = next->mm;
	}
	if (!prev->mm) {
		prev_mm = prev->active_mm;
		prev->active_mm = NULL;
	}
	next->nr_switches++;
	nr_context_switches++;
	return switch_to(prev, next);
}

/*
 * finish_task_switch - the first thing a task does when switched back in
 * (or, for a new task, in schedule_tail): drop the mm a kernel thread
 * borrowed, and free a task that has died.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct mm_struct *mm = prev_mm;

	prev_mm = NULL;
	if (mm)
		mmdrop(mm);
	if (prev->state == TASK_DEAD)
		release_task(prev);
}

/* schedule_tail - the first code a new task runs (from ret_from_fork). */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
	if (current->set_child_tid)		/* clone(CLONE_CHILD_SETTID) */
		put_user(current->pid, current->set_child_tid);
}

/* __schedule - switch to the next task; @preempt: prev is still runnable. */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	local_irq_save(flags);
	if (!preempt && prev->state != TASK_RUNNING)
		dequeue_task(prev);
	next = pick_next_task(prev);
	pcpu_hot.need_resched = 0;
	next->time_slice = SCHED_TIMESLICE;
	if (next != prev) {
		prev = context_switch(prev, next);
		finish_task_switch(prev);
	}
	local_irq_restore(flags);
}

/**
 * schedule - give the CPU to the next runnable task
 *
 * A task that set itself asleep (TASK_INTERRUPTIBLE etc.) first leaves
 * the run queue and comes back only when woken.
 */
void schedule(void)
{
	BUG_ON(preempt_count());
	__schedule(false);
}

/* preempt_schedule - preempt_enable() found a reschedule pending. */
void preempt_schedule(void)
{
	__schedule(true);
}

/*
 * preempt_schedule_irq - on the way out of an interrupt that hit kernel
 * code with interrupts on and preemption allowed (Linux: the same name).
 */
void preempt_schedule_irq(void)
{
	__schedule(true);
}

void yield(void)
{
	resched_curr();
	__schedule(true);
}

/* Wake the sleepers whose time has come (from the tick). */
static void run_timers(void)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &sleepers, timer_list)
		if (time_after_eq(jiffies, p->sleep_until)) {
			list_del_init(&p->timer_list);
			wake_up_process(p);
		}
}

/*
 * scheduler_tick - from the timer interrupt: wake sleepers whose time
 * has come, and ask for a switch when the running task's slice is spent
 */
void scheduler_tick(void)
{
	struct task_struct *curr = current;

	run_timers();
	if (curr == &init_task) {
		if (!list_empty(&runqueue))
			resched_curr();
		return;
	}
	if (--curr->time_slice <= 0)
		resched_curr();
}

/**
 * schedule_timeout - sleep for @timeout jiffies in the state set by the
 * caller (TASK_INTERRUPTIBLE: a signal may end it early)
 * Return: the jiffies left (0 when the time ran out).
 */
long schedule_timeout(long timeout)
{
	struct task_struct *p = current;
	unsigned long flags;
	long left;

	local_irq_save(flags);
	p->sleep_until = jiffies + timeout;
	list_add_tail(&p->timer_list, &sleepers);
	local_irq_restore(flags);
	schedule();
	local_irq_save(flags);
	if (!list_empty(&p->timer_list))
		list_del_init(&p->timer_list);
	left = (long)(p->sleep_until - jiffies);
	local_irq_restore(flags);
	return left > 0 ? left : 0;
}

/* msleep - sleep at least @msecs milliseconds. */
void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		timeout = schedule_timeout(timeout);
	}
}

/* cpu_idle - what init_task does once booted: halt until there is work. */
void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (pcpu_hot.need_resched || !list_empty(&runqueue)) {
			local_irq_enable();
			schedule();
			continue;
		}
		safe_halt();			/* sti; hlt: no wake-up is lost */
	}
}

void sched_init(void)
{
	init_task.active_mm = &init_mm;
	mmgrab(&init_mm);
	init_task.state = TASK_RUNNING;
	list_add(&init_task.tasks, &task_list);
	percpu_init();
}

/**
 * drop_lazy_mm - a kernel thread stops borrowing the mm it runs on
 *
 * A kernel thread keeps whatever address space was loaded before it (and
 * a reference to it) until it is switched away.  This loads init_mm's
 * tables instead and drops the borrowed mm now.  The self-test runner,
 * itself a kernel thread, calls it after each case, so a case's mm is
 * freed within the case.
 */
void drop_lazy_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *old = tsk->active_mm;
	unsigned long flags;

	if (tsk->mm || old == &init_mm)
		return;
	mmgrab(&init_mm);
	local_irq_save(flags);
	switch_mm(old, &init_mm);
	tsk->active_mm = &init_mm;
	local_irq_restore(flags);
	mmdrop(old);
}

/* sched_getaffinity - the CPUs @pid may run on: one, CPU 0.  Returns the mask's size. */
SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len, unsigned long __user *,
		user_mask_ptr)
{
	if (len < sizeof(unsigned long) || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	if (pid && !find_task_by_pid(pid))
		return -ESRCH;
	if (put_user(1UL, user_mask_ptr))
		return -EFAULT;
	return sizeof(unsigned long);
}
