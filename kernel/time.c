// SPDX-License-Identifier: GPL-2.0
/* The periodic tick: what happens HZ times a second (Linux: kernel/time/). */
#include <jiffies.h>
#include <ktest.h>
#include <sched.h>

volatile unsigned long jiffies;

void tick_periodic(void)
{
	jiffies++;
	ktest_watchdog_tick();
	scheduler_tick();
}
