// SPDX-License-Identifier: GPL-2.0
/*
 * tests/lib/test_string.c - the memory and string routines of lib/string.c.
 *
 * The edge cases are the point: zero lengths, overlapping moves in both
 * directions, bytes above 0x7f (compared as unsigned char), a value passed
 * as int that must be cut to a byte, truncation in strscpy().
 */
#include <ktest.h>
#include <string.h>
#include <errno.h>

/* Fill @buf with the pattern 0, 1, 2, ... (mod 256). */
static void fill_pattern(unsigned char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)i;
}

static void string_memcpy(struct ktest *test)
{
	unsigned char src[80], dst[80];
	size_t off, len;

	fill_pattern(src, sizeof(src));
	memset(dst, 0xee, sizeof(dst));
	KTEST_EXPECT_PTR_EQ(test, memcpy(dst, src, 0), dst);
	KTEST_EXPECT_NULL(test, memchr_inv(dst, 0xee, sizeof(dst)));
	for (off = 0; off < 8; off++) {
		for (len = 1; len + off <= 64; len += 7) {
			memset(dst, 0xee, sizeof(dst));
			KTEST_EXPECT_PTR_EQ(test, memcpy(dst + off, src + 3, len),
					    dst + off);
			KTEST_EXPECT_EQ(test, memcmp(dst + off, src + 3, len), 0);
			KTEST_EXPECT_NULL(test, memchr_inv(dst, 0xee, off));
			KTEST_EXPECT_NULL(test, memchr_inv(dst + off + len, 0xee,
						sizeof(dst) - off - len));
		}
	}
}

static void string_memset(struct ktest *test)
{
	unsigned char buf[40];

	memset(buf, 0x11, sizeof(buf));
	KTEST_EXPECT_PTR_EQ(test, memset(buf, 0x22, 0), buf);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0x11, sizeof(buf)));
	KTEST_EXPECT_PTR_EQ(test, memset(buf + 3, 0x1ab, 30), buf + 3);
	KTEST_EXPECT_NULL(test, memchr_inv(buf + 3, 0xab, 30));	/* low byte */
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0x11, 3));
	KTEST_EXPECT_NULL(test, memchr_inv(buf + 33, 0x11, 7));
	memset(buf, -1, sizeof(buf));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0xff, sizeof(buf)));
}

static void string_memmove_overlap(struct ktest *test)
{
	char buf[16];
	unsigned char big[300], want[300];
	size_t i;

	strcpy(buf, "0123456789");
	KTEST_EXPECT_PTR_EQ(test, memmove(buf + 2, buf, 5), buf + 2);
	KTEST_EXPECT_STREQ(test, buf, "0101234789");	/* moved up */
	strcpy(buf, "0123456789");
	KTEST_EXPECT_PTR_EQ(test, memmove(buf, buf + 2, 5), buf);
	KTEST_EXPECT_STREQ(test, buf, "2345656789");	/* moved down */
	strcpy(buf, "0123456789");
	memmove(buf + 1, buf, 9);			/* by one, up */
	KTEST_EXPECT_STREQ(test, buf, "0012345678");
	memmove(buf, buf + 1, 9);			/* and back down */
	KTEST_EXPECT_STREQ(test, buf, "0123456788");
	memmove(buf, buf, 10);				/* onto itself */
	memmove(buf + 3, buf, 0);			/* nothing at all */
	KTEST_EXPECT_STREQ(test, buf, "0123456788");

	fill_pattern(big, sizeof(big));
	memmove(big + 37, big, 250);
	for (i = 0; i < sizeof(want); i++)
		want[i] = i < 37 || i >= 287 ? i : i - 37;
	KTEST_EXPECT_EQ(test, memcmp(big, want, sizeof(big)), 0);
	fill_pattern(big, sizeof(big));
	memmove(big, big + 37, 250);
	for (i = 0; i < sizeof(want); i++)
		want[i] = i < 250 ? i + 37 : i;
	KTEST_EXPECT_EQ(test, memcmp(big, want, sizeof(big)), 0);
}

static void string_memcmp(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, memcmp("abc", "abc", 3), 0);
	KTEST_EXPECT_EQ(test, memcmp("abc", "abd", 2), 0);
	KTEST_EXPECT_LT(test, memcmp("abc", "abd", 3), 0);
	KTEST_EXPECT_GT(test, memcmp("abd", "abc", 3), 0);
	KTEST_EXPECT_EQ(test, memcmp("x", "y", 0), 0);
	KTEST_EXPECT_GT(test, memcmp("\x80", "\x01", 1), 0);	/* unsigned */
	KTEST_EXPECT_EQ(test, memcmp("a\0b", "a\0b", 3), 0);	/* past NULs */
	KTEST_EXPECT_LT(test, memcmp("a\0a", "a\0b", 3), 0);
}

