// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task (Linux: kernel/exit.c).
 *
 *   do_exit(code)
 *     exit_mm()           give up the address space (mmput); keep it as
 *                         active_mm until switched away (lazy TLB)
 *     exit_notify()       children go to init; become a zombie, send the
 *                         parent the exit signal (if any) and wake its
 *                         wait() -- or, with no parent interested
 *                         (exit_signal -1: a thread), reap itself
 *     schedule()          never to return
 *   parent's wait4() -> do_wait() -> release_task(): the stack, the pid
 *                         and the task_struct are freed
 *
 * A process is a thread group: the leader is the parent's child, its
 * threads are on no children list.  The parent does not see the
 * leader's zombie while threads remain (delay_group_leader()); the last
 * thread, when released, tells it.
 *
 * A task's status for wait() is Linux's encoding: exit(N) gives N << 8,
 * death by signal S gives S.  exit_group() or a fatal signal sets the
 * code of the whole group (signal->group_exit_code): every thread exits
 * with it, and the parent sees it.  When init (pid 1) ends, the machine
 * does.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <mm.h>
#include <reboot.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <completion.h>
#include <syscalls.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>

extern struct kmem_cache *task_struct_cachep;

/*
 * mm_release - @tsk stops using @mm (it exits, or execs): clear the tid
 * a thread library waits on (CLONE_CHILD_CLEARTID) and release a vfork
 * parent waiting for exactly this moment.
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1 && !put_user(0, tsk->clear_child_tid))
			futex_wake((u32 __user *)tsk->clear_child_tid, 1);
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
}

/* exit_mm - stop using current->mm; the last user frees it. */
static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return;
	mm_release(current, mm);
	mmgrab(mm);			/* still loaded: active_mm until the switch */
	current->mm = NULL;
	mmput(mm);
}

static struct task_struct *child_reaper(void)
{
	struct task_struct *init = find_task_by_pid(1);

	return init ? init : &init_task;
}

/*
 * forget_original_parent - @father's children (each a group leader, with
 * its threads) are adopted by init.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *reaper = child_reaper(), *p, *n, *t;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		list_move_tail(&p->sibling, &reaper->children);
		for_each_thread(p, t)
			t->real_parent = reaper;
		if (p->exit_state == EXIT_ZOMBIE)
			wake_up(&reaper->wait_chldexit);
	}
}

/*
 * exit_notify - become a zombie for the parent, or go away entirely.  A
 * leader whose threads live on is a zombie the parent is not told about
 * yet: the last thread's release_task() does that.
 */
static void exit_notify(struct task_struct *tsk)
{
	forget_original_parent(tsk);
	if (tsk->exit_signal < 0) {
		tsk->exit_state = EXIT_DEAD;
		tsk->state = TASK_DEAD;		/* freed by finish_task_switch() */
		return;
	}
	tsk->exit_state = EXIT_ZOMBIE;
	tsk->state = EXIT_ZOMBIE;		/* no wake-up runs it again */
	if (!delay_group_leader(tsk))
		do_notify_parent(tsk, tsk->exit_signal);
}

/* init is gone: say how, and power off (make run exits with its status). */
static void __noreturn init_exited(long code)
{
	if (WIFSIGNALED(code)) {
		pr_notice("init killed by signal %ld\n", code & 0x7f);
		machine_exit(EXIT_INIT_SIGNAL, code & 0x7f);
	}
	pr_notice("init exited with status %ld\n", (code >> 8) & 0xff);
	machine_exit(EXIT_INIT, (code >> 8) & 0xff);
}

/**
 * do_exit - end the current task with wait status @code
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	BUG_ON(tsk == &init_task);
	if (tsk->pid == 1)
		init_exited(code);
	local_irq_enable();
	tsk->flags |= PF_EXITING;
	exit_mm();
	exit_files(tsk);
	exit_fs(tsk);
	local_irq_disable();
	tsk->exit_code = code;
	exit_notify(tsk);
	schedule();
	panic("do_exit: dead task %d ran again", tsk->pid);
}

/*
 * release_task - free what is left of a dead task (not the running one):
 * unlink it, and free its pid, stack and task_struct -- and the
 * signal_struct if it was the group's last thread.  If it was the last
 * thread besides a zombie leader, the leader's parent may reap that now.
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader;
	unsigned long flags;
	bool last;

	BUG_ON(p == current);
	local_irq_save(flags);
	list_del(&p->tasks);
	if (thread_group_leader(p))
		list_del(&p->sibling);
	list_del(&p->thread_node);
	last = list_empty(&p->signal->thread_head);
	if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
		if (p->signal->flags & SIGNAL_GROUP_EXECED)
			leader->exit_code = p->exit_code;	/* it ran the new program */
		do_notify_parent(leader, leader->exit_signal);
	}
	local_irq_restore(flags);
	if (last)
		free_signal_struct(p->signal);
	free_pid(p->pid);
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kmem_cache_free(task_struct_cachep, p);
}

