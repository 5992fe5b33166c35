/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JIFFIES_H
#define _JIFFIES_H

#include <types.h>
#include <compiler.h>

#define HZ	250		/* timer interrupts per second */

extern volatile unsigned long jiffies;

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}
static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * (1000 / HZ);
}

void time_init(void);
void tick_periodic(void);		/* kernel/time.c: every timer interrupt */
u64 ktime_get_ns(void);			/* nanoseconds since boot */

#endif /* _JIFFIES_H */
