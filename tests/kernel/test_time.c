// SPDX-License-Identifier: GPL-2.0
/* The timer interrupt drives jiffies; the TSC gives nanoseconds. */
#include <ktest.h>
#include <jiffies.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>

static void jiffies_advance_with_interrupts(struct ktest *test)
{
	unsigned long j0 = jiffies, irq0 = irq_count[0];
	u64 t0 = ktime_get_ns(), t1;

	KTEST_ASSERT_FALSE(test, irqs_disabled());
	while (jiffies - j0 < 5)
		native_halt();			/* woken by the next tick */
	t1 = ktime_get_ns();
	KTEST_EXPECT_GE(test, irq_count[0] - irq0, 5);
	/* 5 ticks at HZ: at least 4 tick periods passed (TSC vs PIT) */
	KTEST_EXPECT_GT(test, t1 - t0, 4ULL * 1000000000ULL / HZ);
}

static void jiffies_stand_still_with_interrupts_off(struct ktest *test)
{
	unsigned long flags, j0;
	u64 t0;

	local_irq_save(flags);
	j0 = jiffies;
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < 3ULL * 1000000000ULL / HZ)
		;
	KTEST_EXPECT_EQ(test, jiffies, j0);
	local_irq_restore(flags);
}

static void ktime_is_monotonic(struct ktest *test)
{
	u64 last = ktime_get_ns();

	for (int i = 0; i < 10000; i++) {
		u64 now = ktime_get_ns();

		if (now < last) {
			KTEST_FAIL(test, "ktime went back: %llu after %llu", now, last);
			return;
		}
		last = now;
	}
}

static void time_after_wraps(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, time_after(5UL, (unsigned long)-5));
	KTEST_EXPECT_FALSE(test, time_after((unsigned long)-5, 5UL));
	KTEST_EXPECT_TRUE(test, time_after_eq(7UL, 7UL));
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(1000), HZ);
	KTEST_EXPECT_EQ(test, msecs_to_jiffies(1), 1);
}

/* The RTC gave a wall clock between 2020 and 2100 (boot_time_ns, ns since 1970). */
static void rtc_wall_clock_is_plausible(struct ktest *test)
{
	extern u64 boot_time_ns;
	u64 secs = boot_time_ns / 1000000000ULL;

	KTEST_EXPECT_GT(test, secs, 1577836800ULL);	/* 2020-01-01 */
	KTEST_EXPECT_LT(test, secs, 4102444800ULL);	/* 2100-01-01 */
	KTEST_EXPECT_EQ(test, boot_time_ns % 1000000000ULL, 0);
}

static struct ktest_case time_cases[] = {
	KTEST_CASE(rtc_wall_clock_is_plausible),
	KTEST_CASE(jiffies_advance_with_interrupts),
	KTEST_CASE(jiffies_stand_still_with_interrupts_off),
	KTEST_CASE(ktime_is_monotonic),
	KTEST_CASE(time_after_wraps),
	{}
};

static struct ktest_suite time_suite = {
	.name = "time",
	.test_cases = time_cases,
};
ktest_suite(time_suite);
