// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: preemption between busy kernel threads, sleeping and
 * waking, exit and wait, and kernel threads borrowing an mm (active_mm).
 */
#include <ktest.h>
#include <atomic.h>
#include <jiffies.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <errno.h>
#include <signal.h>
#include <asm/special_insns.h>

static DECLARE_WAIT_QUEUE_HEAD(done_wq);
static atomic_t done;

/* --- preemption ---------------------------------------------------------- */

#define SPINNERS	3
static volatile int last_runner;
static int turns[SPINNERS];

/* Spin for ~200 ms without yielding; count the times another spinner ran in between. */
static int spinner(void *arg)
{
	int me = (long)arg;
	unsigned long end = jiffies + msecs_to_jiffies(200);

	while (time_before(jiffies, end)) {
		if (last_runner != me) {
			turns[me]++;
			last_runner = me;
		}
	}
	atomic_inc(&done);
	wake_up(&done_wq);
	return 0;
}

static void sched_preempts_busy_kthreads(struct ktest *test)
{
	atomic_set(&done, 0);
	last_runner = -1;
	for (long i = 0; i < SPINNERS; i++) {
		turns[i] = 0;
		KTEST_ASSERT_NOT_NULL(test, kthread_run(spinner, (void *)i, "spinner"));
	}
	wait_event(done_wq, atomic_read(&done) == SPINNERS);
	/* without preemption each would run once, to the end: one turn each */
	for (int i = 0; i < SPINNERS; i++)
		KTEST_EXPECT_GE(test, turns[i], 3);
	msleep(10);				/* let them finish dying */
}

/* --- sleeping and waking ----------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(event_wq);
static volatile bool event;
static unsigned long woke_at, switches_while_asleep;

static int sleeper(void *arg)
{
	wait_event(event_wq, event);
	woke_at = jiffies;
	switches_while_asleep = current->nr_switches;
	atomic_inc(&done);
	wake_up(&done_wq);
	return 0;
}

static void sched_sleeper_wakes_on_event(struct ktest *test)
{
	unsigned long set_at;

	atomic_set(&done, 0);
	event = false;
	KTEST_ASSERT_NOT_NULL(test, kthread_run(sleeper, NULL, "sleeper"));
	msleep(40);				/* it runs, finds no event, sleeps */
	KTEST_EXPECT_EQ(test, atomic_read(&done), 0);
	set_at = jiffies;
	event = true;
	wake_up(&event_wq);
	wait_event(done_wq, atomic_read(&done) == 1);
	KTEST_EXPECT_GE(test, woke_at, set_at);
	/* it ran once to go to sleep and once when woken: not while asleep */
	KTEST_EXPECT_LE(test, switches_while_asleep, 3);
	msleep(10);
}

static void sched_msleep_sleeps_long_enough(struct ktest *test)
{
	unsigned long j0 = jiffies;

	msleep(50);
	KTEST_EXPECT_GE(test, jiffies - j0, msecs_to_jiffies(50));
	KTEST_EXPECT_LT(test, jiffies - j0, msecs_to_jiffies(50) + HZ);
}

/* --- exit and wait ------------------------------------------------------ */

static int exit_with(void *arg)
{
	do_exit((long)arg << 8);
}

static int orphan_maker(void *arg)
{
	kernel_thread(exit_with, (void *)7L, "grandchild", SIGCHLD);
	do_exit(0);
}

static void sched_wait_reports_exit_status(struct ktest *test)
{
	int status = -1;
	pid_t pid = kernel_thread(exit_with, (void *)42L, "child", SIGCHLD);

	KTEST_ASSERT_GT(test, pid, 1);
	KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KTEST_EXPECT_TRUE(test, WIFEXITED(status));
	KTEST_EXPECT_EQ(test, WEXITSTATUS(status), 42);
	KTEST_EXPECT_NULL(test, find_task_by_pid(pid));		/* reaped */
	KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), -ECHILD);
}

/* A child's child whose parent died is adopted by init: pid 1, which runs the tests. */
static void sched_orphans_go_to_init(struct ktest *test)
{
	int status = -1;
	pid_t pid = kernel_thread(orphan_maker, NULL, "parent", SIGCHLD);

	KTEST_ASSERT_EQ(test, current->pid, 1);
	KTEST_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KTEST_EXPECT_EQ(test, WEXITSTATUS(status), 0);
	pid = kernel_wait(-1, &status);			/* the grandchild */
	KTEST_EXPECT_GT(test, pid, 1);
	KTEST_EXPECT_EQ(test, WEXITSTATUS(status), 7);
	KTEST_EXPECT_EQ(test, kernel_wait(-1, &status), -ECHILD);
}

/* Exits 0 only if the sibling it made is not its own child. */
static int sibling_maker(void *arg)
{
	int status;

	if (kernel_thread(exit_with, (void *)5L, "sibling", CLONE_PARENT | SIGCHLD) <= 0)
		do_exit(100);
	do_exit(kernel_wait(-1, &status) == -ECHILD ? 0 : 1);
}

/*
 * CLONE_PARENT makes a sibling: the new task's parent is the caller's.
 * init may not (-EINVAL): a sibling of init would be a child of the idle
 * task, which never waits.
 */
