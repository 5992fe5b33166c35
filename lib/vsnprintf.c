// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsnprintf.c - the kernel's printf engine.
 *
 * Every routine here writes through a cursor pair (buf, end), as Linux's
 * lib/vsprintf.c does: @buf is where the next character goes and @end is one
 * past the last byte the caller may touch.  A character is stored only while
 * buf < end, but buf advances for every character the output would have
 * had, so at the end buf - start is the untruncated length, which is what
 * vsnprintf() returns.  Truncation therefore needs no special cases.
 *
 * Numbers come out exactly as Linux prints them, which differs from C in
 * corners that kernel code relies on: see number().  The format itself is
 * read as C reads it, where Linux's parser has quirks: a '.' with no digits
 * is precision 0 (Linux: none) and a negative '*' precision is none (Linux:
 * 0).  An unknown conversion is printed as written and formatting goes on
 * (Linux stops there).
 *
 * %p prints the raw address (Linux hashes it unless you write %px), and the
 * kernel extensions %pS, %ps and %pB print the symbol an address falls in.
 */
#include <types.h>
#include <compiler.h>
#include <ctype.h>
#include <string.h>
#include <stdarg.h>
#include <printk.h>
#include <kallsyms.h>

/* Flags for number() and friends; the values are Linux's. */
#define SIGN	1		/* the conversion is signed */
#define LEFT	2		/* '-': left-justify in the field */
#define PLUS	4		/* '+': show a '+' on non-negative numbers */
#define SPACE	8		/* ' ': show a space on non-negative numbers */
#define ZEROPAD	16		/* '0': pad the field with zeroes */
#define SMALL	32		/* lower-case hex digits */
#define SPECIAL	64		/* '#': "0x" for hex, a leading 0 for octal */

/* Widths and precisions are clamped to this, as in Linux. */
#define SPEC_NUM_MAX	((1 << 23) - 1)

enum format_type {
	FORMAT_TYPE_NONE,		/* literal text up to the next '%' */
	FORMAT_TYPE_INVALID,		/* a bad conversion, printed as text */
	FORMAT_TYPE_PERCENT_CHAR,
	FORMAT_TYPE_CHAR,
	FORMAT_TYPE_STR,
	FORMAT_TYPE_PTR,
	FORMAT_TYPE_INT,		/* d i u o x X; see qualifier */
};

/* One decoded conversion: "%-08.3lx" is flags, width, precision, 'l', 'x'. */
struct printf_spec {
	u8 type;		/* enum format_type */
	u8 flags;		/* SIGN, LEFT, ... */
	u8 base;		/* 8, 10 or 16 */
	char qualifier;		/* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'z', 't', 'j' */
	int field_width;	/* -1 if none */
	int precision;		/* -1 if none */
};

/* Emit one character through the cursor. */
static char *put_char(char *buf, char *end, char c)
{
	if (buf < end)
		*buf = c;
	return buf + 1;
}

/* Emit @n copies of @c; nothing if @n <= 0. */
static char *put_repeat(char *buf, char *end, char c, int n)
{
	for (; n > 0; n--)
		buf = put_char(buf, end, c);
	return buf;
}

/* Emit @n characters of @s, which may include NULs. */
static char *put_chars(char *buf, char *end, const char *s, size_t n)
{
	if (buf < end)
		memcpy(buf, s, n < (size_t)(end - buf) ? n : (size_t)(end - buf));
	return buf + n;
}

/*
 * Convert @num to digits in @spec's base, least significant first, into
 * @tmp.  Returns the number of digits: at least one, so 0 gives "0".
 */
static int put_digits(char *tmp, unsigned long long num,
		      const struct printf_spec *spec)
{
	static const char digits[] = "0123456789ABCDEF";
	char locase = spec->flags & SMALL;	/* 0x20 turns 'A' into 'a' */
	int i = 0;

	do {
		tmp[i++] = digits[num % spec->base] | locase;
		num /= spec->base;
	} while (num);
	return i;
}

/*
 * The sign character a signed conversion needs, or 0.  Turns a negative
 * *@num into its magnitude (unsigned negation, so LLONG_MIN works).
 */
