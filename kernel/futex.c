// SPDX-License-Identifier: GPL-2.0
/*
 * Fast user-space mutexes, the two operations thread libraries need
 * (Linux: kernel/futex/): FUTEX_WAIT sleeps while a 32-bit word still
 * holds the value the caller saw; FUTEX_WAKE wakes sleepers on a word.
 * A waiter is identified by its address space and the word's address.
 * Exiting threads with CLONE_CHILD_CLEARTID clear their tid word and wake
 * it: pthread_join() waits that way.
 */
#include <kernel.h>
#include <errno.h>
#include <jiffies.h>
#include <list.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long uaddr;
	bool woken;
};

static LIST_HEAD(futex_waiters);

struct timespec64_abi {
	long long tv_sec, tv_nsec;
};

/* futex_wake - wake up to @nr waiters on @uaddr of current's mm; returns how many. */
long futex_wake(u32 __user *uaddr, int nr)
{
	struct futex_q *q, *n;
	unsigned long flags;
	long woken = 0;

	local_irq_save(flags);
	list_for_each_entry_safe(q, n, &futex_waiters, list) {
		if (woken >= nr)
			break;
		if (q->mm != current->mm || q->uaddr != (unsigned long)uaddr)
			continue;
		list_del_init(&q->list);
		q->woken = true;
		wake_up_process(q->task);
		woken++;
	}
	local_irq_restore(flags);
	return woken;
}

/* Relative timeout in jiffies (at least one), or MAX for none; -EINVAL if bad. */
static long futex_timeout(const struct timespec64_abi __user *utime)
{
	struct timespec64_abi ts;

	if (!utime)
		return 0x7fffffffffffffffL;
	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	return ts.tv_sec * HZ + (ts.tv_nsec * HZ + 999999999) / 1000000000 + 1;
}

/*
 * futex_wait - sleep while *@uaddr == @val: -EAGAIN if it is not any
 * more, 0 when woken, -ETIMEDOUT, or -EINTR for a signal.  The word is
 * read again after queueing, so a wake-up in between is not lost.
 */
static long futex_wait(u32 __user *uaddr, u32 val, const struct timespec64_abi __user *utime)
{
	struct futex_q q = { .task = current, .mm = current->mm, .uaddr = (unsigned long)uaddr };
	long timeout = futex_timeout(utime);
	unsigned long flags;
	u32 cur;

	if (timeout < 0)
		return timeout;
	if (get_user(cur, uaddr))		/* fault the page in before queueing */
		return -EFAULT;
	local_irq_save(flags);
	list_add_tail(&q.list, &futex_waiters);
	if (get_user(cur, uaddr) || cur != val) {
		list_del(&q.list);
		local_irq_restore(flags);
		return cur != val ? -EAGAIN : -EFAULT;
	}
	set_current_state(TASK_INTERRUPTIBLE);
	local_irq_restore(flags);
	timeout = schedule_timeout(timeout);
	local_irq_save(flags);
	if (!q.woken)
		list_del(&q.list);
	local_irq_restore(flags);
	if (q.woken)
		return 0;
	return signal_pending(current) ? -EINTR : -ETIMEDOUT;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct timespec64_abi __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, utime);
	case FUTEX_WAKE:
		return futex_wake(uaddr, val);
	default:
		return -ENOSYS;
	}
}

/*
 * set_robust_list - where the thread keeps its list of held robust
 * mutexes.  Recorded only: dissect does not release them for a thread
 * that dies holding one.
 */
struct robust_list_head {
	void *list, *futex_offset, *list_op_pending;
};

SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	return len == sizeof(struct robust_list_head) ? 0 : -EINVAL;
}
