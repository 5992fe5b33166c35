/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktest: dissect's in-kernel unit tests, shaped like Linux's KUnit.
 *
 * A suite is a named array of cases; ktest_suite() drops a pointer to it in
 * the .ktest_suites section, so the runner (kernel/ktest.c) finds every suite
 * without a registry.  Booted with "ktest" on the command line, the kernel
 * runs the suites whose name matches "ktest.filter=GLOB" and prints KTAP
 * version 1 on the serial port:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: buddy
 *	    1..3
 *	    ok 1 buddy_every_order
 *	    ...
 *	ok 1 buddy
 *
 * EXPECT checks record a failure and go on; ASSERT checks record it and end
 * the case at once (the runner regains control with ktest_longjmp()).  Every
 * case is bracketed by a leak check: free pages (and, later, slab objects)
 * must be the same after the case as before, or the case fails.
 */
#ifndef _KTEST_H
#define _KTEST_H

#include <types.h>
#include <compiler.h>

struct ktest;

struct ktest_case {
	const char *name;
	void (*run_case)(struct ktest *test);
};

struct ktest_suite {
	const char *name;
	struct ktest_case *test_cases;	/* ends with an empty entry */
	int (*init)(struct ktest *test);	/* before each case; non-zero fails it */
	void (*exit)(struct ktest *test);	/* after each case */
	bool no_leak_check;		/* the suite keeps memory across cases */
	bool explicit_only;		/* runs only when ktest.filter selects it */
};

enum ktest_status {
	KTEST_SUCCESS,
	KTEST_FAILURE,
	KTEST_SKIPPED,
};

struct ktest {
	const char *name;		/* the running case */
	enum ktest_status status;
	const char *skip_reason;
	void *priv;			/* for the suite's init/exit */
};

#define KTEST_CASE(fn)	{ .name = #fn, .run_case = fn }

#define ktest_suite(s)							\
	static struct ktest_suite *const __ktest_ptr_##s		\
	__section(".ktest_suites") __used = &(s)

/* Reporting, used by the macros below. */
void ktest_fail(struct ktest *test, const char *file, int line,
		const char *fmt, ...) __printf(4, 5);
void ktest_fail_values(struct ktest *test, const char *file, int line,
		       const char *left, const char *op, const char *right,
		       long long lv, long long rv);
void __noreturn ktest_abort(struct ktest *test);
void ktest_printk(struct ktest *test, const char *fmt, ...) __printf(2, 3);
void ktest_skip(struct ktest *test, const char *reason);

/* True while a case runs: the trap handlers end it instead of panicking. */
bool ktest_case_running(void);
void __noreturn ktest_case_crashed(const char *what);

