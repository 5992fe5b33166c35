// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices (Linux: fs/char_dev.c).  A device node's inode opens
 * with def_chr_fops, whose ->open finds the driver registered for the
 * node's major number and hands the file over to the driver's
 * file_operations.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>

#define CHRDEV_MAJOR_MAX	256

static const struct file_operations *chrdevs[CHRDEV_MAJOR_MAX];

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	if (major >= CHRDEV_MAJOR_MAX || chrdevs[major])
		return -EBUSY;
	chrdevs[major] = fops;
	return 0;
}

/* chrdev_open - the driver of the node's major number opens it; -ENXIO if none. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	unsigned int major = MAJOR(inode->i_rdev);
	const struct file_operations *fops = major < CHRDEV_MAJOR_MAX ? chrdevs[major] : NULL;

	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	return fops->open ? fops->open(inode, file) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
