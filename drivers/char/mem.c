// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices, major 1 (Linux: drivers/char/mem.c):
 *
 *   /dev/null     1:3   reads end at once, writes vanish
 *   /dev/zero     1:5   reads zeros; a private mapping is anonymous
 *                       memory, a shared one a shmem file (as Linux)
 *   /dev/full     1:7   reads zeros, writes -ENOSPC
 *   /dev/random   1:8, /dev/urandom 1:9   get_random_bytes()
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <random.h>
#include <stat.h>
#include <uio.h>

static ssize_t read_null(struct file *file, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t n = iov_iter_count(from);

	iov_iter_advance(from, n);
	return n;
}

static ssize_t read_zero(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t n = iov_iter_count(to), got = iov_iter_zero(n, to);

	return got ? (ssize_t)got : -EFAULT;
}

static ssize_t write_full(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return -ENOSPC;
}

static ssize_t read_random(struct file *file, struct iov_iter *to, loff_t *pos)
{
	char buf[64];
	ssize_t done = 0;

	while (iov_iter_count(to)) {
		size_t n = min(sizeof(buf), iov_iter_count(to)), got;

		get_random_bytes(buf, n);
		got = copy_to_iter(buf, n, to);
		done += got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

/* mmap_zero - /dev/zero mapped: private is anonymous memory, shared is shmem. */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED) {
		struct file *zero = vma->vm_file;
		int err = shmem_zero_setup(vma);

		if (!err)
			fput(zero);		/* the area holds the shmem file instead */
		return err;
	}
	vma->vm_ops = NULL;			/* vma_is_anonymous() */
	return 0;
}

static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek, .read_iter = read_null, .write_iter = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek, .read_iter = read_zero, .write_iter = write_null, .mmap = mmap_zero,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek, .read_iter = read_zero, .write_iter = write_full,
};

static const struct file_operations random_fops = {
	.llseek = null_lseek, .read_iter = read_random, .write_iter = write_null,
};

static const struct file_operations *const mem_devs[] = {
	[3] = &null_fops, [5] = &zero_fops, [7] = &full_fops, [8] = &random_fops,
	[9] = &random_fops,
};

/* memory_open - pick the minor's operations. */
static int memory_open(struct inode *inode, struct file *file)
{
	unsigned int minor = MINOR(inode->i_rdev);

	if (minor >= ARRAY_SIZE(mem_devs) || !mem_devs[minor])
		return -ENXIO;
	file->f_op = mem_devs[minor];
	return 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

void chr_dev_init(void)
{
	register_chrdev(1, "mem", &memory_fops);
}
