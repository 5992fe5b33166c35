// SPDX-License-Identifier: GPL-2.0
/*
 * tests/host/lib_test.c - check lib/ against the host's C library.
 *
 * lib/vsnprintf.c, lib/string.c and lib/kstrtox.c are compiled for the host
 * with every public name prefixed "dissect_" (see Makefile.lib), so they
 * link beside the C library.  This program then
 *
 *  - formats 200,000 random format strings (integers with random flags,
 *    widths, precisions and length modifiers, %s, %c, '*' arguments, several
 *    conversions in one format) with both vsnprintf()s, at a random buffer
 *    size, and demands the same return value and the same (truncated,
 *    terminated) output, in a buffer allocated at exactly that size so that
 *    AddressSanitizer catches a single byte written past it.  Integer cases
 *    where Linux's printf, which dissect follows, deliberately differs from
 *    C (linux_differs()) are drawn again instead;
 *  - checks those cases, and the kernel's own conversions (%p, %pS, unknown
 *    conversions, ...), against fixed expectations;
 *  - compares the string functions with the C library's on random inputs;
 *  - compares kstrtoull()/kstrtoint() with a strtoull()-based model.
 *
 * The random generator is seeded with a constant, so a failure repeats.
 * Prints one summary line; exits 1 on any mismatch.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#define PRINTF_CASES	200000
#define STRING_CASES	100000
#define KSTRTOX_CASES	100000
#define SEED		0x5eed1234abcdULL
#define REPORT_MAX	10

/* lib/, renamed. */
int dissect_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int dissect_snprintf(char *buf, size_t size, const char *fmt, ...);
int dissect_vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int dissect_scnprintf(char *buf, size_t size, const char *fmt, ...);
int dissect_sprintf(char *buf, const char *fmt, ...);
void *dissect_memcpy(void *dst, const void *src, size_t n);
void *dissect_memmove(void *dst, const void *src, size_t n);
void *dissect_memset(void *s, int c, size_t n);
int dissect_memcmp(const void *a, const void *b, size_t n);
void *dissect_memchr(const void *s, int c, size_t n);
void *dissect_memchr_inv(const void *s, int c, size_t n);
size_t dissect_strlen(const char *s);
size_t dissect_strnlen(const char *s, size_t max);
int dissect_strcmp(const char *a, const char *b);
int dissect_strncmp(const char *a, const char *b, size_t n);
char *dissect_strcpy(char *dst, const char *src);
ssize_t dissect_strscpy(char *dst, const char *src, size_t size);
char *dissect_strchr(const char *s, int c);
char *dissect_strrchr(const char *s, int c);
char *dissect_strstr(const char *haystack, const char *needle);
char *dissect_strsep(char **s, const char *delims);
int dissect_kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int dissect_kstrtoint(const char *s, unsigned int base, int *res);
unsigned long long dissect_memparse(const char *s, char **retptr);

static unsigned long failures;

static void failed(const char *what, const char *fmt, ...)
{
	va_list ap;

	if (failures++ >= REPORT_MAX)
		return;
	fprintf(stderr, "MISMATCH %s: ", what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- kallsyms stand-in: two fake symbols for %pS, %ps and %pB ---- */

static const struct { unsigned long addr, size; const char *name; } syms[] = {
	{ 0x1000, 0x100, "start_kernel" },
	{ 0x1100, 0x80, "rest_init" },
};

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		if (addr >= syms[i].addr && addr < syms[i].addr + syms[i].size) {
			*size = syms[i].size;
			*offset = addr - syms[i].addr;
			return syms[i].name;
		}
	}
	return NULL;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr, &symsize, &offset);

	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}

/* ---- random numbers: splitmix64 ---- */

static uint64_t rng_state = SEED;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rnd_below(int n)
{
	return (int)(rnd() % (uint64_t)n);
}

