// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/status, stat and statm (Linux: fs/proc/array.c), in Linux's
 * formats, with what dissect knows.  What it does not keep (CPU times,
 * page-fault counts, priorities) reads as 0; owners are root.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <jiffies.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <tty.h>
#include <asm/irqflags.h>
#include "internal.h"

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* The state letter and word ps and status show (Linux: task_state_array). */
static const char *task_state(const struct task_struct *p)
{
	if (p->exit_state & EXIT_DEAD)
		return "X (dead)";
	if (p->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (p->state == TASK_RUNNING)
		return "R (running)";
	if (p->state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	return "S (sleeping)";
}

static int nr_threads(const struct task_struct *leader)
{
	const struct task_struct *t;
	int n = 0;

	list_for_each_entry(t, &task_list, tasks)
		n += t->tgid == leader->tgid && !t->exit_state;
	return n ? n : 1;
}

/* The signals @p ignores and the ones it has handlers for. */
static void collect_sigign_sigcatch(const struct task_struct *p, unsigned long *ign,
				    unsigned long *catch)
{
	*ign = *catch = 0;
	for (int sig = 1; sig < _NSIG; sig++) {
		unsigned long handler = p->sighand[sig - 1].handler;

		if (handler == SIG_IGN)
			*ign |= sigmask(sig);
		else if (handler != SIG_DFL)
			*catch |= sigmask(sig);
	}
}

/* The mm lines of status: Vm* and Rss* in kB. */
static void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long rss = anon + file + shmem, text, lib;

	text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10;
	lib = K(mm->exec_vm) > text ? K(mm->exec_vm) - text : 0;
	seq_put_kb(m, "VmPeak:\t", K(max(mm->hiwater_vm, mm->total_vm)), 8);
	seq_put_kb(m, "VmSize:\t", K(mm->total_vm), 8);
	seq_put_kb(m, "VmLck:\t", K(mm->locked_vm), 8);
	seq_put_kb(m, "VmPin:\t", 0, 8);
	seq_put_kb(m, "VmHWM:\t", K(max(mm->hiwater_rss, rss)), 8);
	seq_put_kb(m, "VmRSS:\t", K(rss), 8);
	seq_put_kb(m, "RssAnon:\t", K(anon), 8);
	seq_put_kb(m, "RssFile:\t", K(file), 8);
	seq_put_kb(m, "RssShmem:\t", K(shmem), 8);
	seq_put_kb(m, "VmData:\t", K(mm->data_vm), 8);
	seq_put_kb(m, "VmStk:\t", K(mm->stack_vm), 8);
	seq_put_kb(m, "VmExe:\t", text, 8);
	seq_put_kb(m, "VmLib:\t", lib, 8);
	seq_put_kb(m, "VmPTE:\t", (mm_pgtables_bytes(mm) + PAGE_SIZE) >> 10, 8);
	seq_put_kb(m, "VmSwap:\t", 0, 8);
}

/* proc_pid_status - /proc/PID/status. */
int proc_pid_status(struct seq_file *m, pid_t pid)
{
	unsigned long flags, ign, catch;
	struct task_struct *p;
	int err = -ESRCH;

	local_irq_save(flags);
	p = find_task_by_pid(pid);
	if (!p)
		goto out;
	collect_sigign_sigcatch(p, &ign, &catch);
	seq_printf(m, "Name:\t%s\n", p->comm);
	seq_printf(m, "Umask:\t%04o\n", p->fs ? p->fs->umask : 0);
	seq_printf(m, "State:\t%s\n", task_state(p));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", p->tgid,
		   p->pid, p->pid > 1 ? p->real_parent->tgid : 0);
	seq_puts(m, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
	seq_printf(m, "FDSize:\t%u\nGroups:\t\n", p->files ? p->files->max_fds : 0);
	if (p->mm)
		task_mem(m, p->mm);
	seq_printf(m, "Threads:\t%d\n", nr_threads(p));
	seq_printf(m, "SigPnd:\t%016lx\nShdPnd:\t%016lx\n", p->pending, 0UL);
	seq_printf(m, "SigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n", p->blocked,
		   ign, catch);
	err = 0;
out:
	local_irq_restore(flags);
	return err;
}

/*
 * proc_pid_stat - /proc/PID/stat: one line of 52 fields, as ps reads it.
 * The comm is in parentheses (and may hold spaces and parentheses).
 */
int proc_pid_stat(struct seq_file *m, pid_t pid)
{
	struct task_struct *p;
	struct mm_struct *mm;
	unsigned long flags;
	int err = -ESRCH;

	local_irq_save(flags);
	p = find_task_by_pid(pid);
	if (!p)
		goto out;
	mm = p->mm;
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u ", p->pid, p->comm, task_state(p)[0],
		   p->pid > 1 ? p->real_parent->tgid : 0, p->pgrp, p->session,
		   (4 << 8) | 64, console_tty.pgrp, p->flags);
	seq_puts(m, "0 0 0 0 0 0 0 0 20 0 ");		/* faults, times, priority, nice */
	seq_printf(m, "%d 0 0 %lu %lu %lu ", nr_threads(p),
		   mm ? mm->total_vm << PAGE_SHIFT : 0, mm ? get_mm_rss(mm) : 0, RLIM_INFINITY);
	seq_printf(m, "%lu %lu %lu 0 0 %lu %lu 0 0 0 0 0 %d 0 0 0 0 0 0 ",
		   mm ? mm->start_code : 0, mm ? mm->end_code : 0, mm ? mm->start_stack : 0,
		   p->pending, p->blocked, p->exit_signal);
	if (mm)
		seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu %d\n", mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start,
			   mm->env_end, p->exit_code);
	else
		seq_printf(m, "0 0 0 0 0 0 0 %d\n", p->exit_code);
	err = 0;
out:
	local_irq_restore(flags);
	return err;
}

/* proc_pid_statm - size resident shared text lib data dt, in pages. */
int proc_pid_statm(struct seq_file *m, pid_t pid)
{
	struct mm_struct *mm = get_pid_task_mm(pid);
	unsigned long shared, text;

	if (!mm) {
		seq_puts(m, "0 0 0 0 0 0 0\n");
		return 0;
	}
	shared = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES);
	text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, get_mm_rss(mm), shared, text,
		   mm->data_vm + mm->stack_vm);
	mmput(mm);
	return 0;
}
