// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and their relatives (Linux: fs/read_write.c).
 *
 *   read(fd, buf, n)      fget -> vfs_read -> f_op->read_iter(file, iter, &f_pos)
 *   pread64               the same at a given offset; f_pos stays
 *   readv / writev        each buffer in turn, stopping at a short one
 *   lseek                 f_op->llseek (regular files: generic_file_llseek;
 *                         pipes and terminals: -ESPIPE)
 *
 * A regular file's position is updated under its file's f_pos_lock, so
 * two threads sharing the file each get whole reads (rw_at); getdents64
 * takes the same lock for a directory's.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <syscalls.h>
#include <slab.h>
#include <uio.h>
#include <asm/uaccess.h>

#define MAX_RW_COUNT	(0x7fffffff & PAGE_MASK)	/* Linux's limit on one transfer */

/* Regular files and directories keep their position atomic (FMODE_ATOMIC_POS). */
static bool file_pos_atomic(struct file *f)
{
	umode_t mode = file_inode(f)->i_mode;

	return S_ISREG(mode) || S_ISDIR(mode);
}

/*
 * rw_verify_area - may @count bytes move at @pos?  Not from a negative
 * position, nor up to one past the largest (Linux: -EINVAL for both).
 */
static int rw_verify_area(struct file *file, loff_t pos, size_t count)
{
	if (pos < 0 || (loff_t)((u64)pos + count) < 0)
		return -EINVAL;
	return 0;
}

ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	ret = rw_verify_area(file, *pos, iov_iter_count(to));
	if (ret || !iov_iter_count(to))
		return ret;
	return file->f_op->read_iter(file, to, pos);
}

ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	ret = rw_verify_area(file, *pos, iov_iter_count(from));
	if (ret || !iov_iter_count(from))
		return ret;
	return file->f_op->write_iter(file, from, pos);
}

/* kernel_read, kernel_write - a transfer to or from kernel memory. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	iov_iter_kvec(&iter, buf, count);
	return vfs_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;

	iov_iter_kvec(&iter, (void *)buf, count);
	return vfs_write(file, &iter, pos);
}

/*
 * rw_at - move @iter at *@ppos, or (@ppos NULL) at the file's position,
 * which then advances: under f_pos_lock for a regular file or directory,
 * so two threads sharing the file each get whole transfers.
 */
static ssize_t rw_at(struct file *f, struct iov_iter *iter, loff_t *ppos, bool write)
{
	bool lock = !ppos && file_pos_atomic(f);
	loff_t pos;
	ssize_t ret;

	if (lock)
		down_write(&f->f_pos_lock);
	pos = ppos ? *ppos : f->f_pos;
	ret = write ? vfs_write(f, iter, &pos) : vfs_read(f, iter, &pos);
	if (!ppos && ret >= 0)
		f->f_pos = pos;
	if (lock)
		up_write(&f->f_pos_lock);
	return ret;
}

/* A descriptor open the other way is -EBADF before its buffer is looked at. */
static bool rw_allowed(struct file *f, bool write)
{
	return f->f_mode & (write ? FMODE_WRITE : FMODE_READ);
}

/*
 * do_rw - one user buffer at the file's position (@ppos NULL) or at *@ppos
 * Return: bytes moved, or -errno.
 */
static ssize_t do_rw(struct file *f, void __user *buf, size_t count, loff_t *ppos, bool write)
{
	struct iov_iter iter;

	if (!rw_allowed(f, write))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&iter, buf, min_t(size_t, count, MAX_RW_COUNT));
	return rw_at(f, &iter, ppos, write);
}

