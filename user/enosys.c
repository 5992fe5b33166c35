/* SPDX-License-Identifier: GPL-2.0 */
/*
 * enosys: a system call number the kernel does not know returns -ENOSYS,
 * which the C library turns into -1 with errno ENOSYS.  1000 is beyond
 * Linux's table as well as dissect's, so the answer is the same on both.
 */
#include <errno.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	long ret;

	errno = 0;
	ret = syscall(1000, 1, 2, 3, 4, 5, 6);
	CHECK(1, ret == -1);
	CHECK(2, errno == ENOSYS);
	printf("enosys: syscall 1000 gave ENOSYS\n");
	return 0;
}
