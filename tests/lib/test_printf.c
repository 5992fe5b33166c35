// SPDX-License-Identifier: GPL-2.0
/*
 * tests/lib/test_printf.c - vsnprintf() and friends, conversion by conversion.
 *
 * check() runs a format at every buffer size from 0 to one past the expected
 * length, and with a NULL buffer of size 0, and demands each time the same
 * return value, the expected text cut to fit, a NUL after it, and not one
 * byte written past the size given.
 *
 * Formats that gcc's -Wformat would reject (unknown conversions, flags that
 * C calls meaningless for the conversion) go through the variable "odd",
 * which gcc does not check; lib/vsnprintf.c still defines what they print.
 * Such calls always pass an argument, used or not, to keep
 * -Wformat-security quiet.
 */
#include <ktest.h>
#include <printk.h>
#include <string.h>

#define BUF_SIZE	256
#define CANARY		0xa5	/* fills the buffer before each call */

#define LLONG_MIN_	(-9223372036854775807LL - 1)
#define LLONG_MAX_	9223372036854775807LL
#define ULLONG_MAX_	18446744073709551615ULL

/*
 * Format @fmt with @ap into a canary-filled buffer of @size bytes and check
 * the return value, the text and the bytes past @size.  Reports a failure
 * and returns false if any is wrong.
 */
static bool check_size(struct ktest *test, int line, const char *expect,
		       int elen, size_t size, const char *fmt, va_list ap)
{
	char buf[BUF_SIZE];
	size_t keep = size == 0 ? 0 : (size_t)elen < size ? (size_t)elen : size - 1;
	char *stray;
	int ret;

	memset(buf, CANARY, sizeof(buf));
	ret = vsnprintf(buf, size, fmt, ap);
	stray = memchr_inv(buf + size, CANARY, sizeof(buf) - size);
	if (ret != elen)
		ktest_fail(test, __FILE__, line,
			   "vsnprintf(buf, %zu, \"%s\", ...) returned %d, expected %d",
			   size, fmt, ret, elen);
	else if (size && (memcmp(buf, expect, keep) || buf[keep] != '\0'))
		ktest_fail(test, __FILE__, line,
			   "vsnprintf(buf, %zu, \"%s\", ...) wrote \"%.*s\", expected \"%.*s\"",
			   size, fmt, (int)keep, buf, (int)keep, expect);
	else if (stray)
		ktest_fail(test, __FILE__, line,
			   "vsnprintf(buf, %zu, \"%s\", ...) wrote byte %d",
			   size, fmt, (int)(stray - buf));
	else
		return true;
	return false;
}

/*
 * The body of check(): @expect is @elen bytes long (it may contain NULs).
 * Stops at the first failing size, so one mistake is reported once.
 */
static void __printf(5, 6) __check(struct ktest *test, int line,
				   const char *expect, int elen,
				   const char *fmt, ...)
{
	va_list ap;
	size_t size;
	bool ok;

	for (size = 0; size <= (size_t)elen + 1; size++) {
		va_start(ap, fmt);
		ok = check_size(test, line, expect, elen, size, fmt, ap);
		va_end(ap);
		if (!ok)
			return;
	}
	va_start(ap, fmt);
	if (vsnprintf(NULL, 0, fmt, ap) != elen)
		ktest_fail(test, __FILE__, line,
			   "vsnprintf(NULL, 0, \"%s\", ...) != %d", fmt, elen);
	va_end(ap);
}