/* ksys_rw - read(2)/write(2) and the p-variants (@pos >= 0, or -1 for f_pos). */
static ssize_t ksys_rw(unsigned int fd, void __user *buf, size_t count, loff_t pos, bool write)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	if (pos >= 0 && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
		ret = -ESPIPE;
	else
		ret = do_rw(f, buf, count, pos >= 0 ? &pos : NULL, write);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_rw(fd, buf, count, -1, false);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_rw(fd, (void __user *)buf, count, -1, true);
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return ksys_rw(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return ksys_rw(fd, (void __user *)buf, count, pos, true);
}

#define UIO_FASTIOV	8

/*
 * import_iovec - readv/writev's vector from user memory, checked as Linux
 * does: -EINVAL for a bad count or a length that is negative as a
 * ssize_t, -EFAULT for a buffer outside user space; the total is clamped
 * to MAX_RW_COUNT.  Return: the total, with *@iovp the vector (@fast or
 * kmalloc'd: kfree it if it is not @fast).
 */
static ssize_t import_iovec(const struct iovec __user *uvec, int nr, struct iovec *fast,
			    struct iovec **iovp)
{
	struct iovec *iov = fast;
	size_t total = 0;

	if (nr < 0 || nr > UIO_MAXIOV)
		return -EINVAL;
	if (nr > UIO_FASTIOV && !(iov = kmalloc_array(nr, sizeof(*iov), GFP_KERNEL)))
		return -ENOMEM;
	*iovp = iov;
	if (copy_from_user(iov, uvec, nr * sizeof(*iov)))
		return -EFAULT;
	for (int k = 0; k < nr; k++) {
		if ((ssize_t)iov[k].iov_len < 0)
			return -EINVAL;
		if (iov[k].iov_len > MAX_RW_COUNT - total)
			iov[k].iov_len = MAX_RW_COUNT - total;
		if (!access_ok(iov[k].iov_base, iov[k].iov_len))
			return -EFAULT;
		total += iov[k].iov_len;
	}
	return total;
}

/*
 * do_iov - readv/writev (@pos < 0: at the file's position) and
 * preadv/pwritev: the whole vector is one transfer.
 */
static ssize_t do_iov(unsigned long fd, const struct iovec __user *uvec, int vlen, loff_t pos,
		      bool write)
{
	struct iovec fast[UIO_FASTIOV], *iov = fast;
	struct iov_iter iter;
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	ret = -ESPIPE;
	if (pos >= 0 && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
		goto out;
	ret = -EBADF;
	if (!rw_allowed(f, write))
		goto out;
	ret = import_iovec(uvec, vlen, fast, &iov);
	if (ret < 0)
		goto out;
	iov_iter_init(&iter, iov, vlen, ret);
	ret = rw_at(f, &iter, pos < 0 ? NULL : &pos, write);
out:
	if (iov != fast)
		kfree(iov);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, int, vlen)
{
	return do_iov(fd, vec, vlen, -1, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, int, vlen)
{
	return do_iov(fd, vec, vlen, -1, true);
}

/* preadv/pwritev: the offset comes as two halves (pos_l, pos_h), x86-64 uses pos_l. */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec, int, vlen,
		unsigned long, pos_l, unsigned long, pos_h)
{
	if ((loff_t)pos_l < 0)
		return -EINVAL;
	return do_iov(fd, vec, vlen, pos_l, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec, int, vlen,
		unsigned long, pos_l, unsigned long, pos_h)
{
	if ((loff_t)pos_l < 0)
		return -EINVAL;
	return do_iov(fd, vec, vlen, pos_l, true);
}

/*
 * generic_file_llseek - a file with a size: SEEK_SET, SEEK_CUR, SEEK_END,
 * and SEEK_DATA / SEEK_HOLE (the whole file is data: the one hole is at
 * its end; past the end -ENXIO), as Linux's generic version
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t size = file_inode(file)->i_size, base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = size;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		if (offset < 0 || offset >= size)
			return -ENXIO;
		return file->f_pos = whence == SEEK_DATA ? offset : size;
	default:
		return -EINVAL;
	}
	if ((offset > 0 && base > MAX_LFS_FILESIZE - offset) || base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

/* no_llseek - a pipe or a terminal has no position. */
loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	if (whence > SEEK_HOLE) {
		ret = -EINVAL;
	} else if (!(f->f_mode & FMODE_LSEEK)) {
		ret = -ESPIPE;
	} else {
		down_write(&f->f_pos_lock);
		ret = f->f_op && f->f_op->llseek ? f->f_op->llseek(f, offset, whence) :
		      generic_file_llseek(f, offset, whence);
		up_write(&f->f_pos_lock);
	}
	fput(f);
	return ret;
}
