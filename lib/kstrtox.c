// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kstrtox.c - strict string-to-integer conversion.
 *
 * The kstrto*() functions accept a whole string or nothing: an optional
 * sign, digits, and at most one trailing newline (so text written to a
 * control file can be passed straight in).  Anything else is -EINVAL, and a
 * value that does not fit the result type is -ERANGE.  The result is written
 * only on success.  There is no leading-whitespace skipping.
 *
 * Base 0 picks the base from the prefix, as C does: "0x" is hex, a leading
 * "0" octal, anything else decimal.  Base 16 also accepts a "0x" prefix.
 */
#include <types.h>
#include <ctype.h>
#include <errno.h>
#include <printk.h>

/*
 * Resolve base 0 from @s's prefix into *@base, and step over a "0x" that
 * introduces hex digits.  Returns where the digits start.  "0x" not followed
 * by a hex digit is the octal number 0 followed by junk.
 */
static const char *parse_integer_fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] != '0')
			*base = 10;
		else if (tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else
			*base = 8;
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

/* The value of digit @c, or 16 (bigger than any base) if it is not one. */
static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 16;
}

/*
 * parse_integer - read the digits of base @base at @s
 *
 * Stores their value in *@res (modulo 2^64 if it overflowed) and sets
 * *@overflow if it did.  Returns the number of digits read, 0 if @s does
 * not start with one.
 */
static unsigned int parse_integer(const char *s, unsigned int base,
				  unsigned long long *res, bool *overflow)
{
	unsigned long long value = 0;
	unsigned int n = 0, digit;

	*overflow = false;
	for (; (digit = digit_value(s[n])) < base; n++) {
		if (value > (UINT64_MAX - digit) / base)
			*overflow = true;
		value = value * base + digit;
	}
	*res = value;
	return n;
}

/* kstrtoull() without the leading '+'. */
static int _kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long value;
	unsigned int n;
	bool overflow;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = parse_integer_fixup_radix(s, &base);
	n = parse_integer(s, base, &value, &overflow);
	if (overflow)
		return -ERANGE;
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = value;
	return 0;
}

/**
 * kstrtoull - convert a string to an unsigned long long
 * @s: the string: an optional '+', digits, an optional '\n'
 * @base: 2 to 16, or 0 to choose by prefix ("0x" hex, "0" octal)
 * @res: where to store the value; left alone on error
 *
 * Return: 0, -ERANGE if the value does not fit, or -EINVAL if @s is not a
 * number (no digits, a '-', spaces, anything after the digits but '\n').
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return _kstrtoull(s, base, res);
}

/**
 * kstrtoul - convert a string to an unsigned long
 * @s: the string, as for kstrtoull()
 * @base: as for kstrtoull()
 * @res: where to store the value; left alone on error
 *
 * Return: as kstrtoull().
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long value;
	int ret;

	BUILD_BUG_ON(sizeof(unsigned long) != sizeof(unsigned long long));
	ret = kstrtoull(s, base, &value);
	if (ret == 0)
		*res = value;
	return ret;
}

/*
 * Convert @s, which may start with '-' (or, through kstrtoull(), with '+'),
 * to a long long.  Returns 0, -ERANGE or -EINVAL, as kstrtoull().
 */
static int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long value;
	int ret;

	if (s[0] == '-') {
		ret = _kstrtoull(s + 1, base, &value);
		if (ret)
			return ret;
		if (value > (unsigned long long)INT64_MAX + 1)
			return -ERANGE;
		*res = (long long)(0 - value);
		return 0;
	}
	ret = kstrtoull(s, base, &value);
	if (ret)
		return ret;
	if (value > INT64_MAX)
		return -ERANGE;
	*res = value;
	return 0;
}

/**
 * kstrtoint - convert a string to an int
 * @s: the string: an optional '+' or '-', digits, an optional '\n'
 * @base: as for kstrtoull()
 * @res: where to store the value; left alone on error
 *
 * Return: 0, -ERANGE if the value is outside int's range, or -EINVAL.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long value;
	int ret;

	ret = kstrtoll(s, base, &value);
	if (ret)
		return ret;
	if (value != (int)value)
		return -ERANGE;
	*res = value;
	return 0;
}

/**
 * memparse - parse a size with an optional binary suffix
 * @s: the string: a number in C notation (decimal, 0x hex or 0 octal)
 *     followed by an optional K, M, G, T, P or E (either case)
 * @retptr: if not NULL, set to the first character not consumed
 *
 * The suffixes multiply by 2^10, 2^20, 2^30, 2^40, 2^50 and 2^60, so
 * "mem=512M" means 512 MiB.  Parsing is lenient, as for the kernel command
 * line: it stops at the first character that does not fit, an overflowing
 * value wraps, and a string that starts with neither a digit nor a suffix
 * gives 0 with *@retptr == @s.
 *
 * Return: the value.
 */
unsigned long long memparse(const char *s, char **retptr)
{
	static const char suffixes[] = "KMGTPE";
	unsigned long long value;
	unsigned int base = 0, i;
	bool overflow;

	s = parse_integer_fixup_radix(s, &base);
	s += parse_integer(s, base, &value, &overflow);
	for (i = 0; suffixes[i]; i++) {
		if (*s == suffixes[i] || *s == tolower(suffixes[i])) {
			value <<= 10 * (i + 1);
			s++;
			break;
		}
	}
	if (retptr)
		*retptr = (char *)s;
	return value;
}