static void string_memchr(struct ktest *test)
{
	static const char s[] = "hello, world";
	static const char high[] = "\xff";

	KTEST_EXPECT_PTR_EQ(test, memchr(s, 'o', sizeof(s)), s + 4);
	KTEST_EXPECT_PTR_EQ(test, memchr(s, 'o' + 0x100, sizeof(s)), s + 4);
	KTEST_EXPECT_PTR_EQ(test, memchr(s, '\0', sizeof(s)), s + 12);
	KTEST_EXPECT_NULL(test, memchr(s, 'o', 4));
	KTEST_EXPECT_NULL(test, memchr(s, 'z', sizeof(s)));
	KTEST_EXPECT_NULL(test, memchr(s, 'h', 0));
	KTEST_EXPECT_PTR_EQ(test, memchr(high, 0xff, 1), high);
	KTEST_EXPECT_PTR_EQ(test, memchr(high, -1, 1), high);	/* as a byte */
}

static void string_memchr_inv(struct ktest *test)
{
	unsigned char buf[100];

	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0x100, sizeof(buf)));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 1, 0));
	KTEST_EXPECT_PTR_EQ(test, memchr_inv(buf, 1, sizeof(buf)), buf);
	buf[77] = 1;
	KTEST_EXPECT_PTR_EQ(test, memchr_inv(buf, 0, sizeof(buf)), buf + 77);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, 77));
	KTEST_EXPECT_PTR_EQ(test, memchr_inv(buf + 77, 1, 23), buf + 78);
}

static void string_strlen(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, strlen(""), 0);
	KTEST_EXPECT_EQ(test, strlen("a"), 1);
	KTEST_EXPECT_EQ(test, strlen("hello\0world"), 5);
	KTEST_EXPECT_EQ(test, strnlen("hello", 3), 3);
	KTEST_EXPECT_EQ(test, strnlen("hello", 5), 5);
	KTEST_EXPECT_EQ(test, strnlen("hello", 9), 5);
	KTEST_EXPECT_EQ(test, strnlen("hello", 0), 0);
	KTEST_EXPECT_EQ(test, strnlen("", 4), 0);
}

static void string_strcmp(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, strcmp("", ""), 0);
	KTEST_EXPECT_EQ(test, strcmp("abc", "abc"), 0);
	KTEST_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KTEST_EXPECT_GT(test, strcmp("abd", "abc"), 0);
	KTEST_EXPECT_LT(test, strcmp("ab", "abc"), 0);		/* prefix first */
	KTEST_EXPECT_GT(test, strcmp("abc", "ab"), 0);
	KTEST_EXPECT_GT(test, strcmp("\xff", "a"), 0);		/* unsigned */
	KTEST_EXPECT_EQ(test, strncmp("abcx", "abcy", 3), 0);
	KTEST_EXPECT_LT(test, strncmp("abcx", "abcy", 4), 0);
	KTEST_EXPECT_EQ(test, strncmp("ab", "ab", 10), 0);	/* stops at NUL */
	KTEST_EXPECT_EQ(test, strncmp("x", "y", 0), 0);
	KTEST_EXPECT_GT(test, strncmp("\x80", "\x7f", 1), 0);
}

static void string_strcpy(struct ktest *test)
{
	char buf[8];

	memset(buf, 'Z', sizeof(buf));
	KTEST_EXPECT_PTR_EQ(test, strcpy(buf, "abc"), buf);
	KTEST_EXPECT_STREQ(test, buf, "abc");
	KTEST_EXPECT_EQ(test, buf[4], 'Z');
	KTEST_EXPECT_PTR_EQ(test, strcpy(buf, ""), buf);
	KTEST_EXPECT_EQ(test, buf[0], '\0');
	KTEST_EXPECT_EQ(test, buf[1], 'b');
}

