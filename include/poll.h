/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll() (Linux: include/linux/poll.h).  A file's ->poll says which
 * events are ready now, and calls poll_wait() on each wait queue whose
 * wake_up() could change its answer; poll() sleeps on all of them at once.
 */
#ifndef _POLL_H
#define _POLL_H

#include <fs.h>
#include <wait.h>

#define DEFAULT_POLLMASK	(POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct poll_table_entry {
	struct file *filp;
	struct wait_queue_head *wait_address;
	struct wait_queue_entry wait;
};

/**
 * struct poll_table_struct - the wait queues of one poll() call
 * @registering: the first pass: poll_wait() queues the caller; later
 *	passes only ask
 * @nr, @max: entries used, and room
 */
struct poll_table_struct {
	bool registering;
	int nr, max;
	struct poll_table_entry *entries;
};

void poll_wait(struct file *filp, struct wait_queue_head *wq, struct poll_table_struct *pt);

#endif /* _POLL_H */
