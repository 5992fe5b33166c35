// SPDX-License-Identifier: GPL-2.0
/*
 * tests/lib/test_kstrtox.c - kstrtoull(), kstrtoul(), kstrtoint(), memparse().
 *
 * Each expectation gives the string, the base, the return value and, on
 * success, the value.  On failure the result must be left untouched, so
 * every call starts with a sentinel in it.
 */
#include <ktest.h>
#include <printk.h>
#include <errno.h>

#define SENTINEL	12345

#define check_ull(test, s, base, ret, val) \
	__check_ull(test, __LINE__, s, base, ret, val)
#define check_int(test, s, base, ret, val) \
	__check_int(test, __LINE__, s, base, ret, val)

/* kstrtoull(@s, @base) must return @ret and, if that is 0, give @val. */
static void __check_ull(struct ktest *test, int line, const char *s,
			unsigned int base, int ret, unsigned long long val)
{
	unsigned long long res = SENTINEL;
	unsigned long lres = SENTINEL;
	int got = kstrtoull(s, base, &res);

	if (got != ret || res != (ret ? SENTINEL : val))
		ktest_fail(test, __FILE__, line,
			   "kstrtoull(\"%s\", %u) = %d, %llu; expected %d, %llu",
			   s, base, got, res, ret, ret ? SENTINEL : val);
	got = kstrtoul(s, base, &lres);
	if (got != ret || lres != (ret ? SENTINEL : val))
		ktest_fail(test, __FILE__, line,
			   "kstrtoul(\"%s\", %u) = %d, %lu; expected %d",
			   s, base, got, lres, ret);
}

/* kstrtoint(@s, @base) must return @ret and, if that is 0, give @val. */
static void __check_int(struct ktest *test, int line, const char *s,
			unsigned int base, int ret, int val)
{
	int res = SENTINEL;
	int got = kstrtoint(s, base, &res);

	if (got != ret || res != (ret ? SENTINEL : val))
		ktest_fail(test, __FILE__, line,
			   "kstrtoint(\"%s\", %u) = %d, %d; expected %d, %d",
			   s, base, got, res, ret, ret ? SENTINEL : val);
}

static void kstrtox_bases(struct ktest *test)
{
	check_ull(test, "0", 0, 0, 0);
	check_ull(test, "123", 0, 0, 123);
	check_ull(test, "123", 10, 0, 123);
	check_ull(test, "0x1f", 0, 0, 31);
	check_ull(test, "0X1F", 0, 0, 31);
	check_ull(test, "017", 0, 0, 15);		/* leading 0: octal */
	check_ull(test, "17", 8, 0, 15);
	check_ull(test, "ff", 16, 0, 255);
	check_ull(test, "0xff", 16, 0, 255);		/* 0x allowed in base 16 */
	check_ull(test, "DeadBeef", 16, 0, 0xdeadbeef);
	check_ull(test, "101", 2, 0, 5);
	check_ull(test, "+5", 10, 0, 5);
	check_ull(test, "007", 10, 0, 7);		/* base 10 given: decimal */
	check_ull(test, "z", 36, -EINVAL, 0);		/* bases above 16: no */
}

static void kstrtox_newline(struct ktest *test)
{
	check_ull(test, "12\n", 10, 0, 12);
	check_ull(test, "0x12\n", 0, 0, 0x12);
	check_ull(test, "12\n\n", 10, -EINVAL, 0);	/* one newline only */
	check_ull(test, "\n", 10, -EINVAL, 0);
	check_ull(test, "12\n3", 10, -EINVAL, 0);
	check_int(test, "-12\n", 10, 0, -12);
}

static void kstrtox_junk(struct ktest *test)
{
	check_ull(test, "", 10, -EINVAL, 0);
	check_ull(test, "12 ", 10, -EINVAL, 0);
	check_ull(test, " 12", 10, -EINVAL, 0);		/* no space skipping */
	check_ull(test, "12a", 10, -EINVAL, 0);
	check_ull(test, "-1", 10, -EINVAL, 0);		/* unsigned */
	check_ull(test, "++1", 10, -EINVAL, 0);
	check_ull(test, "8", 8, -EINVAL, 0);
	check_ull(test, "08", 0, -EINVAL, 0);		/* octal, then junk */
	check_ull(test, "0x", 0, -EINVAL, 0);		/* octal 0, then "x" */
	check_ull(test, "0x", 16, -EINVAL, 0);		/* prefix, no digits */
	check_ull(test, "0xg", 16, -EINVAL, 0);
	check_ull(test, "2", 2, -EINVAL, 0);
	check_ull(test, "1.5", 10, -EINVAL, 0);
}

