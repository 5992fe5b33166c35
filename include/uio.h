/* SPDX-License-Identifier: GPL-2.0 */
/*
 * I/O vectors (Linux: include/linux/uio.h, much reduced).
 *
 * A read or write moves bytes between a file and one buffer that is
 * either in user memory (a system call: copy_to_user, which may fault and
 * return -EFAULT) or in the kernel (exec reading an ELF header, the
 * initramfs writing a file: memcpy).  struct iov_iter says which, so every
 * ->read_iter and ->write_iter serves both.  readv/writev walk their
 * vectors one buffer at a time.
 */
#ifndef _UIO_H
#define _UIO_H

#include <types.h>
#include <compiler.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024

/**
 * struct iov_iter - where the bytes of one transfer go or come from
 * @user: the buffers are user memory
 * @buf, @seg_left: the next byte of the current buffer, and what is left
 *	of that buffer
 * @iov, @nr_segs: the buffers after it (readv/writev's vector)
 * @count: bytes left in all
 *
 * One transfer over several buffers is one read_iter or write_iter:
 * a writev of at most PIPE_BUF bytes to a pipe stays atomic, as in Linux.
 */
struct iov_iter {
	bool user;
	char *buf;
	size_t seg_left;
	const struct iovec *iov;
	unsigned long nr_segs;
	size_t count;
};

static inline void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count)
{
	*i = (struct iov_iter){ .user = true, .buf = (char *)buf, .seg_left = count,
				.count = count };
}

static inline void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count)
{
	*i = (struct iov_iter){ .user = false, .buf = buf, .seg_left = count, .count = count };
}

/* iov_iter_init - user buffers @iov[0..@nr_segs), @count bytes in all. */
static inline void iov_iter_init(struct iov_iter *i, const struct iovec *iov,
				 unsigned long nr_segs, size_t count)
{
	*i = (struct iov_iter){ .user = true, .iov = iov, .nr_segs = nr_segs, .count = count };
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/*
 * copy_to_iter / copy_from_iter - move up to @bytes, advancing the
 * iterator.  Return: the bytes moved; fewer than asked only when a user
 * buffer faulted (the caller reports -EFAULT if it moved nothing).
 */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);

#endif /* _UIO_H */
