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

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	struct poll_table_struct pt = { .registering = true };
	struct pollfd *fds;
	/* at least the time asked: the first tick may be nearly over (Linux adds slack too) */
	long timeout = timeout_msecs < 0 ? -1 : timeout_msecs ? (long)msecs_to_jiffies(timeout_msecs) + 1 : 0;
	int ret;

	if (nfds > NR_OPEN)
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	pt.max = 2 * nfds;
	pt.entries = kmalloc_array(pt.max ? pt.max : 1, sizeof(*pt.entries), GFP_KERNEL);
	ret = -ENOMEM;
	if (!fds || !pt.entries)
		goto out;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds)))
		goto out;
	ret = do_poll(fds, nfds, timeout, &pt);
	poll_freewait(&pt);
	for (unsigned int i = 0; ret >= 0 && i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
out:
	kfree(fds);
	kfree(pt.entries);
	return ret;
}
