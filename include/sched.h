/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler (Linux: include/linux/sched.h).
 *
 * Every thread of execution is a struct task_struct with its own kernel
 * stack.  A process's threads share one mm (CLONE_VM); a kernel thread
 * has mm == NULL and runs on whatever address space was loaded before it
 * (active_mm), which it pins with mmgrab() while it borrows it.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <types.h>
#include <compiler.h>
#include <list.h>
#include <wait.h>
#include <asm/current.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

struct mm_struct;
struct completion;
struct files_struct;
struct fs_struct;

#define THREAD_SIZE		16384	/* kernel stack, as x86-64 Linux */
#define THREAD_SIZE_ORDER	2
#define TASK_COMM_LEN		16
#define PID_MAX			32768

/* ->state */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001	/* asleep; a signal wakes it too */
#define TASK_UNINTERRUPTIBLE	0x0002	/* asleep; only its event wakes it */
#define TASK_DEAD		0x0080	/* gone; its memory is freed next switch */
#define TASK_NEW		0x0800	/* created, not yet woken */

/* ->exit_state */
#define EXIT_ZOMBIE		0x0010	/* exited; waiting for its parent's wait() */
#define EXIT_DEAD		0x0020	/* reaped */

/* ->flags */
#define PF_EXITING		0x00000004
#define PF_KTHREAD		0x00200000

#define SCHED_TIMESLICE		5	/* ticks before round-robin moves on */

/* The registers switch_to() keeps on the stack of a task not running. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

/**
 * struct thread_struct - the CPU state of a task while it is switched out
 * @sp: its kernel stack pointer (must stay first: switch_to uses offset 0)
 * @fsbase: the user's FS base (thread pointer; arch_prctl(ARCH_SET_FS))
 * @fpu: the user's x87/SSE registers while the task is switched out
 */
struct thread_struct {
	unsigned long sp;
	unsigned long fsbase;
	struct fxregs_state fpu;	/* user FPU/SSE registers while switched out */
};

struct k_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

#define _NSIG	64

/* Resource limits (Linux: include/uapi/asm-generic/resource.h). */
#define RLIMIT_CPU	0
#define RLIMIT_FSIZE	1
#define RLIMIT_DATA	2
#define RLIMIT_STACK	3
#define RLIMIT_CORE	4
#define RLIMIT_RSS	5
#define RLIMIT_NPROC	6
#define RLIMIT_NOFILE	7
#define RLIMIT_MEMLOCK	8
#define RLIMIT_AS	9
#define RLIM_NLIMITS	16
#define RLIM_INFINITY	(~0UL)

struct rlimit {
	unsigned long rlim_cur, rlim_max;
};

/**
 * struct signal_struct - what the threads of a process share (Linux: the
 * same name, in include/linux/sched/signal.h, with much more in it)
 * @thread_head: every thread of the group on its ->thread_node, the
 *	leader first; the last thread to be released frees the struct
 * @group_exit_code: with SIGNAL_GROUP_EXIT in @flags, the wait status of
 *	the whole group: every thread exits with it, the parent sees it
 */
struct signal_struct {
	struct list_head thread_head;
	int group_exit_code;
	unsigned int flags;
};

#define SIGNAL_GROUP_EXIT	0x00000004	/* the group is exiting (exit_group) */
#define SIGNAL_GROUP_EXECED	0x00000008	/* a thread not the leader exec'd: its exit is the group's */

/**
 * struct task_struct - one thread of execution
 * @thread: switched-out CPU state (first: the entry code relies on it)
 * @state: TASK_RUNNING, TASK_INTERRUPTIBLE, ...
 * @exit_state: EXIT_ZOMBIE once it has exited, until reaped
 * @stack: the base of its THREAD_SIZE kernel stack
 * @pid: its thread id; @tgid: its process id (the first thread's pid)
 * @comm: its name (the program's basename, or a kernel thread's name)
 * @mm: its address space; NULL for kernel threads
 * @active_mm: the address space loaded while it runs (== mm, or borrowed)
 * @real_parent: who created it (and waits for it); a thread: the parent
 *	of its group leader
 * @children, @sibling: its children, and its place in its parent's list
 *	(group leaders only: threads are on no children list)
 * @group_leader: the first thread of its process (itself, if it is it)
 * @signal: what its process's threads share; @thread_node: its place in
 *	signal->thread_head
 * @tasks: its place in the list of all tasks
 * @run_list: its place on the run queue while runnable
 * @exit_code: the status its parent's wait() reports (Linux's encoding)
 * @exit_signal: sent to the parent at exit (SIGCHLD; 0: none, a "clone
 *	child"), or -1: reap itself (a thread)
 * @pending: signals sent and not yet handled; @blocked: masked ones
 * @sighand: the recorded sigactions (dissect takes only default actions)
 * @wait_chldexit: where its wait() sleeps for a child to exit
 * @set_child_tid, @clear_child_tid: as set_tid_address()/clone() ask
 * @files: its open files (CLONE_FILES shares the table)
 * @fs: its root, working directory and umask (CLONE_FS shares them)
 * @pgrp, @session: its process group and session (setpgid, setsid)
 * @rlim: its resource limits (prlimit64), soft and hard
 */
