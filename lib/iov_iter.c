// SPDX-License-Identifier: GPL-2.0
/*
 * Copying to and from an I/O vector: user or kernel memory, one buffer or
 * several (include/uio.h).  Each step copies within the current buffer,
 * then moves on to the next; a fault ends the copy short.
 */
#include <kernel.h>
#include <string.h>
#include <uio.h>
#include <asm/uaccess.h>

/* The current buffer, moving to the next one if it is used up; false at the end. */
static bool iter_segment(struct iov_iter *i)
{
	while (!i->seg_left) {
		if (!i->nr_segs || !i->count)
			return false;
		i->buf = i->iov->iov_base;
		i->seg_left = i->iov->iov_len;
		i->iov++;
		i->nr_segs--;
	}
	return i->count > 0;
}

/* Step past @n bytes of the current buffer. */
static void iter_consume(struct iov_iter *i, size_t n)
{
	i->buf += n;
	i->seg_left -= n;
	i->count -= n;
}

enum iter_op { ITER_TO, ITER_FROM, ITER_ZERO };

/* copy_one - one stretch within the current buffer; returns the bytes not done. */
static size_t copy_one(struct iov_iter *i, enum iter_op op, char *kaddr, size_t n)
{
	switch (op) {
	case ITER_TO:
		if (i->user)
			return copy_to_user((void __user *)i->buf, kaddr, n);
		memcpy(i->buf, kaddr, n);
		return 0;
	case ITER_FROM:
		if (i->user)
			return raw_copy_from_user(kaddr, (const void __user *)i->buf, n);
		memcpy(kaddr, i->buf, n);
		return 0;
	default:
		if (i->user)
			return clear_user((void __user *)i->buf, n);
		memset(i->buf, 0, n);
		return 0;
	}
}

/* iterate - @op over up to @bytes, buffer by buffer; returns the bytes done. */
static size_t iterate(struct iov_iter *i, enum iter_op op, char *kaddr, size_t bytes)
{
	size_t done = 0;

	while (done < bytes && iter_segment(i)) {
		size_t n = min(bytes - done, min(i->seg_left, i->count));
		size_t left = copy_one(i, op, kaddr ? kaddr + done : NULL, n);

		iter_consume(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate(i, ITER_TO, (char *)addr, bytes);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate(i, ITER_FROM, addr, bytes);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate(i, ITER_ZERO, NULL, bytes);
}

/* iov_iter_advance - skip @bytes (/dev/null's write takes everything unread). */
void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	while (bytes && iter_segment(i)) {
		size_t n = min(bytes, min(i->seg_left, i->count));

		iter_consume(i, n);
		bytes -= n;
	}
}
