// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string.c - the C string and memory routines, as the kernel has them.
 *
 * There is no C library under a kernel, so these are the only memcpy() and
 * strlen() there are: the compiler itself emits calls to memcpy(), memset(),
 * memmove() and memcmp() for structure copies and for loops it recognises.
 * That is why the three copying routines are written with x86's string
 * instructions rather than C loops: a C loop inside memcpy() may be
 * "optimised" back into a call to memcpy(), which would recurse forever.
 *
 * The comparison routines compare bytes as unsigned char, as C requires.
 */
#include <types.h>
#include <errno.h>
#include <string.h>

/**
 * memcpy - copy a block of memory
 * @dst: where to copy to
 * @src: where to copy from; must not overlap @dst (use memmove() for that)
 * @n: number of bytes; 0 copies nothing
 *
 * Return: @dst.
 */
void *memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;
	size_t words = n / 8, bytes = n % 8;

	/* eight bytes a step, then the tail (Linux's memcpy_orig does the same) */
	__asm__ __volatile__("rep movsq\n\t"
			     "mov %3, %%rcx\n\t"
			     "rep movsb"
			     : "+D"(dst), "+S"(src), "+c"(words)
			     : "r"(bytes) : "memory");
	return ret;
}

/**
 * memset - fill a block of memory with one byte value
 * @s: the memory
 * @c: the value; only its low byte (converted to unsigned char) is used
 * @n: number of bytes; 0 writes nothing
 *
 * Return: @s.
 */
void *memset(void *s, int c, size_t n)
{
	void *ret = s;
	size_t words = n / 8, bytes = n % 8;
	unsigned long v = (unsigned char)c * 0x0101010101010101UL;

	__asm__ __volatile__("rep stosq\n\t"
			     "mov %3, %%rcx\n\t"
			     "rep stosb"
			     : "+D"(s), "+c"(words)
			     : "a"(v), "r"(bytes)
			     : "memory");
	return ret;
}

/*
 * Copy @n bytes from the top down: the last byte first.  Sets the direction
 * flag for the one instruction and clears it again, since the C calling
 * convention promises every function that it is clear.
 */
static void copy_backward(char *dst, const char *src, size_t n)
{
	dst += n - 1;
	src += n - 1;
	__asm__ __volatile__("std\n\trep movsb\n\tcld"
			     : "+D"(dst), "+S"(src), "+c"(n)
			     : : "memory", "cc");
}

/**
 * memmove - copy a block of memory that may overlap the destination
 * @dst: where to copy to
 * @src: where to copy from
 * @n: number of bytes
 *
 * When @dst lies above @src inside the source block, a forward copy would
 * overwrite source bytes before reading them, so that case copies from the
 * top down.  Every other case copies forward.
 *
 * Return: @dst.
 */
void *memmove(void *dst, const void *src, size_t n)
{
	uintptr_t d = (uintptr_t)dst, s = (uintptr_t)src;

	if (n == 0 || d == s)
		return dst;
	if (d > s && d - s < n)
		copy_backward(dst, src, n);
	else
		memcpy(dst, src, n);
	return dst;
}

/**
 * memcmp - compare two blocks of memory
 * @a: one block
 * @b: the other block
 * @n: number of bytes to compare
 *
 * Return: 0 if the blocks are equal (always, when @n is 0); otherwise the
 * difference of the first pair of differing bytes, as unsigned char, so the
 * sign says which block is greater.
 */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
	}
	return 0;
}

/**
 * memchr - find a byte in a block of memory
 * @s: the memory
 * @c: the byte, converted to unsigned char
 * @n: number of bytes to search
 *
 * Return: a pointer to the first occurrence of @c, or NULL.
 */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/**
 * memchr_inv - find the first byte that is not a given value
 * @s: the memory
 * @c: the value, converted to unsigned char
 * @n: number of bytes to search
 *
 * The usual use is checking that a buffer is all zeroes (or all poison).
 *
 * Return: a pointer to the first byte that differs from @c, or NULL if all
 * @n bytes equal @c.
 */