static void string_strscpy(struct ktest *test)
{
	char buf[8];

	memset(buf, 'Z', sizeof(buf));
	KTEST_EXPECT_EQ(test, strscpy(buf, "abc", sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(test, buf, "abc");
	KTEST_EXPECT_EQ(test, buf[4], 'Z');			/* no padding */
	KTEST_EXPECT_EQ(test, strscpy(buf, "abcdefg", 8), 7);	/* just fits */
	KTEST_EXPECT_STREQ(test, buf, "abcdefg");
	memset(buf, 'Z', sizeof(buf));
	KTEST_EXPECT_EQ(test, strscpy(buf, "abcdefgh", 8), -E2BIG);
	KTEST_EXPECT_STREQ(test, buf, "abcdefg");		/* cut, ended */
	memset(buf, 'Z', sizeof(buf));
	KTEST_EXPECT_EQ(test, strscpy(buf, "abcdef", 4), -E2BIG);
	KTEST_EXPECT_STREQ(test, buf, "abc");
	KTEST_EXPECT_EQ(test, buf[4], 'Z');
	KTEST_EXPECT_EQ(test, strscpy(buf, "abc", 1), -E2BIG);
	KTEST_EXPECT_STREQ(test, buf, "");
	memset(buf, 'Z', sizeof(buf));
	KTEST_EXPECT_EQ(test, strscpy(buf, "abc", 0), -E2BIG);
	KTEST_EXPECT_EQ(test, buf[0], 'Z');			/* untouched */
	KTEST_EXPECT_EQ(test, strscpy(buf, "", 1), 0);
	KTEST_EXPECT_STREQ(test, buf, "");
}

static void string_strchr(struct ktest *test)
{
	static const char s[] = "a/b/c";
	static const char high[] = "\xff";

	KTEST_EXPECT_PTR_EQ(test, strchr(s, '/'), s + 1);
	KTEST_EXPECT_PTR_EQ(test, strrchr(s, '/'), s + 3);
	KTEST_EXPECT_PTR_EQ(test, strchr(s, 'a'), s);
	KTEST_EXPECT_PTR_EQ(test, strrchr(s, 'a'), s);
	KTEST_EXPECT_NULL(test, strchr(s, 'x'));
	KTEST_EXPECT_NULL(test, strrchr(s, 'x'));
	KTEST_EXPECT_PTR_EQ(test, strchr(s, '\0'), s + 5);	/* terminator */
	KTEST_EXPECT_PTR_EQ(test, strrchr(s, '\0'), s + 5);
	KTEST_EXPECT_PTR_EQ(test, strchr(s, '/' + 0x100), s + 1);
	KTEST_EXPECT_NULL(test, strchr("", 'a'));
	KTEST_EXPECT_PTR_EQ(test, strchr(high, 0xff), high);
	KTEST_EXPECT_PTR_EQ(test, strchr(high, -1), high);
}

static void string_strstr(struct ktest *test)
{
	static const char s[] = "aaab, aab";

	KTEST_EXPECT_PTR_EQ(test, strstr(s, "aab"), s + 1);	/* after a false start */
	KTEST_EXPECT_PTR_EQ(test, strstr(s, ", "), s + 4);
	KTEST_EXPECT_PTR_EQ(test, strstr(s, "ab"), s + 2);
	KTEST_EXPECT_PTR_EQ(test, strstr(s, ""), s);		/* empty needle */
	KTEST_EXPECT_PTR_EQ(test, strstr(s, s), s);
	KTEST_EXPECT_NULL(test, strstr(s, "abc"));
	KTEST_EXPECT_NULL(test, strstr(s, "aaab, aabb"));	/* too long */
	KTEST_EXPECT_NULL(test, strstr("", "a"));
	KTEST_EXPECT_PTR_EQ(test, strstr(s, "b"), s + 3);
}

static void string_strsep(struct ktest *test)
{
	char buf[] = "a,b,,c;d";
	char *rest = buf;

	KTEST_EXPECT_STREQ(test, strsep(&rest, ","), "a");
	KTEST_EXPECT_PTR_EQ(test, rest, buf + 2);
	KTEST_EXPECT_STREQ(test, strsep(&rest, ","), "b");
	KTEST_EXPECT_STREQ(test, strsep(&rest, ","), "");	/* ",," */
	KTEST_EXPECT_STREQ(test, strsep(&rest, ",;"), "c");
	KTEST_EXPECT_PTR_EQ(test, rest, buf + 7);
	KTEST_EXPECT_STREQ(test, strsep(&rest, ",;"), "d");	/* the last */
	KTEST_EXPECT_NULL(test, rest);
	KTEST_EXPECT_NULL(test, strsep(&rest, ","));		/* and no more */
	KTEST_EXPECT_NULL(test, rest);
	KTEST_EXPECT_EQ(test, memcmp(buf, "a\0b\0\0c\0d", 9), 0);

	rest = buf;
	buf[0] = '\0';
	KTEST_EXPECT_STREQ(test, strsep(&rest, ","), "");	/* empty string */
	KTEST_EXPECT_NULL(test, rest);
}

static struct ktest_case string_cases[] = {
	KTEST_CASE(string_memcpy),
	KTEST_CASE(string_memset),
	KTEST_CASE(string_memmove_overlap),
	KTEST_CASE(string_memcmp),
	KTEST_CASE(string_memchr),
	KTEST_CASE(string_memchr_inv),
	KTEST_CASE(string_strlen),
	KTEST_CASE(string_strcmp),
	KTEST_CASE(string_strcpy),
	KTEST_CASE(string_strscpy),
	KTEST_CASE(string_strchr),
	KTEST_CASE(string_strstr),
	KTEST_CASE(string_strsep),
	{}
};

static struct ktest_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
ktest_suite(string_suite);