/* @expect must be a string literal: its size gives its length. */
#define check(test, expect, fmt, ...) \
	__check(test, __LINE__, expect, sizeof("" expect) - 1, fmt, ##__VA_ARGS__)

static void printf_literal(struct ktest *test)
{
	const char *odd = "";		/* gcc warns about an empty format */

	check(test, "", odd, 0);
	check(test, "hello, world", "hello, world");
	check(test, "100%", "100%%");
	check(test, "%%", "%%%%");
	check(test, "a%b", "a%%b");
}

static void printf_decimal(struct ktest *test)
{
	check(test, "0", "%d", 0);
	check(test, "42", "%d", 42);
	check(test, "-42", "%d", -42);
	check(test, "123", "%i", 123);
	check(test, "-123", "%i", -123);
	check(test, "42", "%u", 42u);
	check(test, "4294967295", "%u", 4294967295u);
	check(test, "-2147483648", "%d", (int)INT32_MIN);
	check(test, "2147483647", "%d", (int)INT32_MAX);
	check(test, "2147483648", "%u", (unsigned int)INT32_MIN);
}

static void printf_hex_octal(struct ktest *test)
{
	check(test, "beef", "%x", 0xbeefu);
	check(test, "BEEF", "%X", 0xbeefu);
	check(test, "0", "%x", 0u);
	check(test, "ffffffff", "%x", 0xffffffffu);
	check(test, "80000000", "%x", 0x80000000u);
	check(test, "10", "%o", 8u);
	check(test, "0", "%o", 0u);
	check(test, "777", "%o", 0777u);
	check(test, "37777777777", "%o", 0xffffffffu);
}

static void printf_flags(struct ktest *test)
{
	const char *odd;

	check(test, "+5", "%+d", 5);
	check(test, "-5", "%+d", -5);
	check(test, "+0", "%+d", 0);
	check(test, " 5", "% d", 5);
	check(test, "-5", "% d", -5);
	check(test, "42   |", "%-5d|", 42);
	check(test, "00042", "%05d", 42);
	check(test, "-0042", "%05d", -42);
	check(test, "+0042", "%+05d", 42);
	check(test, " 0042", "% 05d", 42);
	check(test, "0xff", "%#x", 255u);
	check(test, "0XFF", "%#X", 255u);
	check(test, "010", "%#o", 8u);
	check(test, "0", "%#o", 0u);
	check(test, "0x0", "%#x", 0u);		/* Linux: C says "0" */
	check(test, "0x0000ff", "%#08x", 255u);
	check(test, "0xff    |", "%#-8x|", 255u);
	check(test, "     010", "%#8o", 8u);
	odd = "%+ d";			/* '+' wins over ' ' */
	check(test, "+5", odd, 5);
	odd = "%-05d|";			/* '-' wins over '0' */
	check(test, "42   |", odd, 42);
	odd = "%+u|% x";		/* sign flags do nothing when unsigned */
	check(test, "5|ff", odd, 5u, 255u);
}

static void printf_width_precision(struct ktest *test)
{
	const char *odd;

	check(test, "   42", "%5d", 42);
	check(test, "12345", "%2d", 12345);
	check(test, "00042", "%.5d", 42);
	check(test, "  -00042", "%8.5d", -42);
	check(test, "-00042  |", "%-8.5d|", -42);
	check(test, "+007", "%+.3d", 7);
	check(test, "00a", "%.3x", 0xau);
	check(test, "0x00ff", "%#.4x", 255u);
	check(test, "7", "%.0d", 7);
	/* Where Linux differs from C, dissect does as Linux does. */
	check(test, "0", "%.0d", 0);		/* C: "", no digits */
	check(test, "0", "%.d", 0);
	check(test, "    0", "%5.0d", 0);
	check(test, "0x0", "%#.0x", 0u);	/* C: "" */
	check(test, "0", "%#.0o", 0u);
	check(test, "0010", "%#.3o", 8u);	/* C: "010" */
	check(test, "00010", "%#.4o", 8u);
	check(test, " 0010", "%#5.3o", 8u);
	check(test, "0x0000000000000000", "%#018llx", 0ULL);	/* e820 */
	check(test, "0x0009fbff", "%#010lx", 0x9fbffUL);
	odd = "%08.5d|%-08.5d|";	/* '0' pads despite a precision */
	check(test, "-0000042|00042   |", odd, -42, 42);	/* C: "  -00042|" */
}

static void printf_star(struct ktest *test)
{
	check(test, "   42", "%*d", 5, 42);
	check(test, "42   |", "%-*d|", 5, 42);
	check(test, "42   |", "%*d|", -5, 42);	/* negative width: '-' */
	check(test, "00042", "%.*d", 5, 42);
	check(test, "42", "%.*d", -1, 42);	/* negative precision: none */
	check(test, "0", "%.*d", -1, 0);
	check(test, "0", "%.*d", 0, 0);
	check(test, "  -00042", "%*.*d", 8, 5, -42);
	check(test, "-0003", "%0*d", 5, -3);
	check(test, "abc", "%.*s", 3, "abcdef");
	check(test, "abc", "%.*s", -1, "abc");
	check(test, "ab    |", "%*s|", -6, "ab");
	check(test, "[  ab][cd  ]", "[%*s][%-*s]", 4, "ab", 4, "cd");
}

static void printf_length_char_short(struct ktest *test)
{
	check(test, "-1", "%hhd", 255);
	check(test, "-128", "%hhd", 128);
	check(test, "127", "%hhi", 127);
	check(test, "1", "%hhu", 257);
	check(test, "255", "%hhu", -1);
	check(test, "ff", "%hhx", -1);
	check(test, "-1", "%hd", 65535);
	check(test, "-32768", "%hd", 32768);
	check(test, "5", "%hu", 65536 + 5);
	check(test, "ffff", "%hx", -1);
	check(test, "177777", "%ho", -1);
}

static void printf_length_long(struct ktest *test)
{
	const char *odd;

	check(test, "-9223372036854775808", "%ld", (long)LLONG_MIN_);
	check(test, "1234567890123", "%ld", 1234567890123L);
	check(test, "18446744073709551615", "%lu", (unsigned long)ULLONG_MAX_);
	check(test, "deadbeefcafe", "%lx", 0xdeadbeefcafeUL);
	check(test, "-9223372036854775808", "%lld", LLONG_MIN_);
	check(test, "9223372036854775807", "%lli", LLONG_MAX_);
	check(test, "+9223372036854775807", "%+lld", LLONG_MAX_);
	check(test, "18446744073709551615", "%llu", ULLONG_MAX_);
	check(test, "ffffffffffffffff", "%llx", ULLONG_MAX_);
	check(test, "FFFFFFFFFFFFFFFF", "%llX", ULLONG_MAX_);
	check(test, "1777777777777777777777", "%llo", ULLONG_MAX_);
	check(test, "01777777777777777777777", "%#llo", ULLONG_MAX_);
	check(test, "0x8000000000000000", "%#llx", (unsigned long long)LLONG_MIN_);
	check(test, "18446744073709551615", "%zu", (size_t)-1);
	check(test, "-1", "%zd", (ssize_t)-1);
	check(test, "1000", "%zx", (size_t)0x1000);
	check(test, "-5", "%td", (ptrdiff_t)-5);
	check(test, "-9223372036854775808", "%jd", (intmax_t)LLONG_MIN_);
	check(test, "18446744073709551615", "%ju", (uintmax_t)ULLONG_MAX_);
	odd = "%Ld|%Lx";		/* L is ll, as in Linux */
	check(test, "-9223372036854775808|ff", odd, LLONG_MIN_, 255ULL);
}

static void printf_char(struct ktest *test)
{
	const char *odd;

	check(test, "a", "%c", 'a');
	check(test, "  a", "%3c", 'a');
	check(test, "a  |", "%-3c|", 'a');
	check(test, "  x", "%*c", 3, 'x');
	check(test, "abc", "%c%c%c", 'a', 'b', 'c');
	check(test, "\0", "%c", 0);		/* a NUL is a character too */
	check(test, "a\0b", "a%cb", 0);
	check(test, "a", "%c", 256 + 'a');	/* converted to unsigned char */
	check(test, "\xff", "%c", 0xff);
	odd = "%05c";			/* '0' pads text with spaces */
	check(test, "    x", odd, 'x');
}

/* NULL, hidden from gcc, which would otherwise warn about "%s" of NULL. */
static const char *opaque_null(void)
{
	const char *p = NULL;

	__asm__("" : "+r"(p));
	return p;
}

static void printf_string(struct ktest *test)
{
	static const char unterminated[3] = { 'x', 'y', 'z' };
	const char *null = opaque_null();
	const char *odd;

	check(test, "abc", "%s", "abc");
	check(test, "", "%s", "");
	check(test, "   ", "%3s", "");
	check(test, "  abc", "%5s", "abc");
	check(test, "abc  |", "%-5s|", "abc");
	check(test, "ab", "%.2s", "abc");
	check(test, "    a", "%5.1s", "abc");
	check(test, "", "%.0s", "abc");
	check(test, "abc", "%.10s", "abc");
	check(test, "xyz", "%.3s", unterminated);	/* reads only 3 bytes */
	/* NULL prints "(null)", cut and padded like any text */
	check(test, "(null)|(nu|  (null)|(null)  |", "%s|%.3s|%8s|%-8s|",
	      null, null, null, null);
	odd = "%05s";
	check(test, "   ab", odd, "ab");
}

static void printf_pointer(struct ktest *test)
{
	check(test, "0000000000001234", "%p", (void *)0x1234);
	check(test, "0000000000001234", "%px", (void *)0x1234);
	check(test, "0000000000000000", "%p", NULL);
	check(test, "ffffffff81000000", "%p", (void *)0xffffffff81000000UL);
	check(test, "0000000000000001|0000000000000002", "%p|%p",
	      (void *)1, (void *)2);
	check(test, "                1234", "%20p", (void *)0x1234);
	check(test, "1234                |", "%-20p|", (void *)0x1234);
	/* every letter and digit after %p belongs to the %p, as in Linux */
	check(test, "0000000000001234-", "%pfoo-", (void *)0x1234);
}

/*
 * %pS depends on the symbol table, so check only what holds with or
 * without one: the lengths, and that %ps is %pS without the offset.
 */
static void printf_symbol(struct ktest *test)
{
	char full[BUF_SIZE], name[BUF_SIZE];
	void *addr = (void *)printf_symbol;
	int len;

	len = snprintf(full, sizeof(full), "%pS", addr);
	KTEST_EXPECT_GT(test, len, 0);
	KTEST_EXPECT_EQ(test, len, strlen(full));
	len = snprintf(name, sizeof(name), "%ps", addr);
	KTEST_EXPECT_GT(test, len, 0);
	KTEST_EXPECT_EQ(test, len, strlen(name));
	KTEST_EXPECT_NULL(test, strchr(name, '+'));
	KTEST_EXPECT_EQ(test, strncmp(full, name, len), 0);
	KTEST_EXPECT_EQ(test, snprintf(NULL, 0, "%pS", addr), strlen(full));
	KTEST_EXPECT_GT(test, snprintf(full, sizeof(full), "%pB", addr), 0);
}

static void printf_unknown(struct ktest *test)
{
	const char *odd;

	odd = "%q";			/* an unknown conversion prints as is */
	check(test, "%q", odd, 0);
	odd = "%5q|%y%d";		/* ... and the rest goes on */
	check(test, "%5q|%y7", odd, 7);
	odd = "%hq";
	check(test, "%hq", odd, 0);
	odd = "%n";			/* no %n: it would write memory */
	check(test, "%n", odd, 0);
	odd = "50%";			/* a '%' at the end */
	check(test, "50%", odd, 0);
	odd = "%l";
	check(test, "%l", odd, 0);
}

/* One sample at every size, spelled out: the heart of snprintf(). */
static void printf_truncation(struct ktest *test)
{
	static const char expect[] = "12345-hello-beef";
	char buf[32];
	size_t size;
	int ret;

	for (size = 0; size <= sizeof(expect) + 2; size++) {
		memset(buf, CANARY, sizeof(buf));
		ret = snprintf(buf, size, "%d-%s-%x", 12345, "hello", 0xbeef);
		KTEST_EXPECT_EQ(test, ret, sizeof(expect) - 1);
		KTEST_EXPECT_NULL(test, memchr_inv(buf + size, CANARY,
						   sizeof(buf) - size));
		if (size == 0)
			continue;
		KTEST_EXPECT_EQ(test, strlen(buf),
				size - 1 < sizeof(expect) - 1 ? size - 1
							      : sizeof(expect) - 1);
		KTEST_EXPECT_EQ(test, strncmp(buf, expect, strlen(buf)), 0);
	}
}

static int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

static void printf_return_values(struct ktest *test)
{
	char buf[16];

	KTEST_EXPECT_EQ(test, snprintf(NULL, 0, "%s", "abcdef"), 6);
	KTEST_EXPECT_EQ(test, snprintf(buf, 4, "%s", "abcdef"), 6);
	KTEST_EXPECT_STREQ(test, buf, "abc");
	KTEST_EXPECT_EQ(test, scnprintf(buf, 4, "%s", "abcdef"), 3);
	KTEST_EXPECT_STREQ(test, buf, "abc");
	KTEST_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "%s", "abc"), 3);
	KTEST_EXPECT_EQ(test, scnprintf(buf, 1, "%s", "abc"), 0);
	KTEST_EXPECT_STREQ(test, buf, "");
	KTEST_EXPECT_EQ(test, scnprintf(NULL, 0, "%s", "abc"), 0);
	KTEST_EXPECT_EQ(test, call_vscnprintf(buf, 5, "%d", 123456), 4);
	KTEST_EXPECT_STREQ(test, buf, "1234");
	KTEST_EXPECT_EQ(test, call_vscnprintf(buf, sizeof(buf), "%d", 12), 2);
	KTEST_EXPECT_EQ(test, sprintf(buf, "%d %s", 42, "x"), 4);
	KTEST_EXPECT_STREQ(test, buf, "42 x");
	/* a size no buffer has is a bug: nothing is written */
	memset(buf, CANARY, sizeof(buf));
	KTEST_EXPECT_EQ(test, snprintf(buf, (size_t)INT32_MAX + 1, "abc"), 0);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, CANARY, sizeof(buf)));
}

