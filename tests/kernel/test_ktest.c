// SPDX-License-Identifier: GPL-2.0
/*
 * The runner's own promises, checked from outside: these cases misbehave
 * on purpose and scripts/run_tests.py boots them with
 * "ktest.filter=ktest_selftest" and expects each verdict below.  A normal
 * run never selects this suite (explicit_only).
 *
 *   crash_null_deref      not ok: a kernel page fault ends only this case
 *   crash_invalid_opcode  not ok: so does any other exception
 *   assert_ends_case      not ok: the code after a failed ASSERT never runs
 *   leak_is_caught        not ok: one page kept back fails the leak check
 *   runner_survives       ok:     the kernel is healthy afterwards
 */
#include <ktest.h>
#include <mm.h>

static bool after_assert_ran;

static void crash_null_deref(struct ktest *test)
{
	volatile int *volatile p = NULL;

	p[4] = 1;
	KTEST_FAIL(test, "the write near NULL did not fault");
}

static void crash_invalid_opcode(struct ktest *test)
{
	asm volatile("ud2");
	KTEST_FAIL(test, "ud2 did not trap");
}

static void assert_ends_case(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, 1 + 1, 3);
	after_assert_ran = true;
}

static void leak_is_caught(struct ktest *test)
{
	KTEST_EXPECT_NOT_NULL(test, alloc_page(GFP_KERNEL));
}

static void runner_survives(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_EXPECT_FALSE(test, after_assert_ran);
	KTEST_ASSERT_NOT_NULL(test, page);
	__free_page(page);
}

static struct ktest_case ktest_selftest_cases[] = {
	KTEST_CASE(crash_null_deref),
	KTEST_CASE(crash_invalid_opcode),
	KTEST_CASE(assert_ends_case),
	KTEST_CASE(leak_is_caught),
	KTEST_CASE(runner_survives),
	{}
};

static struct ktest_suite ktest_selftest_suite = {
	.name = "ktest_selftest",
	.test_cases = ktest_selftest_cases,
	.explicit_only = true,
};
ktest_suite(ktest_selftest_suite);