/* A value that often sits at an edge of some integer type. */
static uint64_t rnd_value(void)
{
	static const uint64_t edges[] = {
		0, 1, -1ULL, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
		0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL,
		INT64_MAX, (uint64_t)INT64_MIN, -2ULL, -128ULL, -129ULL,
		-32768ULL, -2147483648ULL, 10, 100, 999, 1000, 0x1234abcd,
	};

	switch (rnd_below(4)) {
	case 0:
		return edges[rnd_below(sizeof(edges) / sizeof(edges[0]))];
	case 1:
		return (uint64_t)(rnd_below(601) - 300);
	default:
		return rnd() >> rnd_below(64);
	}
}

/* ---- vsnprintf against the C library ---- */

static unsigned long printf_cases;

/*
 * Format with both implementations.  Ours gets a buffer of a random size
 * (often too small), allocated at exactly that size; the C library's
 * output, made in a large buffer, says what ours must hold.
 */
static void compare(const char *fmt, ...)
{
	char ref[4096], *buf;
	va_list ap, ap2, ap3;
	int ref_len, len, clen;
	size_t size, keep;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	va_copy(ap3, ap);
	ref_len = vsnprintf(ref, sizeof(ref), fmt, ap);
	size = rnd_below(2) ? sizeof(ref) : (size_t)rnd_below(ref_len + 3);
	buf = size ? malloc(size) : NULL;
	len = dissect_vsnprintf(buf, size, fmt, ap2);
	keep = size == 0 ? 0 : (size_t)ref_len < size ? (size_t)ref_len : size - 1;
	printf_cases++;
	if (len != ref_len)
		failed("vsnprintf", "\"%s\" size %zu: returned %d, libc %d (\"%s\")",
		       fmt, size, len, ref_len, ref);
	else if (size && (memcmp(buf, ref, keep) || buf[keep]))
		failed("vsnprintf", "\"%s\" size %zu: \"%.*s\", libc \"%s\"",
		       fmt, size, (int)keep, buf, ref);
	clen = dissect_vscnprintf(buf, size, fmt, ap3);
	if (clen != (int)keep)
		failed("vscnprintf", "\"%s\" size %zu: %d, want %zu",
		       fmt, size, clen, keep);
	free(buf);
	va_end(ap3);
	va_end(ap2);
	va_end(ap);
}

/* Up to two '*' values go first, then the conversion's argument. */
#define CALL_WITH_STARS(fmt, nstar, star, arg)				\
	do {								\
		if ((nstar) == 0)					\
			compare(fmt, arg);				\
		else if ((nstar) == 1)					\
			compare(fmt, (star)[0], arg);			\
		else							\
			compare(fmt, (star)[0], (star)[1], arg);	\
	} while (0)

/* What random_spec() chose, as far as linux_differs() needs to know. */
struct spec_info {
	bool minus, zero, hash;
	int precision;		/* in effect: -1 if none */
};

/* Append random flags to @p, noting the ones that matter in @si. */
static char *random_flags(char *p, struct spec_info *si)
{
	static const char flags[] = "-+ #0";

	for (int i = 0; i < 5; i++) {
		char f = flags[rnd_below(5)];

		if (rnd_below(10) >= 3)
			continue;
		*p++ = f;
		si->minus |= f == '-';
		si->zero |= f == '0';
		si->hash |= f == '#';
	}
	return p;
}

/*
 * Append a random conversion's '%', flags, width and precision to @p; the
 * '*' values it calls for go to @star, their count to *@nstar.
 */
static char *random_spec(char *p, int *star, int *nstar, struct spec_info *si)
{
	int n;

	*si = (struct spec_info){ .precision = -1 };
	*p++ = '%';
	p = random_flags(p, si);
	switch (rnd_below(5)) {
	case 0:
	case 1:
		p += sprintf(p, "%d", 1 + rnd_below(30));
		break;
	case 2:
		*p++ = '*';
		star[(*nstar)++] = n = rnd_below(61) - 30;
		si->minus |= n < 0;
		break;
	}
	switch (rnd_below(10)) {
	case 0:
		*p++ = '.';
		si->precision = 0;
		break;
	case 1: case 2: case 3:
		si->precision = rnd_below(31);
		p += sprintf(p, ".%d", si->precision);
		break;
	case 4: case 5:
		p += sprintf(p, ".*");
		star[(*nstar)++] = n = rnd_below(36) - 5;
		si->precision = n < 0 ? -1 : n;
		break;
	}
	return p;
}

