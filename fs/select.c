// SPDX-License-Identifier: GPL-2.0
/*
 * poll (Linux: fs/select.c).
 *
 *   do_poll: each pass asks every file's ->poll which events are ready;
 *   the first pass also queues the caller on the wait queues each file
 *   names (poll_wait).  Nothing ready: sleep until a wake_up on any of
 *   them, a signal, or the timeout, then ask again.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <jiffies.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <asm/uaccess.h>

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* poll_wait - the first pass: queue the caller on @wq, holding @filp meanwhile. */
void poll_wait(struct file *filp, struct wait_queue_head *wq, struct poll_table_struct *pt)
{
	struct poll_table_entry *e;

	if (!pt || !pt->registering || pt->nr == pt->max)
		return;
	e = &pt->entries[pt->nr++];
	e->filp = get_file(filp);
	e->wait_address = wq;
	e->wait = (struct wait_queue_entry){ .task = current };
	add_wait_queue(wq, &e->wait);
}

static void poll_freewait(struct poll_table_struct *pt)
{
	for (int i = 0; i < pt->nr; i++) {
		remove_wait_queue(pt->entries[i].wait_address, &pt->entries[i].wait);
		fput(pt->entries[i].filp);
	}
}

/* do_pollfd - one descriptor's ready events (POLLNVAL for a bad one). */
static short do_pollfd(struct pollfd *pfd, struct poll_table_struct *pt)
{
	__poll_t mask;
	struct file *f;

	if (pfd->fd < 0)
		return 0;
	f = fget(pfd->fd);
	if (!f)
		return POLLNVAL;
	mask = f->f_op && f->f_op->poll ? f->f_op->poll(f, pt) : DEFAULT_POLLMASK;
	fput(f);
	return mask & (pfd->events | POLLERR | POLLHUP);
}

/*
 * do_poll - poll @nfds descriptors for @timeout jiffies (< 0: forever)
 * Return: how many have events, 0 on timeout, -EINTR for a signal.
 */
static int do_poll(struct pollfd *fds, unsigned int nfds, long timeout,
		   struct poll_table_struct *pt)
{
	int count;

	for (;;) {
		count = 0;
		set_current_state(TASK_INTERRUPTIBLE);
		for (unsigned int i = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(&fds[i], pt);
			count += fds[i].revents != 0;
		}
		pt->registering = false;
		if (count || !timeout)
			break;
		if (signal_pending(current)) {
			count = -EINTR;
			break;
		}
		timeout = schedule_timeout(timeout < 0 ? 0x7fffffffffffffffL : timeout);
	}
	set_current_state(TASK_RUNNING);
	return count;
}

/*
 * poll_fds - the body of poll/ppoll/select: the @nfds pollfds at @fds
 * (kernel memory) for @timeout jiffies (< 0: forever).
 * Return: how many have events, 0 on timeout, or -errno.
 */
static int poll_fds(struct pollfd *fds, unsigned int nfds, long timeout)
{
	struct poll_table_struct pt = { .registering = true, .max = 2 * nfds };
	int ret;

	pt.entries = kmalloc_array(pt.max ? pt.max : 1, sizeof(*pt.entries), GFP_KERNEL);
	if (!pt.entries)
		return -ENOMEM;
	ret = do_poll(fds, nfds, timeout, &pt);
	poll_freewait(&pt);
	kfree(pt.entries);
	return ret;
}

/* ms_to_timeout - poll()'s milliseconds as jiffies: at least what was asked (+1 tick). */
static long ms_to_timeout(long ms)
{
	return ms < 0 ? -1 : ms ? (long)msecs_to_jiffies(ms) + 1 : 0;
}

struct __kernel_timespec {
	long long tv_sec, tv_nsec;
};

/* ts_to_timeout - a user timespec (NULL: forever) as jiffies; -EINVAL, -EFAULT. */
static long ts_to_timeout(const struct __kernel_timespec __user *uts, long *timeout)
{
	struct __kernel_timespec ts;

	if (!uts) {
		*timeout = -1;
		return 0;
	}
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	*timeout = ts.tv_sec > 1000000 ? -1 :
		   ms_to_timeout(ts.tv_sec * 1000 + (ts.tv_nsec + 999999) / 1000000);
	return 0;
}

