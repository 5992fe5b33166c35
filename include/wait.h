/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues (Linux: include/linux/wait.h): a list of tasks sleeping
 * until something happens.  The waiter checks its condition after
 * queueing itself and before sleeping, so a wake_up() between the check
 * and schedule() is never lost.
 */
#ifndef _WAIT_H
#define _WAIT_H

#include <list.h>

struct task_struct;

/* wait4() options, Linux's values (Linux: include/uapi/linux/wait.h). */
#define WNOHANG		0x00000001	/* do not sleep: 0 if no child has exited */
#define WUNTRACED	0x00000002
#define WCONTINUED	0x00000008
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

struct wait_queue_head {
	struct list_head head;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);
void wake_up(struct wait_queue_head *wq);
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *wait);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *wait);
bool signal_pending_current(void);


/*
 * wait_event - sleep until @cond is true
 * wait_event_interruptible - the same, but a pending signal also ends the
 * wait: returns -EINTR then, 0 when @cond came true
 */
#define wait_event(wq, cond)						\
do {									\
	struct wait_queue_entry __w = { .task = current };		\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, TASK_UNINTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		schedule();						\
	}								\
	finish_wait(&(wq), &__w);					\
} while (0)

#define wait_event_interruptible(wq, cond)				\
({									\
	struct wait_queue_entry __w = { .task = current };		\
	long __ret = 0;							\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, TASK_INTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		if (signal_pending_current()) {				\
			__ret = -EINTR;					\
			break;						\
		}							\
		schedule();						\
	}								\
	finish_wait(&(wq), &__w);					\
	__ret;								\
})

#endif /* _WAIT_H */