void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p != (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/**
 * strlen - the length of a string
 * @s: the string
 *
 * Return: the number of characters before the terminating NUL.
 */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/**
 * strnlen - the length of a string, looking at no more than @max bytes
 * @s: the string; need not be terminated if it is at least @max long
 * @max: the most bytes to read
 *
 * Return: strlen(@s) if that is less than @max, else @max.
 */
size_t strnlen(const char *s, size_t max)
{
	const char *p = s;

	while (max && *p) {
		p++;
		max--;
	}
	return p - s;
}

/**
 * strcmp - compare two strings
 * @a: one string
 * @b: the other string
 *
 * Return: 0 if equal, else the difference of the first differing pair of
 * characters as unsigned char (a NUL counts as smaller than anything).
 */
int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, SIZE_MAX);
}

/**
 * strncmp - compare at most @n characters of two strings
 * @a: one string
 * @b: the other string
 * @n: the most characters to compare
 *
 * Return: as strcmp(), for the first @n characters; 0 when @n is 0.
 */
int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
		if (!*p)
			break;
	}
	return 0;
}

/**
 * strcpy - copy a string, terminator included
 * @dst: the destination; the caller guarantees it is big enough
 * @src: the string
 *
 * Prefer strscpy(), which knows the size of the destination.
 *
 * Return: @dst.
 */
char *strcpy(char *dst, const char *src)
{
	char *p = dst;

	while ((*p++ = *src++))
		;
	return dst;
}

/**
 * strscpy - copy a string into a buffer of known size
 * @dst: the destination buffer
 * @src: the string
 * @size: size of @dst in bytes
 *
 * Copies as much of @src as fits and, when @size is not 0, always
 * NUL-terminates @dst.  Unlike strncpy() it never pads with zeroes and never
 * leaves @dst unterminated.
 *
 * Return: the length of the copied string, or -E2BIG if @src did not fit.
 * A @size of 0, or one too large to be a real buffer (above INT32_MAX),
 * also gives -E2BIG and leaves @dst alone.
 */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (size == 0 || size > INT32_MAX)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

/**
 * strchr - find a character in a string
 * @s: the string
 * @c: the character, converted to char; may be '\0'
 *
 * Return: a pointer to the first occurrence of @c in @s, or NULL.  Searching
 * for '\0' finds the terminator.
 */
char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++) {
		if (!*s)
			return NULL;
	}
	return (char *)s;
}

/**
 * strchrnul - find the first occurrence of a character, or the end
 * Return: the character's address, or the terminating NUL's.
 */
char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}

/**
 * strrchr - find the last occurrence of a character in a string
 * @s: the string
 * @c: the character, converted to char; may be '\0'
 *
 * Return: a pointer to the last occurrence of @c in @s, or NULL.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

/**
 * strstr - find a substring
 * @haystack: the string to search
 * @needle: the string to look for
 *
 * A plain scan: fine for the short strings a kernel searches.
 *
 * Return: a pointer to the first occurrence of @needle in @haystack, or
 * NULL.  An empty @needle matches at @haystack itself.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t hlen = strlen(haystack), nlen = strlen(needle);

	for (; hlen >= nlen; hlen--, haystack++) {
		if (!memcmp(haystack, needle, nlen))
			return (char *)haystack;
	}
	return NULL;
}

/* The first character of @s that is in @delims, or NULL if there is none. */
static char *find_delim(const char *s, const char *delims)
{
	for (; *s; s++) {
		if (strchr(delims, *s))
			return (char *)s;
	}
	return NULL;
}

/**
 * strsep - split a string into tokens
 * @s: in: the rest of the string to split; out: what is left after the
 *     token, or NULL once the last token has been returned
 * @delims: the characters that separate tokens
 *
 * Each call returns the next token and overwrites the delimiter that ended
 * it with '\0'.  Adjacent delimiters give empty tokens: "a,,b" splits into
 * "a", "" and "b".
 *
 * Return: the token, or NULL if *@s was already NULL.
 */
char *strsep(char **s, const char *delims)
{
	char *token = *s, *end;

	if (!token)
		return NULL;
	end = find_delim(token, delims);
	if (end)
		*end++ = '\0';
	*s = end;
	return token;
}