/* @v cut to the width of the type length modifier @len names. */
static uint64_t truncate_to(const char *len, uint64_t v)
{
	if (!strcmp(len, "hh"))
		return (uint8_t)v;
	if (!strcmp(len, "h"))
		return (uint16_t)v;
	if (!*len)
		return (uint32_t)v;
	return v;
}

static int octal_digits(uint64_t u)
{
	int n = 1;

	while (u >>= 3)
		n++;
	return n;
}

/*
 * Whether Linux's number(), which lib/vsnprintf.c follows, prints integer
 * @u differently from C: a '0' flag with a precision, zero with precision
 * 0, "%#x" of zero, "%#o" with a precision longer than the digits.  Those
 * cases are left to the fixed expectations.
 */
static bool linux_differs(const struct spec_info *si, char conv, uint64_t u)
{
	if (conv == 'c' || conv == 's')
		return false;
	if (si->zero && !si->minus && si->precision >= 0)
		return true;
	if (u == 0 && si->precision == 0)
		return true;
	if (si->hash && (conv == 'x' || conv == 'X') && u == 0)
		return true;
	return si->hash && conv == 'o' && u && si->precision > octal_digits(u);
}

static const char *const test_strings[] = {
	"", "a", "hello", "hello, world", "\xff\x80 high bytes",
	"a somewhat longer string to be cut by a precision",
};

/* Random literal text, sometimes with a "%%" in it. */
static char *random_text(char *p)
{
	static const char *const texts[] = { "", "", "x", "[", "] ", "%%", "a%%b" };

	return stpcpy(p, texts[rnd_below(sizeof(texts) / sizeof(texts[0]))]);
}

/* Pass @v as the type that length modifier @len and conversion @conv take. */
static void call_integer(const char *fmt, int nstar, int *star,
			 const char *len, char conv, uint64_t v)
{
	bool sign = conv == 'd' || conv == 'i';

	if (!*len || len[0] == 'h')
		CALL_WITH_STARS(fmt, nstar, star, sign ? (int)v : (int)(unsigned)v);
	else if (!strcmp(len, "l") && sign)
		CALL_WITH_STARS(fmt, nstar, star, (long)v);
	else if (!strcmp(len, "l"))
		CALL_WITH_STARS(fmt, nstar, star, (unsigned long)v);
	else if (!strcmp(len, "z") && sign)
		CALL_WITH_STARS(fmt, nstar, star, (ssize_t)v);
	else if (!strcmp(len, "z"))
		CALL_WITH_STARS(fmt, nstar, star, (size_t)v);
	else if (!strcmp(len, "t"))
		CALL_WITH_STARS(fmt, nstar, star, (ptrdiff_t)v);
	else if (!strcmp(len, "j") && sign)
		CALL_WITH_STARS(fmt, nstar, star, (intmax_t)v);
	else if (!strcmp(len, "j"))
		CALL_WITH_STARS(fmt, nstar, star, (uintmax_t)v);
	else if (sign)
		CALL_WITH_STARS(fmt, nstar, star, (long long)v);
	else
		CALL_WITH_STARS(fmt, nstar, star, (unsigned long long)v);
}

static unsigned long printf_skipped;

/*
 * One format with one conversion of any kind.  Returns false, having
 * compared nothing, if it drew a case where Linux and C differ.
 */