static void printf_multiple(struct ktest *test)
{
	check(test, "1 two 3 4 %", "%d %s %c %x %%", 1, "two", '3', 4u);
	check(test, "1  |  2|003", "%-3d|%3d|%03d", 1, 2, 3);
	check(test, "pid=7 comm=init state=R", "pid=%d comm=%s state=%c",
	      7, "init", 'R');
	check(test, "-1 255 ff 377", "%hhd %hhu %hhx %hho", 255, 255, 255, 255);
	check(test, "[-00000042][ 42     ]", "[%09d][% -8d]", -42, 42);
}

static struct ktest_case printf_cases[] = {
	KTEST_CASE(printf_literal),
	KTEST_CASE(printf_decimal),
	KTEST_CASE(printf_hex_octal),
	KTEST_CASE(printf_flags),
	KTEST_CASE(printf_width_precision),
	KTEST_CASE(printf_star),
	KTEST_CASE(printf_length_char_short),
	KTEST_CASE(printf_length_long),
	KTEST_CASE(printf_char),
	KTEST_CASE(printf_string),
	KTEST_CASE(printf_pointer),
	KTEST_CASE(printf_symbol),
	KTEST_CASE(printf_unknown),
	KTEST_CASE(printf_truncation),
	KTEST_CASE(printf_return_values),
	KTEST_CASE(printf_multiple),
	{}
};

static struct ktest_suite printf_suite = {
	.name = "printf",
	.test_cases = printf_cases,
};
ktest_suite(printf_suite);
