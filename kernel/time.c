// SPDX-License-Identifier: GPL-2.0
/* The periodic tick: what happens HZ times a second (Linux: kernel/time/). */
#include <jiffies.h>
#include <ktest.h>
#include <sched.h>
#include <errno.h>
#include <signal.h>
#include <syscalls.h>
#include <asm/uaccess.h>

volatile unsigned long jiffies;

void tick_periodic(void)
{
	jiffies++;
	ktest_watchdog_tick();
	scheduler_tick();
}

/* --- the time system calls (Linux: kernel/time/) ------------------------ */

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		0x01
#define NSEC_PER_SEC		1000000000ULL

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

u64 boot_time_ns;		/* wall-clock time at boot, from the RTC */

/* The clock's current value in ns, or -EINVAL for a clock dissect lacks. */
static long long clock_now_ns(int which)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return boot_time_ns + ktime_get_ns();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:	/* one CPU, no accounting: close enough */
	case CLOCK_THREAD_CPUTIME_ID:
		return ktime_get_ns();
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(clock_gettime, int, which, struct __kernel_timespec __user *, tp)
{
	long long now = clock_now_ns(which);
	struct __kernel_timespec ts;

	if (now < 0)
		return now;
	ts.tv_sec = now / NSEC_PER_SEC;
	ts.tv_nsec = now % NSEC_PER_SEC;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * sleep_until_ns - sleep until clock @which reaches @deadline; a signal
 * ends it early with -EINTR, the time left in *@left.
 */
static long sleep_until_ns(int which, long long deadline, long long *left)
{
	long long now;

	while ((now = clock_now_ns(which)) < deadline) {
		u64 wait = deadline - now;
		long ticks = (wait * HZ + NSEC_PER_SEC - 1) / NSEC_PER_SEC;

		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(ticks ? ticks : 1);
		if (signal_pending(current)) {
			*left = deadline - clock_now_ns(which);
			return -EINTR;
		}
	}
	return 0;
}

static long do_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp)
{
	struct __kernel_timespec ts;
	long long deadline, left = 0, now = clock_now_ns(which);
	long ret;

	if (now < 0)
		return now;
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	deadline = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (!(flags & TIMER_ABSTIME))
		deadline += now;
	ret = sleep_until_ns(which, deadline, &left);
	if (ret == -EINTR && rmtp && !(flags & TIMER_ABSTIME)) {
		ts.tv_sec = left / NSEC_PER_SEC;
		ts.tv_nsec = left % NSEC_PER_SEC;
		if (copy_to_user(rmtp, &ts, sizeof(ts)))
			return -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_nanosleep(which, flags, rqtp, rmtp);
}