static bool printf_single(void)
{
	static const char *const lens[] = { "", "", "hh", "h", "l", "ll", "L",
					    "z", "t", "j" };
	static const char convs[] = "diuxXoiducs";
	char fmt[128], *p = random_text(fmt);
	int star[2], nstar = 0;
	char conv = convs[rnd_below(sizeof(convs) - 1)];
	const char *len = "";
	struct spec_info si;
	uint64_t v = rnd_value();

	p = random_spec(p, star, &nstar, &si);
	if (conv != 'c' && conv != 's')
		len = lens[rnd_below(sizeof(lens) / sizeof(lens[0]))];
	p += sprintf(p, "%s%c", len, conv);
	random_text(p);
	if (linux_differs(&si, conv, truncate_to(len, v)))
		return false;
	if (conv == 's')
		CALL_WITH_STARS(fmt, nstar, star,
				test_strings[rnd_below(sizeof(test_strings) /
						       sizeof(test_strings[0]))]);
	else if (conv == 'c')
		CALL_WITH_STARS(fmt, nstar, star, rnd_below(256));
	else
		call_integer(fmt, nstar, star, len, conv, v);
	return true;
}

/*
 * One format with up to four conversions whose arguments are all int, so
 * one call can pass them all (unused trailing arguments are allowed).
 * Returns false, as printf_single().
 */
static bool printf_multi(void)
{
	static const char *const lens[] = { "", "h", "hh" };
	static const char convs[] = "diuxXoc";
	char fmt[256], *p = random_text(fmt);
	int a[12], n = 0, count = 1 + rnd_below(4);

	for (int i = 0; i < count; i++) {
		int star[2], nstar = 0;
		char conv = convs[rnd_below(sizeof(convs) - 1)];
		const char *len = conv == 'c' ? "" : lens[rnd_below(3)];
		uint64_t v = rnd_value();
		struct spec_info si;

		if (conv != 'd' && conv != 'i')
			v &= 0x7fffffff;	/* an int that is a valid unsigned */
		p = random_spec(p, star, &nstar, &si);
		p += sprintf(p, "%s%c", len, conv);
		p = random_text(p);
		if (linux_differs(&si, conv, truncate_to(len, v)))
			return false;
		for (int s = 0; s < nstar; s++)
			a[n++] = star[s];
		a[n++] = conv == 'c' ? rnd_below(256) : (int)v;
	}
	while (n < 12)
		a[n++] = 0;
	compare(fmt, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
		a[9], a[10], a[11]);
	return true;
}

/* ---- fixed expectations: what only the kernel's printf does ---- */

static void expect(const char *want, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = dissect_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (len != (int)strlen(want) || strcmp(buf, want))
		failed("fixed", "\"%s\": \"%s\" (%d), want \"%s\"",
		       fmt, buf, len, want);
}

static void printf_fixed(void)
{
	char buf[64];

	/* Linux's number(), where C differs */
	expect("0x0", "%#x", 0);
	expect("0X0", "%#X", 0);
	expect("0x0000000000000000", "%#018llx", 0ULL);
	expect("0x0009fbff", "%#010lx", 0x9fbffUL);
	expect("0x000000", "%#08.3x", 0);
	expect("0", "%.0d", 0);
	expect("0", "%.d", 0);
	expect("    0", "%5.0u", 0);
	expect("00000042", "%08.5d", 42);
	expect("-0000042", "%08.5d", -42);
	expect("00042   |", "%-08.5d|", 42);
	expect("0010", "%#.3o", 8);
	expect(" 0010", "%#5.3o", 8);
	expect("0", "%#o", 0);
	expect("0", "%#.0o", 0);
	expect("000", "%#.3o", 0);
	/* the kernel's own conversions */
	expect("0000000000001234", "%p", (void *)0x1234);
	expect("ffffffff81000000|", "%px|", (void *)0xffffffff81000000UL);
	expect("0000000000000000", "%p", NULL);
	expect("                1234", "%20p", (void *)0x1234);
	expect("0000000000001234-", "%pfoo-", (void *)0x1234);
	expect("start_kernel+0x10/0x100", "%pS", (void *)0x1010);
	expect("start_kernel", "%ps", (void *)0x1010);
	expect("[   start_kernel]", "[%15ps]", (void *)0x1010);
	expect("rest_init+0x0/0x80", "%pS", (void *)0x1100);
	expect("start_kernel+0x100/0x100", "%pB", (void *)0x1100);
	expect("0x2000", "%pS", (void *)0x2000);
	expect("0x2000", "%ps", (void *)0x2000);
	expect("%q", "%q");
	expect("%5q|%y7", "%5q|%y%d", 7);
	expect("50%", "50%");
	expect("%l", "%l");
	expect("(null)", "%s", (char *)NULL);
	expect("(nu", "%.3s", (char *)NULL);
	expect("  (null)", "%8s", (char *)NULL);
	expect("abc", "%.3s", "abcdef");
	expect("18446744073709551615", "%llu", -1ULL);
	expect("-9223372036854775808", "%lld", INT64_MIN);
	expect("x", "%c", 'x');
	if (dissect_snprintf(buf, (size_t)INT32_MAX + 1, "abc") != 0)
		failed("fixed", "size > INT_MAX must return 0");
	if (dissect_sprintf(buf, "%d-%s", 42, "x") != 4 || strcmp(buf, "42-x"))
		failed("fixed", "sprintf: \"%s\"", buf);
	if (dissect_scnprintf(buf, 4, "%s", "abcdef") != 3 || strcmp(buf, "abc"))
		failed("fixed", "scnprintf: \"%s\"", buf);
	if (dissect_scnprintf(NULL, 0, "%s", "abcdef") != 0)
		failed("fixed", "scnprintf size 0");
}

