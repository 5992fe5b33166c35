/* SPDX-License-Identifier: GPL-2.0 */
/* Signals, with Linux's x86-64 numbers.  dissect takes default actions only. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <types.h>

#define SIGHUP		 1
#define SIGINT		 2
#define SIGQUIT		 3
#define SIGILL		 4
#define SIGTRAP		 5
#define SIGABRT		 6
#define SIGBUS		 7
#define SIGFPE		 8
#define SIGKILL		 9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31

#define CSIGNAL		0x000000ff	/* clone(): the exit signal */
#define SIG_DFL		0UL
#define SIG_IGN		1UL

#define sigmask(sig)	(1UL << ((sig) - 1))

struct task_struct;

void send_sig(int sig, struct task_struct *p);
void force_sig(int sig);
void do_notify_parent(struct task_struct *tsk, int sig);
void zap_other_threads(struct task_struct *p);
bool signal_pending(struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
void do_signal(void);
const char *signal_name(int sig);

#endif /* _SIGNAL_H */