/* do_sys_poll - poll(2) and ppoll(2): the user's array in, revents out. */
static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, long timeout)
{
	struct pollfd *fds;
	long ret;

	if (nfds > NR_OPEN)
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = copy_from_user(fds, ufds, nfds * sizeof(*fds)) ? -EFAULT : poll_fds(fds, nfds, timeout);
	for (unsigned int i = 0; ret >= 0 && i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	return do_sys_poll(ufds, nfds, ms_to_timeout(timeout_msecs));
}

/*
 * swap_sigmask - ppoll/pselect's signal mask, in force while they wait
 * (@set NULL: none); *@old is the mask to put back.  Return: 0 or -errno.
 */
static long swap_sigmask(const unsigned long __user *set, size_t size, unsigned long *old)
{
	unsigned long mask;

	*old = current->blocked;
	if (!set)
		return 0;
	if (size != sizeof(mask))
		return -EINVAL;
	if (copy_from_user(&mask, set, sizeof(mask)))
		return -EFAULT;
	current->blocked = mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	return 0;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		const struct __kernel_timespec __user *, tsp, const unsigned long __user *, sigmask,
		size_t, sigsetsize)
{
	unsigned long old;
	long timeout, ret = ts_to_timeout(tsp, &timeout);

	if (!ret)
		ret = swap_sigmask(sigmask, sigsetsize, &old);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, timeout);
	current->blocked = old;
	return ret;
}

/* --- select: three fd_set bitmaps, done as a poll ------------------------------- */

#define FD_BITS		(8 * sizeof(unsigned long))

static bool fd_isset(const unsigned long *set, int fd)
{
	return set && (set[fd / FD_BITS] >> (fd % FD_BITS) & 1);
}

/*
 * core_sys_select - select()'s sets: each descriptor named in one becomes
 * a pollfd; the ready ones are written back.  Return: the number of bits
 * set, 0 on timeout, -EBADF for a descriptor not open, -EINVAL, -EFAULT.
 */
static long core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			    unsigned long __user *exp, long timeout)
{
	size_t words = DIV_ROUND_UP(n, FD_BITS), bytes = words * sizeof(long);
	unsigned long *in, *out, *ex, *sets[3];
	unsigned long __user *usets[3] = { inp, outp, exp };
	struct pollfd *fds;
	unsigned int nfds = 0;
	long ret;

	if (n < 0 || n > NR_OPEN)
		return -EINVAL;
	in = kcalloc(3 * words + 1, sizeof(long), GFP_KERNEL);
	fds = kmalloc_array(n ? n : 1, sizeof(*fds), GFP_KERNEL);
	ret = -ENOMEM;
	if (!in || !fds)
		goto out;
	out = in + words;
	ex = out + words;
	sets[0] = in, sets[1] = out, sets[2] = ex;
	ret = -EFAULT;
	for (int k = 0; k < 3; k++)
		if (usets[k] && copy_from_user(sets[k], usets[k], bytes))
			goto out;
	for (int fd = 0; fd < n; fd++) {
		short events = (fd_isset(in, fd) ? POLLIN : 0) | (fd_isset(out, fd) ? POLLOUT : 0) |
			       (fd_isset(ex, fd) ? POLLPRI : 0);

		if (events)
			fds[nfds++] = (struct pollfd){ .fd = fd, .events = events };
	}
	ret = poll_fds(fds, nfds, timeout);
	if (ret < 0)
		goto out;
	memset(in, 0, 3 * bytes);
	ret = 0;
	for (unsigned int i = 0; i < nfds; i++) {
		short r = fds[i].revents;
		int fd = fds[i].fd;

		if (r & POLLNVAL) {
			ret = -EBADF;
			goto out;
		}
		if ((fds[i].events & POLLIN) && (r & (POLLIN | POLLHUP | POLLERR)))
			in[fd / FD_BITS] |= 1UL << (fd % FD_BITS), ret++;
		if ((fds[i].events & POLLOUT) && (r & (POLLOUT | POLLERR)))
			out[fd / FD_BITS] |= 1UL << (fd % FD_BITS), ret++;
		if ((fds[i].events & POLLPRI) && (r & POLLPRI))
			ex[fd / FD_BITS] |= 1UL << (fd % FD_BITS), ret++;
	}
	for (int k = 0; k < 3; k++)
		if (usets[k] && copy_to_user(usets[k], sets[k], bytes))
			ret = -EFAULT;
out:
	kfree(in);
	kfree(fds);
	return ret;
}

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	struct __kernel_old_timeval tv;
	long timeout = -1;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		timeout = tv.tv_sec > 1000000 ? -1 :
			  ms_to_timeout(tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000);
	}
	return core_sys_select(n, inp, outp, exp, timeout);
}

/* pselect6's sixth argument: a pointer to { sigmask pointer, size }. */
struct sigset_argpack {
	const unsigned long __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, const struct __kernel_timespec __user *, tsp,
		const struct sigset_argpack __user *, sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	unsigned long old;
	long timeout, ret = ts_to_timeout(tsp, &timeout);

	if (!ret && sig && copy_from_user(&pack, sig, sizeof(pack)))
		ret = -EFAULT;
	if (!ret)
		ret = swap_sigmask(pack.p, pack.size, &old);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, timeout);
	current->blocked = old;
	return ret;
}