/* ---- string functions against the C library ---- */

static int sign_of(int x)
{
	return (x > 0) - (x < 0);
}

/* A random string of @len characters over a small alphabet, so they repeat. */
static void random_string(char *s, size_t len)
{
	static const char alphabet[] = "ab,;\xff";

	for (size_t i = 0; i < len; i++)
		s[i] = alphabet[rnd_below(sizeof(alphabet) - 1)];
	s[len] = '\0';
}

static void string_memory(void)
{
	unsigned char a[256], b[256];
	size_t n = rnd_below(120), src = rnd_below(120), dst = rnd_below(120);
	int c = rnd_below(1024) - 512;

	for (size_t i = 0; i < sizeof(a); i++)
		a[i] = b[i] = (unsigned char)rnd();
	if (dissect_memmove(a + dst, a + src, n) != a + dst)
		failed("memmove", "return value");
	memmove(b + dst, b + src, n);
	if (memcmp(a, b, sizeof(a)))
		failed("memmove", "dst %zu src %zu n %zu", dst, src, n);
	dissect_memset(a + dst, c, n);
	memset(b + dst, c, n);
	if (memcmp(a, b, sizeof(a)))
		failed("memset", "c %d n %zu", c, n);
	if (dissect_memcpy(a + 128, b + src, n) != a + 128 ||
	    memcmp(a + 128, b + src, n))
		failed("memcpy", "n %zu", n);
	a[rnd_below(256)] = (unsigned char)rnd();
	if (sign_of(dissect_memcmp(a, b, n)) != sign_of(memcmp(a, b, n)))
		failed("memcmp", "n %zu", n);
	if (dissect_memchr(a + src, c, n) != memchr(a + src, c, n))
		failed("memchr", "c %d n %zu", c, n);
}

/* Split @c and its copy @d with our strsep() and the C library's. */
static void string_strsep(char *c, char *d)
{
	char *p = c, *q = d, *t, *u;
	size_t len = strlen(c);

	do {
		t = dissect_strsep(&p, ",;");
		u = strsep(&q, ",;");
		if ((t ? t - c : -1) != (u ? u - d : -1) ||
		    (p ? p - c : -1) != (q ? q - d : -1)) {
			failed("strsep", "\"%s\"", d);
			return;
		}
	} while (t);
	if (memcmp(c, d, len + 1))
		failed("strsep", "different bytes left in \"%s\"", d);
}