struct task_struct {
	struct thread_struct thread;
	volatile long state;
	int exit_state;
	void *stack;
	unsigned int flags;
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];

	struct mm_struct *mm;
	struct mm_struct *active_mm;

	struct task_struct *real_parent;
	struct list_head children;
	struct list_head sibling;
	struct task_struct *group_leader;
	struct signal_struct *signal;
	struct list_head thread_node;
	struct list_head tasks;
	struct list_head run_list;
	int time_slice;

	int exit_code;
	int exit_signal;
	unsigned long pending;
	unsigned long blocked;
	struct k_sigaction sighand[_NSIG];
	struct wait_queue_head wait_chldexit;
	unsigned long sleep_until;		/* jiffies, for schedule_timeout */
	struct list_head timer_list;

	int *set_child_tid;
	int *clear_child_tid;
	unsigned long nr_switches;		/* times it was switched in */
	bool mmtrace;				/* tell the mm story (prctl) */
	struct completion *vfork_done;		/* the vfork parent waits on it */
	struct files_struct *files;
	struct fs_struct *fs;
	pid_t pgrp, session;
	struct rlimit rlim[RLIM_NLIMITS];
};

extern struct task_struct init_task;
extern struct signal_struct init_signals;
extern struct list_head task_list;		/* every task, init_task first */

static inline bool thread_group_leader(struct task_struct *p)
{
	return p->group_leader == p;
}

/* thread_group_empty - @p leads a group with no other thread left. */
static inline bool thread_group_empty(struct task_struct *p)
{
	return thread_group_leader(p) && list_is_singular(&p->signal->thread_head);
}

/*
 * delay_group_leader - @p is a leader with threads still there: its
 * parent may not reap it yet (its tgid must stay in use); the last
 * thread's release_task() tells the parent.
 */
static inline bool delay_group_leader(struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

#define for_each_thread(p, t) \
	list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static inline struct pt_regs *task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)((char *)task->stack + THREAD_SIZE) - 1;
}

/* is_global_init - is @tsk (a thread of) init, pid 1? */
static inline bool is_global_init(struct task_struct *tsk)
{
	return tsk->tgid == 1;
}

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void scheduler_tick(void);
int wake_up_process(struct task_struct *p);
void wake_up_new_task(struct task_struct *p);
void sched_fork(struct task_struct *p);
void set_current_state(long state);
long schedule_timeout(long timeout);
void msleep(unsigned int msecs);
void yield(void);
void cpu_idle(void) __noreturn;
void percpu_init(void);
void drop_lazy_mm(void);
void schedule_tail(struct task_struct *prev);
void preempt_schedule_irq(void);
extern unsigned long nr_context_switches;

/* kernel/pid.c */
pid_t alloc_pid(void);
void free_pid(pid_t pid);
struct task_struct *find_task_by_pid(pid_t pid);

/* clone() flags, Linux's values (the low byte is the exit signal). */
#define CLONE_VM		0x00000100	/* share the address space */
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000	/* the parent waits for exec or exit */
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000	/* same thread group (process) */
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000	/* the child's FS base is tls */
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000UL

/* What kernel_clone() is asked to make (Linux: the same name). */
struct kernel_clone_args {
	unsigned long flags;		/* CLONE_* | exit signal */
	int __user *parent_tid;
	int __user *child_tid;
	unsigned long stack;		/* the child's user stack, 0: the parent's */
	unsigned long tls;		/* CLONE_SETTLS: the child's FS base */
	int (*fn)(void *);		/* a kernel thread's function ... */
	void *fn_arg;			/* ... and its argument */
	const char *name;		/* a kernel thread's comm */
};

/* kernel/fork.c */
struct task_struct *copy_process(const struct kernel_clone_args *args);
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);
void free_signal_struct(struct signal_struct *sig);

/* kernel/kthread.c */
struct task_struct *kthread_create(int (*threadfn)(void *), void *data, const char *name);
struct task_struct *kthread_run(int (*threadfn)(void *), void *data, const char *name);
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* kernel/exit.c */
void do_exit(long code) __noreturn;
void do_group_exit(int exit_code) __noreturn;
void release_task(struct task_struct *p);
void mm_release(struct task_struct *tsk, struct mm_struct *mm);

/* kernel/futex.c */
long futex_wake(u32 __user *uaddr, int nr);
pid_t kernel_wait(pid_t pid, int *status);
long do_wait(pid_t pid, int *status, int options, int *status_user);

/* Linux's wait status encoding. */
#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define WIFEXITED(s)		(((s) & 0x7f) == 0)
#define WEXITSTATUS(s)		(((s) & 0xff00) >> 8)
#define WIFSIGNALED(s)		(((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WTERMSIG(s)		((s) & 0x7f)

#endif /* _SCHED_H */
