// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (Linux: kernel/kthread.c).  A kernel thread runs only
 * kernel code: mm == NULL, and while it runs it borrows the address space
 * of whoever ran before (active_mm, see context_switch()).
 */
#include <kernel.h>
#include <errno.h>
#include <mm.h>
#include <sched.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>
#include <slab.h>
#include <string.h>

struct kthread_start {
	int (*threadfn)(void *);
	void *data;
};

/* Every kthread starts here: run the function, then exit with its result. */
static int kthread(void *arg)
{
	struct kthread_start *start = arg;
	int (*threadfn)(void *) = start->threadfn;
	void *data = start->data;

	kfree(start);
	do_exit(threadfn(data) << 8);
}

/**
 * kthread_create - a new kernel thread that will run @threadfn(@data)
 * and exit with its return value; it reaps itself
 * Return: the task, not yet running (see kthread_run()), or NULL.
 */
struct task_struct *kthread_create(int (*threadfn)(void *), void *data, const char *name)
{
	struct kthread_start *start = kmalloc(sizeof(*start), GFP_KERNEL);
	struct task_struct *p;

	if (!start)
		return NULL;
	start->threadfn = threadfn;
	start->data = data;
	struct kernel_clone_args args = { .fn = kthread, .fn_arg = start };

	p = copy_process(&args);
	if (IS_ERR(p)) {
		kfree(start);
		return NULL;
	}
	strscpy(p->comm, name, sizeof(p->comm));
	p->exit_signal = -1;
	return p;
}

struct task_struct *kthread_run(int (*threadfn)(void *), void *data, const char *name)
{
	struct task_struct *p = kthread_create(threadfn, data, name);

	if (p)
		wake_up_new_task(p);
	return p;
}

/*
 * kthread_use_mm - let the current kernel thread run in @mm as if it were
 * its own (loaded, and current->mm), e.g. to touch user memory of @mm
 * (Linux: the same name).  kthread_unuse_mm() gives it back.
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm;
	unsigned long flags;

	mmgrab(mm);
	local_irq_save(flags);
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	write_cr3(__pa(mm->pgd));
	local_irq_restore(flags);
	mmdrop(active_mm);		/* what it had borrowed */
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	current->mm = NULL;		/* keeps it as active_mm: lazy TLB */
	local_irq_restore(flags);
}