static void sched_clone_parent_makes_a_sibling(struct ktest *test)
{
	struct kernel_clone_args args = {
		.flags = CLONE_PARENT | SIGCHLD, .fn = exit_with, .fn_arg = (void *)0L,
	};
	int status = -1, sum = 0;

	KTEST_ASSERT_EQ(test, current->pid, 1);
	KTEST_EXPECT_EQ(test, PTR_ERR(copy_process(&args)), -EINVAL);
	KTEST_ASSERT_GT(test, kernel_thread(sibling_maker, NULL, "maker", SIGCHLD), 1);
	for (int i = 0; i < 2; i++) {			/* both are our children */
		KTEST_EXPECT_GT(test, kernel_wait(-1, &status), 1);
		sum += WEXITSTATUS(status);
	}
	KTEST_EXPECT_EQ(test, sum, 5);
	KTEST_EXPECT_EQ(test, kernel_wait(-1, &status), -ECHILD);
}

static atomic_t churners;

static int nap_and_exit(void *arg)
{
	msleep((long)arg);
	atomic_dec(&churners);
	return 0;
}

/*
 * A task that reaps itself (a kthread) is freed at the switch after its
 * exit, so a walk of the task list or of a children list that is
 * preempted on it would go on through freed (poisoned) memory: such walks
 * run with interrupts off.  Here kthreads -- children of this task --
 * come and go for 300 ms while this task walks both lists.
 */
static void sched_task_walks_survive_self_reaping(struct ktest *test)
{
	unsigned long end = jiffies + msecs_to_jiffies(300);
	int status, made = 0;

	atomic_set(&churners, 0);
	while (time_before(jiffies, end)) {
		if (atomic_read(&churners) < 32) {
			atomic_inc(&churners);
			KTEST_ASSERT_NOT_NULL(test, kthread_run(nap_and_exit,
								(void *)(long)(made++ % 4), "churn"));
		}
		for (int i = 0; i < 20; i++) {
			KTEST_EXPECT_NULL(test, find_task_by_pid(PID_MAX));	/* never used */
			KTEST_EXPECT_LE(test, do_wait(PID_MAX, &status, WNOHANG, NULL), 0);
		}
	}
	while (atomic_read(&churners))
		msleep(5);
	msleep(5);				/* the last one's last switch */
	ktest_printk(test, "%d kthreads came and went", made);
}

/* Freed pids come round again, but only after the others: no quick reuse. */
static void sched_pids_are_recycled(struct ktest *test)
{
	pid_t first = alloc_pid(), pid = -1;
	int steps;

	KTEST_ASSERT_GT(test, first, 1);
	free_pid(first);
	for (steps = 1; steps <= PID_MAX; steps++) {
		pid = alloc_pid();
		free_pid(pid);
		if (pid == first)
			break;
		KTEST_ASSERT_NE(test, pid, 0);
	}
	KTEST_EXPECT_EQ(test, pid, first);
	KTEST_EXPECT_GT(test, steps, PID_MAX - 64);	/* went all the way round */
}

/* --- kernel threads borrow the previous address space ------------------- */

static struct mm_struct *borrowed_mm;
static struct {
	struct mm_struct *mm, *active_mm;
	int mm_count;
	unsigned long cr3;
} seen;

static int borrower(void *arg)
{
	seen.mm = current->mm;
	seen.active_mm = current->active_mm;
	seen.mm_count = atomic_read(&borrowed_mm->mm_count);
	seen.cr3 = __read_cr3() & PTE_PFN_MASK;
	atomic_inc(&done);
	wake_up(&done_wq);
	return 0;
}

static int mm_owner(void *arg)
{
	kthread_use_mm(borrowed_mm);
	kthread_run(borrower, NULL, "borrower");	/* runs next, on our mm */
	wait_event(done_wq, atomic_read(&done) == 1);
	kthread_unuse_mm(borrowed_mm);
	atomic_inc(&done);
	wake_up(&done_wq);
	return 0;
}

static void sched_kthread_borrows_active_mm(struct ktest *test)
{
	int before;

	borrowed_mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(test, borrowed_mm);
	before = atomic_read(&borrowed_mm->mm_count);
	atomic_set(&done, 0);
	KTEST_ASSERT_NOT_NULL(test, kthread_run(mm_owner, NULL, "mm_owner"));
	wait_event(done_wq, atomic_read(&done) == 2);
	msleep(10);					/* both gone, borrowed mms dropped */
	drop_lazy_mm();					/* ... and ours, if we borrowed it */
	KTEST_EXPECT_NULL(test, seen.mm);
	KTEST_EXPECT_PTR_EQ(test, seen.active_mm, borrowed_mm);
	/* the owner's mmgrab plus the borrower's */
	KTEST_EXPECT_EQ(test, seen.mm_count, before + 2);
	KTEST_EXPECT_UEQ(test, seen.cr3, __pa(borrowed_mm->pgd));
	KTEST_EXPECT_EQ(test, atomic_read(&borrowed_mm->mm_count), before);
	mmput(borrowed_mm);
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(sched_preempts_busy_kthreads),
	KTEST_CASE(sched_sleeper_wakes_on_event),
	KTEST_CASE(sched_msleep_sleeps_long_enough),
	KTEST_CASE(sched_wait_reports_exit_status),
	KTEST_CASE(sched_orphans_go_to_init),
	KTEST_CASE(sched_clone_parent_makes_a_sibling),
	KTEST_CASE(sched_task_walks_survive_self_reaping),
	KTEST_CASE(sched_pids_are_recycled),
	KTEST_CASE(sched_kthread_borrows_active_mm),
	{}
};

static struct ktest_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
ktest_suite(sched_suite);
