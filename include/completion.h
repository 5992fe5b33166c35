/* SPDX-License-Identifier: GPL-2.0 */
/* A one-shot event to wait for (Linux: include/linux/completion.h); vfork uses it. */
#ifndef _COMPLETION_H
#define _COMPLETION_H

#include <wait.h>

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x);
void wait_for_completion(struct completion *x);

#endif /* _COMPLETION_H */