static char number_sign(unsigned long long *num, u8 flags)
{
	if (!(flags & SIGN))
		return 0;
	if ((long long)*num < 0) {
		*num = 0 - *num;
		return '-';
	}
	if (flags & PLUS)
		return '+';
	if (flags & SPACE)
		return ' ';
	return 0;
}

/*
 * The '#' prefix: "0x" or "0X" for hex, "0" for a non-zero octal number.
 * As in Linux, hex gets its prefix even for zero ("%#x" of 0 is "0x0",
 * where C says "0"), so "%#018llx" always shows 0x and 16 digits; and the
 * octal "0" comes on top of any precision zeroes ("%#.3o" of 8 is "0010",
 * where C says "010").
 */
static const char *number_prefix(const struct printf_spec *spec, bool is_zero)
{
	if (!(spec->flags & SPECIAL) || spec->base == 10)
		return "";
	if (spec->base == 16)
		return spec->flags & SMALL ? "0x" : "0X";
	return is_zero ? "" : "0";
}

/*
 * number - format an integer
 *
 * Lays out [spaces][sign][prefix][zero padding][precision zeroes]digits
 * [spaces] in a field of @spec.field_width.  @num is the value's bit
 * pattern widened to 64 bits; with SIGN in @spec.flags it is read as
 * signed.  As in Linux, there is always at least one digit (C prints
 * nothing for "%.0d" of 0) and '0' pads even when a precision is given
 * (C then ignores the '0').
 */
static char *number(char *buf, char *end, unsigned long long num,
		    struct printf_spec spec)
{
	char tmp[3 * sizeof(num)];
	char sign = number_sign(&num, spec.flags);
	const char *prefix = number_prefix(&spec, num == 0);
	int len = put_digits(tmp, num, &spec);
	int precision = spec.precision > len ? spec.precision : len;
	int pad = spec.field_width - precision - !!sign - (int)strlen(prefix);

	if (spec.flags & LEFT)
		spec.flags &= ~ZEROPAD;
	if (!(spec.flags & (LEFT | ZEROPAD)))
		buf = put_repeat(buf, end, ' ', pad);
	if (sign)
		buf = put_char(buf, end, sign);
	buf = put_chars(buf, end, prefix, strlen(prefix));
	if (spec.flags & ZEROPAD)
		buf = put_repeat(buf, end, '0', pad);
	buf = put_repeat(buf, end, '0', precision - len);
	while (len)
		buf = put_char(buf, end, tmp[--len]);
	if (spec.flags & LEFT)
		buf = put_repeat(buf, end, ' ', pad);
	return buf;
}

/*
 * Emit @len bytes of @s padded with spaces to @spec.field_width, on the left
 * or (with LEFT) on the right.  The '0' flag does not apply to text.
 */
static char *put_padded(char *buf, char *end, const char *s, size_t len,
			struct printf_spec spec)
{
	int pad = 0;

	if (spec.field_width > 0 && len < (size_t)spec.field_width)
		pad = spec.field_width - (int)len;
	if (!(spec.flags & LEFT))
		buf = put_repeat(buf, end, ' ', pad);
	buf = put_chars(buf, end, s, len);
	if (spec.flags & LEFT)
		buf = put_repeat(buf, end, ' ', pad);
	return buf;
}

/*
 * string - format a %s argument
 *
 * A NULL @s prints "(null)".  The precision, if any, is the most characters
 * taken from @s, and no byte beyond them is read, so @s need not be
 * terminated when a precision bounds it.
 */
static char *string(char *buf, char *end, const char *s,
		    struct printf_spec spec)
{
	size_t max = spec.precision < 0 ? SIZE_MAX : (size_t)spec.precision;

	if (!s)
		s = "(null)";
	return put_padded(buf, end, s, strnlen(s, max), spec);
}

/* A raw address: by default all 16 hex digits, without "0x". */
static char *pointer_string(char *buf, char *end, const void *ptr,
			    struct printf_spec spec)
{
	spec.base = 16;
	spec.flags |= SMALL;
	if (spec.field_width == -1) {
		spec.field_width = 2 * sizeof(ptr);
		spec.flags |= ZEROPAD;
	}
	return number(buf, end, (uintptr_t)ptr, spec);
}