static void kstrtox_overflow(struct ktest *test)
{
	check_ull(test, "18446744073709551615", 10, 0, 18446744073709551615ULL);
	check_ull(test, "18446744073709551616", 10, -ERANGE, 0);
	check_ull(test, "99999999999999999999", 10, -ERANGE, 0);
	check_ull(test, "0xffffffffffffffff", 0, 0, 0xffffffffffffffffULL);
	check_ull(test, "0x10000000000000000", 0, -ERANGE, 0);
	check_ull(test, "1777777777777777777777", 8, 0, 0xffffffffffffffffULL);
	check_ull(test, "2000000000000000000000", 8, -ERANGE, 0);
	check_ull(test, "00000000000000000000000000001", 10, 0, 1);
	/* overflow is reported even when junk follows */
	check_ull(test, "18446744073709551616x", 10, -ERANGE, 0);
}

static void kstrtox_int(struct ktest *test)
{
	check_int(test, "0", 10, 0, 0);
	check_int(test, "-0", 10, 0, 0);
	check_int(test, "+7", 10, 0, 7);
	check_int(test, "-7", 10, 0, -7);
	check_int(test, "2147483647", 10, 0, 2147483647);
	check_int(test, "2147483648", 10, -ERANGE, 0);
	check_int(test, "-2147483648", 10, 0, (int)INT32_MIN);
	check_int(test, "-2147483649", 10, -ERANGE, 0);
	check_int(test, "0x7fffffff", 0, 0, 2147483647);
	check_int(test, "-0x10", 0, 0, -16);
	check_int(test, "-010", 0, 0, -8);
	check_int(test, "-9223372036854775808", 10, -ERANGE, 0);
	check_int(test, "99999999999999999999", 10, -ERANGE, 0);
	check_int(test, "-", 10, -EINVAL, 0);
	check_int(test, "--1", 10, -EINVAL, 0);
	check_int(test, "-+1", 10, -EINVAL, 0);
	check_int(test, "+-1", 10, -EINVAL, 0);
	check_int(test, "12x", 10, -EINVAL, 0);
}

/* memparse(@s) must give @val and consume @used characters. */
#define check_memparse(test, s, val, used)				\
	do {								\
		const char *__s = (s);					\
		char *__end = NULL;					\
									\
		KTEST_EXPECT_UEQ(test, memparse(__s, &__end), val);	\
		KTEST_EXPECT_EQ(test, __end - __s, used);		\
	} while (0)

static void kstrtox_memparse(struct ktest *test)
{
	check_memparse(test, "12", 12, 2);
	check_memparse(test, "4K", 4096, 2);
	check_memparse(test, "3k", 3072, 2);
	check_memparse(test, "16M", 16ULL << 20, 3);
	check_memparse(test, "2G", 2ULL << 30, 2);
	check_memparse(test, "1T", 1ULL << 40, 2);
	check_memparse(test, "1P", 1ULL << 50, 2);
	check_memparse(test, "1E", 1ULL << 60, 2);
	check_memparse(test, "0x10M", 16ULL << 20, 5);
	check_memparse(test, "010", 8, 3);
	check_memparse(test, "12Kfoo", 12 << 10, 3);	/* stops after K */
	check_memparse(test, "12 K", 12, 2);
	check_memparse(test, "abc", 0, 0);		/* nothing to parse */
	KTEST_EXPECT_UEQ(test, memparse("64M", NULL), 64ULL << 20);
}

static struct ktest_case kstrtox_cases[] = {
	KTEST_CASE(kstrtox_bases),
	KTEST_CASE(kstrtox_newline),
	KTEST_CASE(kstrtox_junk),
	KTEST_CASE(kstrtox_overflow),
	KTEST_CASE(kstrtox_int),
	KTEST_CASE(kstrtox_memparse),
	{}
};

static struct ktest_suite kstrtox_suite = {
	.name = "kstrtox",
	.test_cases = kstrtox_cases,
};
ktest_suite(kstrtox_suite);
