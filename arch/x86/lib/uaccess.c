// SPDX-License-Identifier: GPL-2.0
/* The uaccess functions; see asm/uaccess.h. */
#include <errno.h>
#include <string.h>
#include <asm/page.h>
#include <asm/uaccess.h>

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	unsigned long s = (unsigned long)src;

	if (s < TASK_SIZE_MAX || s + size < s)	/* never user memory */
		return -EFAULT;
	return copy_user_generic(dst, src, size) ? -EFAULT : 0;
}

/**
 * copy_from_user - copy @n bytes from user space
 * Return: the number of bytes that could not be copied (0 on success);
 * those bytes at the end of @to are zeroed, as in Linux.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n)) {
		stac();
		left = copy_user_generic(to, (const void *)from, n);
		clac();
	}
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

/*
 * raw_copy_from_user - copy_from_user() without zeroing what could not be
 * copied: for copies straight into the page cache, where the bytes past
 * a fault must stay as they were (Linux: the same name).
 */
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (!access_ok(from, n))
		return n;
	stac();
	left = copy_user_generic(to, (const void *)from, n);
	clac();
	return left;
}

/* copy_to_user - copy @n bytes to user space; returns the bytes not copied. */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	unsigned long left;

	if (!access_ok(to, n))
		return n;
	stac();
	left = copy_user_generic((void *)to, from, n);
	clac();
	return left;
}

/* clear_user - zero @n bytes of user memory; returns the bytes not cleared. */
unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeroes[256];
	unsigned long done = 0;

	while (done < n) {
		unsigned long chunk = n - done < sizeof(zeroes) ? n - done : sizeof(zeroes);
		unsigned long left = copy_to_user((char __user *)to + done, zeroes, chunk);

		if (left)
			return n - done - (chunk - left);
		done += chunk;
	}
	return 0;
}

/**
 * strncpy_from_user - copy a NUL-terminated string of at most @count bytes
 * Return: its length (without the NUL), @count if no NUL came within
 * @count bytes (then @dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		if (copy_from_user(&dst[i], src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}

/* strnlen_user - the string's size with its NUL, 0 on a fault, > @n if too long. */
long strnlen_user(const char __user *str, long n)
{
	char c;

	for (long i = 0; i < n; i++) {
		if (copy_from_user(&c, str + i, 1))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