static void string_strings(void)
{
	char a[64], b[64], c[64], d[64];
	int ch = "ab,;\xff"[rnd_below(6)];	/* '\0' included */
	size_t n = rnd_below(40);

	random_string(a, rnd_below(40));
	random_string(b, rnd_below(4));
	if (dissect_strlen(a) != strlen(a) || dissect_strnlen(a, n) != strnlen(a, n))
		failed("strlen", "\"%s\"", a);
	if (sign_of(dissect_strcmp(a, b)) != sign_of(strcmp(a, b)) ||
	    sign_of(dissect_strncmp(a, b, n)) != sign_of(strncmp(a, b, n)))
		failed("strcmp", "\"%s\" \"%s\" %zu", a, b, n);
	if (dissect_strchr(a, ch) != strchr(a, ch) ||
	    dissect_strrchr(a, ch) != strrchr(a, ch))
		failed("strchr", "\"%s\" %d", a, ch);
	if (dissect_strstr(a, b) != strstr(a, b))
		failed("strstr", "\"%s\" \"%s\"", a, b);
	if (dissect_strcpy(c, a) != c || strcmp(c, a))
		failed("strcpy", "\"%s\"", a);
	strcpy(d, a);
	string_strsep(c, d);
}

static void string_strscpy(void)
{
	char src[64], dst[64];
	size_t len = rnd_below(40), size = rnd_below(45);
	ssize_t ret;

	random_string(src, len);
	memset(dst, 'Z', sizeof(dst));
	ret = dissect_strscpy(dst, src, size);
	if (size == 0 && (ret != -E2BIG || dst[0] != 'Z'))
		failed("strscpy", "size 0");
	else if (size > len && (ret != (ssize_t)len || strcmp(dst, src)))
		failed("strscpy", "\"%s\" size %zu: %zd", src, size, ret);
	else if (size && size <= len &&
		 (ret != -E2BIG || strncmp(dst, src, size - 1) || dst[size - 1]))
		failed("strscpy", "\"%s\" size %zu: %zd", src, size, ret);
	if (dst[size <= len ? size : len + 1] != 'Z')
		failed("strscpy", "\"%s\" size %zu: wrote too far", src, size);
}

static void string_memchr_inv(void)
{
	unsigned char a[100];
	size_t n = rnd_below(100), at = rnd_below(100);
	void *want = at < n ? a + at : NULL;

	memset(a, 0x5a, sizeof(a));
	a[at] = 0x5b;
	if (dissect_memchr_inv(a, 0x5a, n) != want ||
	    dissect_memchr_inv(a, 0x15a, n) != want)
		failed("memchr_inv", "n %zu at %zu", n, at);
}

/* ---- kstrtox against strtoull() ---- */

/* What kstrtoull() should do, worked out with strtoull(). */
static int model_kstrtoull(const char *s, unsigned int base,
			   unsigned long long *res)
{
	const char *p = s[0] == '+' ? s + 1 : s;
	char *end;

	if (*p == '+' || *p == '-' || *p == ' ' || *p == '\n')
		return -EINVAL;
	errno = 0;
	*res = strtoull(p, &end, base);
	if (end == p)
		return -EINVAL;
	if (errno == ERANGE)
		return -ERANGE;
	if (*end == '\n')
		end++;
	return *end ? -EINVAL : 0;
}

/* What kstrtoint() should do, from model_kstrtoull(). */
static int model_kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = s[0] == '-';
	int ret;

	if (neg && s[1] == '+')
		return -EINVAL;
	ret = model_kstrtoull(s + neg, base, &v);
	if (ret)
		return ret;
	if (v > (neg ? 0x80000000ULL : 0x7fffffffULL))
		return -ERANGE;
	*res = neg ? (int)(0 - (unsigned int)v) : (int)v;
	return 0;
}

/* A string that is often, but not always, a number in @base. */
static void random_number_string(char *s, unsigned int base)
{
	static const char *const heads[] = { "", "", "", "+", "-", "0x", "0X",
					     "0", " ", "+-" };
	static const char *const tails[] = { "", "", "", "\n", "\n\n", "x", " " };
	static const char digits[] = "0123456789abcdefABCDEFg";
	int n = rnd_below(4) ? 1 + rnd_below(12) : rnd_below(25);

	s = stpcpy(s, heads[rnd_below(sizeof(heads) / sizeof(heads[0]))]);
	for (int i = 0; i < n; i++)
		*s++ = digits[rnd_below(base == 16 ? 23 : base ? (int)base : 10)];
	strcpy(s, tails[rnd_below(sizeof(tails) / sizeof(tails[0]))]);
}

