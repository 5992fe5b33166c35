// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, default actions only (Linux: kernel/signal.c).  A signal is a
 * bit in the target's pending set; on its way back to user mode a task
 * acts on its pending signals (do_signal): ignored ones are dropped,
 * every other one ends the task, "killed by signal".  Handlers installed
 * with rt_sigaction() are recorded but not called (SIG_IGN is honoured).
 */
#include <kernel.h>
#include <sched.h>
#include <signal.h>
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

bool signal_pending_current(void)
{
	return signal_pending(current);
}

/* send_sig - make @sig pending for @p and wake it if it sleeps interruptibly. */
void send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig <= 0 || sig >= _NSIG)
		return;
	local_irq_save(flags);
	p->pending |= sigmask(sig);
	if (p->state == TASK_INTERRUPTIBLE)
		wake_up_process(p);
	local_irq_restore(flags);
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
		do_exit(sig);			/* killed by the signal */
	}
}
