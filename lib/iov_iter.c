// SPDX-License-Identifier: GPL-2.0
/* Copying to and from an I/O vector: user or kernel memory (include/uio.h). */
#include <kernel.h>
#include <string.h>
#include <uio.h>
#include <asm/uaccess.h>

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count), left = 0;

	if (i->user)
		left = copy_to_user((void __user *)i->buf, addr, n);
	else
		memcpy(i->buf, addr, n);
	n -= left;
	i->buf += n;
	i->count -= n;
	return n;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count), left = 0;

	if (i->user)
		left = raw_copy_from_user(addr, (const void __user *)i->buf, n);
	else
		memcpy(addr, i->buf, n);
	n -= left;
	i->buf += n;
	i->count -= n;
	return n;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count), left = 0;

	if (i->user)
		left = clear_user((void __user *)i->buf, n);
	else
		memset(i->buf, 0, n);
	n -= left;
	i->buf += n;
	i->count -= n;
	return n;
}