/* Comparison core: evaluate each side once, compare as 64-bit integers. */
#define __KTEST_BINARY(test, abort, l, op, r)				\
	do {								\
		long long __l = (long long)(l), __r = (long long)(r);	\
		if (!(__l op __r)) {					\
			ktest_fail_values(test, __FILE__, __LINE__,	\
					  #l, #op, #r, __l, __r);	\
			if (abort)					\
				ktest_abort(test);			\
		}							\
	} while (0)

#define __KTEST_UBINARY(test, abort, l, op, r)				\
	do {								\
		unsigned long long __l = (unsigned long long)(l);	\
		unsigned long long __r = (unsigned long long)(r);	\
		if (!(__l op __r)) {					\
			ktest_fail_values(test, __FILE__, __LINE__,	\
					  #l, #op, #r, (long long)__l,	\
					  (long long)__r);		\
			if (abort)					\
				ktest_abort(test);			\
		}							\
	} while (0)

#define __KTEST_COND(test, abort, cond, fmt, ...)			\
	do {								\
		if (!(cond)) {						\
			ktest_fail(test, __FILE__, __LINE__, fmt,	\
				   ##__VA_ARGS__);			\
			if (abort)					\
				ktest_abort(test);			\
		}							\
	} while (0)

#define __KTEST_STR(test, abort, l, op, r)				\
	do {								\
		const char *__l = (l), *__r = (r);			\
		if (!(strcmp(__l, __r) op 0)) {				\
			ktest_fail(test, __FILE__, __LINE__,		\
				   "Expected %s %s %s, but\n"		\
				   "%s == \"%s\"\n%s == \"%s\"",	\
				   #l, #op, #r, #l, __l, #r, __r);	\
			if (abort)					\
				ktest_abort(test);			\
		}							\
	} while (0)

#define KTEST_EXPECT_EQ(t, l, r)	__KTEST_BINARY(t, 0, l, ==, r)
#define KTEST_EXPECT_NE(t, l, r)	__KTEST_BINARY(t, 0, l, !=, r)
#define KTEST_EXPECT_LT(t, l, r)	__KTEST_BINARY(t, 0, l, <, r)
#define KTEST_EXPECT_LE(t, l, r)	__KTEST_BINARY(t, 0, l, <=, r)
#define KTEST_EXPECT_GT(t, l, r)	__KTEST_BINARY(t, 0, l, >, r)
#define KTEST_EXPECT_GE(t, l, r)	__KTEST_BINARY(t, 0, l, >=, r)
#define KTEST_EXPECT_UEQ(t, l, r)	__KTEST_UBINARY(t, 0, l, ==, r)
#define KTEST_EXPECT_ULT(t, l, r)	__KTEST_UBINARY(t, 0, l, <, r)
#define KTEST_EXPECT_ULE(t, l, r)	__KTEST_UBINARY(t, 0, l, <=, r)
#define KTEST_EXPECT_PTR_EQ(t, l, r)	__KTEST_UBINARY(t, 0, (unsigned long)(l), ==, (unsigned long)(r))
#define KTEST_EXPECT_PTR_NE(t, l, r)	__KTEST_UBINARY(t, 0, (unsigned long)(l), !=, (unsigned long)(r))
#define KTEST_EXPECT_TRUE(t, c)		__KTEST_COND(t, 0, c, "Expected %s to be true", #c)
#define KTEST_EXPECT_FALSE(t, c)	__KTEST_COND(t, 0, !(c), "Expected %s to be false", #c)
#define KTEST_EXPECT_NULL(t, p)		__KTEST_COND(t, 0, (p) == NULL, "Expected %s to be NULL", #p)
#define KTEST_EXPECT_NOT_NULL(t, p)	__KTEST_COND(t, 0, (p) != NULL, "Expected %s not to be NULL", #p)
#define KTEST_EXPECT_STREQ(t, l, r)	__KTEST_STR(t, 0, l, ==, r)
#define KTEST_EXPECT_STRNEQ(t, l, r)	__KTEST_STR(t, 0, l, !=, r)

#define KTEST_ASSERT_EQ(t, l, r)	__KTEST_BINARY(t, 1, l, ==, r)
#define KTEST_ASSERT_NE(t, l, r)	__KTEST_BINARY(t, 1, l, !=, r)
#define KTEST_ASSERT_LT(t, l, r)	__KTEST_BINARY(t, 1, l, <, r)
#define KTEST_ASSERT_LE(t, l, r)	__KTEST_BINARY(t, 1, l, <=, r)
#define KTEST_ASSERT_GT(t, l, r)	__KTEST_BINARY(t, 1, l, >, r)
#define KTEST_ASSERT_GE(t, l, r)	__KTEST_BINARY(t, 1, l, >=, r)
#define KTEST_ASSERT_UEQ(t, l, r)	__KTEST_UBINARY(t, 1, l, ==, r)
#define KTEST_ASSERT_PTR_EQ(t, l, r)	__KTEST_UBINARY(t, 1, (unsigned long)(l), ==, (unsigned long)(r))
#define KTEST_ASSERT_TRUE(t, c)		__KTEST_COND(t, 1, c, "Expected %s to be true", #c)
#define KTEST_ASSERT_FALSE(t, c)	__KTEST_COND(t, 1, !(c), "Expected %s to be false", #c)
#define KTEST_ASSERT_NULL(t, p)		__KTEST_COND(t, 1, (p) == NULL, "Expected %s to be NULL", #p)
#define KTEST_ASSERT_NOT_NULL(t, p)	__KTEST_COND(t, 1, (p) != NULL, "Expected %s not to be NULL", #p)
#define KTEST_ASSERT_STREQ(t, l, r)	__KTEST_STR(t, 1, l, ==, r)

/* Free-form failure with a message. */
#define KTEST_FAIL(t, fmt, ...)	\
	ktest_fail(t, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

extern bool ktest_enabled;		/* "ktest" on the command line */
int ktest_run_all(void);		/* returns the number of failed suites */
void ktest_watchdog_tick(void);

#endif /* _KTEST_H */