/*
 * "name+0xoff/0xsize" for a return address.  A call that ends a function
 * (a call to a noreturn function) leaves a return address just past the
 * function's end, inside the next symbol, so look up @addr - 1 and add the
 * one back to the offset.
 */
static void sprint_backtrace(char *sym, size_t size, unsigned long addr)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr - 1, &symsize, &offset);

	if (!name)
		sprint_symbol(sym, size, addr);
	else
		snprintf(sym, size, "%s+0x%lx/0x%lx", name, offset + 1, symsize);
}

/*
 * symbol_string - format %pS ("name+0xoff/0xsize"), %ps ("name") or %pB
 * (as %pS, for a return address).  An address outside every symbol prints
 * as sprint_symbol() shows it.
 */
static char *symbol_string(char *buf, char *end, void *ptr,
			   struct printf_spec spec, const char *fmt)
{
	char sym[KSYM_SYMBOL_LEN];
	char *offset;

	if (*fmt == 'B')
		sprint_backtrace(sym, sizeof(sym), (unsigned long)ptr);
	else
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);
	offset = strchr(sym, '+');
	if (*fmt == 's' && offset)
		*offset = '\0';
	return string(buf, end, sym, spec);
}

/*
 * pointer - format a %p argument
 * @fmt: the format just after the 'p': the extension letter, if any
 *
 * %pS, %ps and %pB print symbols; %px and a plain %p print the address.
 * The caller skips every letter and digit after the 'p', as Linux does, so
 * "%pfoo" prints the address and swallows "foo".
 */
static char *pointer(const char *fmt, char *buf, char *end, void *ptr,
		     struct printf_spec spec)
{
	switch (*fmt) {
	case 'S':
	case 's':
	case 'B':
		return symbol_string(buf, end, ptr, spec, fmt);
	default:
		return pointer_string(buf, end, ptr, spec);
	}
}

/* Read a decimal number at *@s, advancing past it; clamped to SPEC_NUM_MAX. */
static int skip_atoi(const char **s)
{
	int i = 0;

	while (isdigit(**s)) {
		i = i * 10 + (*(*s)++ - '0');
		if (i > SPEC_NUM_MAX)
			i = SPEC_NUM_MAX;
	}
	return i;
}

/* A '*' argument, clamped to +-SPEC_NUM_MAX. */
static int fetch_star(va_list *ap)
{
	int n = va_arg(*ap, int);

	if (n > SPEC_NUM_MAX)
		return SPEC_NUM_MAX;
	if (n < -SPEC_NUM_MAX)
		return -SPEC_NUM_MAX;
	return n;
}

/* Parse the flag characters "-+ #0" at @fmt; returns what follows them. */
static const char *decode_flags(const char *fmt, struct printf_spec *spec)
{
	spec->flags = 0;
	for (;; fmt++) {
		switch (*fmt) {
		case '-': spec->flags |= LEFT; break;
		case '+': spec->flags |= PLUS; break;
		case ' ': spec->flags |= SPACE; break;
		case '#': spec->flags |= SPECIAL; break;
		case '0': spec->flags |= ZEROPAD; break;
		default: return fmt;
		}
	}
}

/*
 * Parse an optional field width and precision at @fmt, fetching '*' values
 * from @ap.  A negative '*' width means '-' and its magnitude; a negative
 * '*' precision means no precision.  Returns what follows them.
 */
static const char *decode_width_precision(const char *fmt,
					  struct printf_spec *spec,
					  va_list *ap)
{
	spec->field_width = -1;
	if (isdigit(*fmt)) {
		spec->field_width = skip_atoi(&fmt);
	} else if (*fmt == '*') {
		fmt++;
		spec->field_width = fetch_star(ap);
		if (spec->field_width < 0) {
			spec->field_width = -spec->field_width;
			spec->flags |= LEFT;
		}
	}
	spec->precision = -1;
	if (*fmt != '.')
		return fmt;
	fmt++;
	if (*fmt == '*') {
		fmt++;
		spec->precision = fetch_star(ap);
		if (spec->precision < 0)
			spec->precision = -1;
	} else {
		spec->precision = skip_atoi(&fmt);
	}
	return fmt;
}