/* Compare kstrtoull() and kstrtoint() on @s with the models. */
static void kstrtox_compare(const char *s, unsigned int base)
{
	unsigned long long got = 7, want = 7;
	int igot = 7, iwant = 7, r1, r2;

	r1 = dissect_kstrtoull(s, base, &got);
	r2 = model_kstrtoull(s, base, &want);
	if (r1 != r2 || (r1 == 0 && got != want) || (r1 && got != 7))
		failed("kstrtoull", "\"%s\" base %u: %d %llu, want %d %llu",
		       s, base, r1, got, r2, want);
	r1 = dissect_kstrtoint(s, base, &igot);
	r2 = model_kstrtoint(s, base, &iwant);
	if (r1 != r2 || igot != iwant)
		failed("kstrtoint", "\"%s\" base %u: %d %d, want %d %d",
		       s, base, r1, igot, r2, iwant);
}

static void kstrtox_random(void)
{
	static const unsigned int bases[] = { 0, 2, 8, 10, 16 };
	unsigned int base = bases[rnd_below(5)];
	char s[64];

	random_number_string(s, base);
	kstrtox_compare(s, base);
}

/* The values either side of every limit, in every base. */
static void kstrtox_limits(void)
{
	static const char *const t[] = {
		"18446744073709551615", "18446744073709551616",
		"18446744073709551620", "99999999999999999999",
		"0xffffffffffffffff", "0x10000000000000000", "0xffffffffffffffff0",
		"01777777777777777777777", "02000000000000000000000",
		"1111111111111111111111111111111111111111111111111111111111111111",
		"11111111111111111111111111111111111111111111111111111111111111111",
		"2147483647", "2147483648", "-2147483648", "-2147483649",
		"0x7fffffff", "0x80000000", "-0x80000000", "-0x80000001",
		"-9223372036854775808", "-18446744073709551615", "-0", "+0",
	};
	static const unsigned int bases[] = { 0, 2, 8, 10, 16 };

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
			kstrtox_compare(t[i], bases[b]);
	}
}

static void memparse_fixed(void)
{
	static const struct { const char *s; unsigned long long v; int used; } t[] = {
		{ "4K", 4096, 2 }, { "16m", 16ULL << 20, 3 }, { "2G", 2ULL << 30, 2 },
		{ "1T", 1ULL << 40, 2 }, { "1p", 1ULL << 50, 2 }, { "1E", 1ULL << 60, 2 },
		{ "0x10M", 16ULL << 20, 5 }, { "010", 8, 3 }, { "12Kx", 12288, 3 },
		{ "abc", 0, 0 }, { "123", 123, 3 }, { "0xg", 0, 1 },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *end;
		unsigned long long v = dissect_memparse(t[i].s, &end);

		if (v != t[i].v || end != t[i].s + t[i].used)
			failed("memparse", "\"%s\": %llu +%td", t[i].s, v, end - t[i].s);
	}
}

int main(void)
{
	clock_t start = clock();
	int i;

	while (printf_cases < PRINTF_CASES) {
		bool compared = rnd_below(4) ? printf_single() : printf_multi();

		printf_skipped += !compared;
	}
	printf_fixed();
	for (i = 0; i < STRING_CASES; i++) {
		string_memory();
		string_strings();
		string_strscpy();
		string_memchr_inv();
	}
	for (i = 0; i < KSTRTOX_CASES; i++)
		kstrtox_random();
	kstrtox_limits();
	memparse_fixed();
	printf("lib_test: %lu printf cases (%lu more redrawn: Linux differs "
	       "from C), %d string, %d kstrtox, seed %#llx: %lu mismatches, "
	       "%.1fs\n", printf_cases, printf_skipped, STRING_CASES,
	       KSTRTOX_CASES, SEED, failures,
	       (double)(clock() - start) / CLOCKS_PER_SEC);
	return failures ? 1 : 0;
}
