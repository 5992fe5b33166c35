// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (Linux: kernel/kthread.c).  A kernel thread runs only
 * kernel code: mm == NULL, and while it runs it borrows the address space
 * of whoever ran before (active_mm, see context_switch()).
 */
#include <kernel.h>
#include <sched.h>
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
	p = copy_process(0, kthread, start);
	if (!p) {
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
