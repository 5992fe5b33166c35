// SPDX-License-Identifier: GPL-2.0
/*
 * init_task: pid 0, the task that boots the kernel on init_stack and then
 * becomes the idle task (Linux: init/init_task.c).  Like every kernel
 * thread it has no mm; it runs on init_mm.
 */
#include <fdtable.h>
#include <mm_types.h>
#include <sched.h>

extern char init_stack[];

LIST_HEAD(task_list);

/* Linux's defaults: 8 MiB of stack, no core files, 1024 open files, 8 MiB locked. */
#define INF	{ RLIM_INFINITY, RLIM_INFINITY }
#define INIT_RLIMITS {							\
	[RLIMIT_CPU] = INF, [RLIMIT_FSIZE] = INF, [RLIMIT_DATA] = INF,	\
	[RLIMIT_STACK] = { 8UL << 20, RLIM_INFINITY },			\
	[RLIMIT_CORE] = { 0, RLIM_INFINITY }, [RLIMIT_RSS] = INF,	\
	[RLIMIT_NPROC] = INF, [RLIMIT_NOFILE] = { NR_OPEN, NR_OPEN },	\
	[RLIMIT_MEMLOCK] = { 8UL << 20, 8UL << 20 }, [RLIMIT_AS] = INF,	\
	[10] = INF, [11] = INF, [12] = INF, [13] = INF, [14] = INF, [15] = INF, \
}
struct signal_struct init_signals = {
	.thread_head	= LIST_HEAD_INIT(init_task.thread_node),
};

struct task_struct init_task = {
	.state		= TASK_RUNNING,
	.stack		= init_stack,
	.flags		= PF_KTHREAD,
	.pid		= 0,
	.tgid		= 0,
	.comm		= "swapper",
	.mm		= NULL,
	.active_mm	= &init_mm,
	.real_parent	= &init_task,
	.children	= LIST_HEAD_INIT(init_task.children),
	.sibling	= LIST_HEAD_INIT(init_task.sibling),
	.group_leader	= &init_task,
	.signal		= &init_signals,
	.thread_node	= LIST_HEAD_INIT(init_signals.thread_head),
	.tasks		= LIST_HEAD_INIT(init_task.tasks),
	.run_list	= LIST_HEAD_INIT(init_task.run_list),
	.timer_list	= LIST_HEAD_INIT(init_task.timer_list),
	.wait_chldexit	= __WAIT_QUEUE_HEAD_INITIALIZER(init_task.wait_chldexit),
	.exit_signal	= -1,
	.time_slice	= SCHED_TIMESLICE,
	.files		= &init_files,
	.fs		= &init_fs,
	.rlim		= INIT_RLIMITS,
};
