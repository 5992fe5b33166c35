// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <asm/page.h>
#include <asm/uaccess.h>

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	unsigned long s = (unsigned long)src;

	if (s < TASK_SIZE_MAX || s + size < s)	/* never user memory */
		return -EFAULT;
	return copy_user_generic(dst, src, size) ? -EFAULT : 0;
}
