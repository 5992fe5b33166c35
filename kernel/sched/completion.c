// SPDX-License-Identifier: GPL-2.0
#include <completion.h>
#include <sched.h>

void complete(struct completion *x)
{
	x->done++;
	wake_up(&x->wait);
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, x->done);
	x->done--;
}