/*
 * eligible_child - may a wait for @pid (-1: any) with @options reap @p?
 * A "clone child" -- one whose exit signal is not SIGCHLD -- is waited
 * for only with __WCLONE, any other child only without it; __WALL waits
 * for both.
 */
static bool eligible_child(struct task_struct *p, pid_t pid, int options)
{
	if (pid > 0 && p->pid != pid)
		return false;
	if (options & __WALL)
		return true;
	return (p->exit_signal != SIGCHLD) == !!(options & __WCLONE);
}

/*
 * A zombie child of current that a wait for @pid with @options may reap;
 * *any_child says if an eligible one exists.  Interrupts are off for the
 * walk: a child that reaps itself (a kthread) leaves the list at any
 * switch.  A zombie stays until we reap it.  A leader whose threads live
 * on is not ready yet, but it is a child to wait for.
 */
static struct task_struct *find_zombie_child(pid_t pid, int options, bool *any_child)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	*any_child = false;
	local_irq_save(flags);
	list_for_each_entry(p, &current->children, sibling) {
		if (!eligible_child(p, pid, options))
			continue;
		*any_child = true;
		if (p->exit_state == EXIT_ZOMBIE && !delay_group_leader(p)) {
			found = p;
			break;
		}
	}
	local_irq_restore(flags);
	return found;
}

#define RUSAGE_SIZE	144	/* sizeof(struct rusage) on x86-64 */

/**
 * do_wait - wait for a child to exit and reap it
 * @pid: the child, or -1 for any
 * @status: set to its wait status
 * @options: WNOHANG: do not sleep; __WCLONE, __WALL: which children
 *	(eligible_child())
 *
 * Return: the child's pid; 0 with WNOHANG if none has exited yet;
 * -ECHILD if there is no such child; -EINTR if a signal came first.
 */
long do_wait(pid_t pid, int *status, int options, int *unused)
{
	struct task_struct *p;
	bool any_child;
	long ret;

	for (;;) {
		p = find_zombie_child(pid, options, &any_child);
		if (p)
			break;
		if (!any_child)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		ret = wait_event_interruptible(current->wait_chldexit,
					       find_zombie_child(pid, options, &any_child) ||
					       !any_child);
		if (ret)
			return ret;
	}
	*status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code :
							   p->exit_code;
	ret = p->pid;
	release_task(p);
	return ret;
}

/*
 * wait4 - wait for a child: @upid > 0 that child, -1 (or, with no process
 * groups in dissect, 0 or < -1) any; @options WNOHANG, __WCLONE, __WALL
 * (WUNTRACED, WCONTINUED and __WNOTHREAD are accepted and change
 * nothing).  The status is Linux's encoding; the resource usage, if
 * asked for, is all zeroes.
 */
SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options, void __user *, ru)
{
	int status;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	ret = do_wait(upid > 0 ? upid : -1, &status, options, NULL);
	if (ret <= 0)
		return ret;
	if (stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	if (ru && clear_user(ru, RUSAGE_SIZE))
		return -EFAULT;
	return ret;
}

/**
 * do_group_exit - end the whole thread group
 * @exit_code: its wait status, unless the group is exiting already
 *
 * The first thread here sets the group's exit code and kills the other
 * threads (zap_other_threads()); each of them, killed, comes here too
 * (do_signal()) and exits with that code, as this one does.
 */
void do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	local_irq_save(flags);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else {
		sig->group_exit_code = exit_code;
		sig->flags = SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	local_irq_restore(flags);
	do_exit(exit_code);
}

/* exit_group - the whole process exits with @error_code. */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* kernel_wait - wait for child @pid from kernel code; returns its pid. */
pid_t kernel_wait(pid_t pid, int *status)
{
	long ret;

	do {
		ret = do_wait(pid, status, 0, NULL);
	} while (ret == -EINTR);
	return ret;
}
