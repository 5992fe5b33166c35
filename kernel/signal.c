// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, default actions only (Linux: kernel/signal.c).  A signal is a
 * bit in the target's pending set; on its way back to user mode a task
 * acts on its pending signals (do_signal): ignored ones are dropped,
 * every other one ends the whole process, "killed by signal" -- or, when
 * the process is already exiting (the SIGKILL of exit_group), with the
 * group's exit code.  Handlers installed
 * with rt_sigaction() are recorded but not called (SIG_IGN is honoured).
 */
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <errno.h>
#include <syscalls.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
	[SIGSYS] = "SIGSYS",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig < (int)ARRAY_SIZE(signal_names) && signal_names[sig])
		return signal_names[sig];
	return "signal";
}

/* Signals whose default action is to do nothing. */
static bool sig_default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & (~p->blocked | sigmask(SIGKILL) | sigmask(SIGSTOP));
}

/* fatal_signal_pending - is @p being killed (SIGKILL pending)? */
bool fatal_signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->pending) & sigmask(SIGKILL);
}

bool signal_pending_current(void)
{
	return signal_pending(current);
}

/*
 * sig_ignored - would @p do nothing with @sig?  Such a signal is dropped
 * when sent (Linux: the same name), so a SIGCHLD nobody handles does not
 * interrupt a sleep.  A blocked signal is kept: it may be unblocked with
 * a handler installed.
 */
static bool sig_ignored(struct task_struct *p, int sig)
{
	unsigned long handler = p->sighand[sig - 1].handler;

	if (sig == SIGKILL || sig == SIGSTOP || (p->blocked & sigmask(sig)))
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && sig_default_ignored(sig));
}

/* send_sig - make @sig pending for @p and wake it if it sleeps interruptibly. */
void send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig <= 0 || sig >= _NSIG || sig_ignored(p, sig))
		return;
	local_irq_save(flags);
	p->pending |= sigmask(sig);
	if (p->state == TASK_INTERRUPTIBLE)
		wake_up_process(p);
	local_irq_restore(flags);
}

/*
 * do_notify_parent - @tsk is a zombie its parent may reap now: send the
 * parent @sig (none if 0) and wake its wait() (Linux: the same name).
 */
void do_notify_parent(struct task_struct *tsk, int sig)
{
	send_sig(sig, tsk->real_parent);
	wake_up(&tsk->real_parent->wait_chldexit);
}

/*
 * zap_other_threads - send SIGKILL to every other live thread of @p's
 * group (Linux: the same name).  Interrupts are off: a dead thread is
 * freed at any switch.
 */
void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	for_each_thread(p, t)
		if (t != p && !t->exit_state)
			send_sig(SIGKILL, t);
}

/* force_sig - a fault's signal for the current task: it cannot be ignored. */
void force_sig(int sig)
{
	current->sighand[sig - 1].handler = SIG_DFL;
	current->blocked &= ~sigmask(sig);
	send_sig(sig, current);
}

/* do_signal - on the way to user mode: act on the pending signals. */
void do_signal(void)
{
	struct task_struct *p = current;

	for (int sig = 1; sig < _NSIG; sig++) {
		unsigned long handler;

		if (!(p->pending & sigmask(sig)) ||
		    ((p->blocked & sigmask(sig)) && sig != SIGKILL && sig != SIGSTOP))
			continue;
		p->pending &= ~sigmask(sig);
		handler = p->sighand[sig - 1].handler;
		if (handler == SIG_IGN && sig != SIGKILL && sig != SIGSTOP)
			continue;
		if (handler == SIG_DFL && sig_default_ignored(sig))
			continue;
		do_group_exit(sig);		/* the process is killed by it */
	}
}

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* The sigaction layout of the x86-64 rt_sigaction() call. */
struct sigaction_abi {
	unsigned long sa_handler;
	unsigned long sa_flags;
	unsigned long sa_restorer;
	unsigned long sa_mask;
};

/* rt_sigaction - record a signal's action; SIG_IGN is honoured, handlers are not called. */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction_abi __user *, act,
		struct sigaction_abi __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction *k;
	struct sigaction_abi new;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (sig < 1 || sig >= _NSIG || (act && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	k = &current->sighand[sig - 1];
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (oact && copy_to_user(oact, k, sizeof(*oact)))
		return -EFAULT;
	if (act) {
		k->handler = new.sa_handler;
		k->flags = new.sa_flags;
		k->restorer = new.sa_restorer;
		k->mask = new.sa_mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const unsigned long __user *, nset,
		unsigned long __user *, oset, size_t, sigsetsize)
{
	unsigned long old = current->blocked, new;

	if (sigsetsize != sizeof(unsigned long))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		new &= ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
		switch (how) {
		case SIG_BLOCK:
			current->blocked |= new;
			break;
		case SIG_UNBLOCK:
			current->blocked &= ~new;
			break;
		case SIG_SETMASK:
			current->blocked = new;
			break;
		default:
			return -EINVAL;
		}
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* --- sending signals: kill, tkill, tgkill ----------------------------------------- */

/*
 * kill_pgrp - @sig to every process of group @pgrp (the terminal's ^C)
 * Return: 0, or -ESRCH if the group is empty.  Interrupt-safe.
 */
int kill_pgrp(pid_t pgrp, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int found = 0;

	if (pgrp <= 0)
		return -ESRCH;
	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pgrp == pgrp && p->pid == p->tgid && !p->exit_state &&
		    !(p->flags & PF_KTHREAD)) {
			send_sig(sig, p);
			found = 1;
		}
	local_irq_restore(flags);
	return found ? 0 : -ESRCH;
}

/* kill_all - kill(-1, sig): every process but init and the caller. */
static int kill_all(int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int found = 0;

	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == p->tgid && p->pid > 1 && p->tgid != current->tgid &&
		    !p->exit_state && !(p->flags & PF_KTHREAD)) {
			send_sig(sig, p);
			found = 1;
		}
	local_irq_restore(flags);
	return found ? 0 : -ESRCH;
}

/* kill_thread - @sig to the thread @tid (of process @tgid, if > 0). */
static int kill_thread(pid_t tgid, pid_t tid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int err = -ESRCH;

	local_irq_save(flags);
	p = find_task_by_pid(tid);
	if (p && (tgid <= 0 || p->tgid == tgid) && !p->exit_state) {
		send_sig(sig, p);		/* sig 0: only the check */
		err = 0;
	}
	local_irq_restore(flags);
	return err;
}

/*
 * kill - @pid > 0: that process; 0: the caller's group; -1: everyone it
 * may signal; < -1: group -@pid.  @sig 0 only checks that they exist.
 */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_thread(pid, pid, sig);
	if (pid == 0)
		return kill_pgrp(current->pgrp, sig);
	if (pid == -1)
		return kill_all(sig);
	return kill_pgrp(-pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0 || sig < 0 || sig >= _NSIG)
		return -EINVAL;
	return kill_thread(0, pid, sig);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0 || sig < 0 || sig >= _NSIG)
		return -EINVAL;
	return kill_thread(tgid, pid, sig);
}