/*
 * Parse an optional length modifier at @fmt into @spec->qualifier: "hh"
 * becomes 'H', "ll" and "L" become 'L'.  Returns what follows it.
 */
static const char *decode_qualifier(const char *fmt, struct printf_spec *spec)
{
	spec->qualifier = 0;
	switch (*fmt) {
	case 'h':
	case 'l':
		spec->qualifier = *fmt++;
		if (*fmt == spec->qualifier) {
			spec->qualifier = *fmt == 'h' ? 'H' : 'L';
			fmt++;
		}
		return fmt;
	case 'L':
	case 'z':
	case 't':
	case 'j':
		spec->qualifier = *fmt;
		return fmt + 1;
	default:
		return fmt;
	}
}

/*
 * Parse the conversion character at @fmt into @spec->type (and base and
 * flags for integers).  Returns what follows it; an unknown character is
 * FORMAT_TYPE_INVALID and consumed, unless it is the terminating NUL.
 */
static const char *decode_conversion(const char *fmt, struct printf_spec *spec)
{
	spec->type = FORMAT_TYPE_INT;
	spec->base = 10;
	switch (*fmt) {
	case 'c': spec->type = FORMAT_TYPE_CHAR; break;
	case 's': spec->type = FORMAT_TYPE_STR; break;
	case 'p': spec->type = FORMAT_TYPE_PTR; break;
	case '%': spec->type = FORMAT_TYPE_PERCENT_CHAR; break;
	case 'd':
	case 'i': spec->flags |= SIGN; break;
	case 'u': break;
	case 'o': spec->base = 8; break;
	case 'x': spec->flags |= SMALL; spec->base = 16; break;
	case 'X': spec->base = 16; break;
	case '\0':
		spec->type = FORMAT_TYPE_INVALID;
		return fmt;
	default:
		spec->type = FORMAT_TYPE_INVALID;
		break;
	}
	return fmt + 1;
}

/*
 * format_decode - decode the next piece of a format string
 *
 * The piece at @fmt is either literal text up to the next '%' (type
 * FORMAT_TYPE_NONE) or one whole conversion, whose '*' arguments are taken
 * from @ap here.  Fills in @spec and returns the piece's length in
 * characters, which is always at least 1 when *@fmt is not NUL.
 */
static int format_decode(const char *fmt, struct printf_spec *spec,
			 va_list *ap)
{
	const char *start = fmt;

	if (*fmt != '%') {
		while (*fmt && *fmt != '%')
			fmt++;
		spec->type = FORMAT_TYPE_NONE;
		return fmt - start;
	}
	fmt = decode_flags(fmt + 1, spec);
	fmt = decode_width_precision(fmt, spec, ap);
	fmt = decode_qualifier(fmt, spec);
	fmt = decode_conversion(fmt, spec);
	return fmt - start;
}

/* Fetch a signed integer argument of the size @qualifier names. */
static long long fetch_signed(char qualifier, va_list *ap)
{
	switch (qualifier) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, ssize_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, intmax_t);
	default:  return va_arg(*ap, int);
	}
}

/* Fetch an unsigned integer argument of the size @qualifier names. */
static unsigned long long fetch_unsigned(char qualifier, va_list *ap)
{
	switch (qualifier) {
	case 'H': return (unsigned char)va_arg(*ap, int);
	case 'h': return (unsigned short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return (size_t)va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, uintmax_t);
	default:  return va_arg(*ap, unsigned int);
	}
}

/* Skip the letters and digits after "%p"; see pointer(). */
static const char *skip_pointer_extension(const char *fmt)
{
	while (isalpha(*fmt) || isdigit(*fmt))
		fmt++;
	return fmt;
}

/*
 * format_one - emit one piece of the format
 * @piece: the piece's first character
 * @fmt: in: just past the piece; out: also past a %p extension
 * @spec: the piece, as format_decode() described it
 * @ap: the arguments, from which the piece's own is taken
 *
 * Returns the advanced cursor.
 */
static char *format_one(char *str, char *end, const char *piece,
			const char **fmt, const struct printf_spec *spec,
			va_list *ap)
{
	switch (spec->type) {
	case FORMAT_TYPE_NONE:
	case FORMAT_TYPE_INVALID:
		return put_chars(str, end, piece, *fmt - piece);
	case FORMAT_TYPE_PERCENT_CHAR:
		return put_char(str, end, '%');
	case FORMAT_TYPE_CHAR: {
		char c = (unsigned char)va_arg(*ap, int);

		return put_padded(str, end, &c, 1, *spec);
	}
	case FORMAT_TYPE_STR:
		return string(str, end, va_arg(*ap, const char *), *spec);
	case FORMAT_TYPE_PTR:
		str = pointer(*fmt, str, end, va_arg(*ap, void *), *spec);
		*fmt = skip_pointer_extension(*fmt);
		return str;
	default:
		if (spec->flags & SIGN)
			return number(str, end, fetch_signed(spec->qualifier, ap),
				      *spec);
		return number(str, end, fetch_unsigned(spec->qualifier, ap),
			      *spec);
	}
}

/**
 * vsnprintf - format a string into a buffer
 * @buf: the buffer; may be NULL if @size is 0
 * @size: size of @buf in bytes, including room for the terminating NUL
 * @fmt: the format string
 * @args: the arguments for @fmt
 *
 * Conversions: %d %i %u %o %x %X %c %s %% with the flags "-+ #0", a width
 * and a precision (each may be '*'), and the length modifiers hh, h, l, ll,
 * L (same as ll), z, t and j.  %p prints a pointer as 16 hex digits, %pS a
 * kernel symbol with offset, %ps one without, %pB a return address.  There
 * is no floating point and no %n.
 *
 * The output is always NUL-terminated when @size is greater than 0; with
 * @size 0 nothing at all is written.
 *
 * Return: the length the whole output would have had, without the NUL,
 * even if it was truncated: output was cut short exactly when the return
 * value is >= @size.  A @size above INT32_MAX (a bug) returns 0.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct printf_spec spec;
	char *str = buf, *end;
	va_list ap;

	if (unlikely(size > INT32_MAX))
		return 0;
	if ((uintptr_t)buf + size < (uintptr_t)buf)
		end = (char *)UINTPTR_MAX;	/* sprintf() near the top */
	else
		end = buf + size;
	va_copy(ap, args);
	while (*fmt) {
		const char *piece = fmt;

		fmt += format_decode(fmt, &spec, &ap);
		str = format_one(str, end, piece, &fmt, &spec, &ap);
	}
	va_end(ap);
	if (size > 0)
		*(str < end ? str : end - 1) = '\0';
	return str - buf;
}

/**
 * snprintf - format a string into a buffer
 * @buf: the buffer; may be NULL if @size is 0
 * @size: size of @buf in bytes, including room for the terminating NUL
 * @fmt: the format string
 * @...: the arguments for @fmt
 *
 * Return: as vsnprintf(): the untruncated length.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

/**
 * vscnprintf - format a string into a buffer, returning what was stored
 * @buf: the buffer
 * @size: size of @buf in bytes, including room for the terminating NUL
 * @fmt: the format string
 * @args: the arguments for @fmt
 *
 * Return: the number of characters stored in @buf, without the NUL: at most
 * @size - 1, and 0 if @size is 0.  Handy for appending piece by piece.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if (likely((size_t)len < size))
		return len;
	return size ? (int)size - 1 : 0;
}

/**
 * scnprintf - format a string into a buffer, returning what was stored
 * @buf: the buffer
 * @size: size of @buf in bytes, including room for the terminating NUL
 * @fmt: the format string
 * @...: the arguments for @fmt
 *
 * Return: as vscnprintf().
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

/**
 * sprintf - format a string into a buffer of unknown size
 * @buf: the buffer; the caller guarantees it is big enough
 * @fmt: the format string
 * @...: the arguments for @fmt
 *
 * Prefer snprintf() or scnprintf(), which know the size of the buffer.
 *
 * Return: the length of the output, without the NUL.
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(buf, INT32_MAX, fmt, args);
	va_end(args);
	return ret;
}
