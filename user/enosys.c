/* SPDX-License-Identifier: GPL-2.0 */
/*
 * enosys: system call numbers the kernel does not know return -ENOSYS,
 * which the C library turns into -1 with errno ENOSYS.  600, 1000 and
 * 2000 lie beyond the end of Linux's table as well as dissect's, so the
 * answer is the same on both.  Each number is called twice: the
 * kernel logs each one once.  Other numbers can be given as arguments.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"

int main(int argc, char **argv)
{
	static const char *const defaults[] = { "600", "1000", "2000", NULL };
	const char *const *nrs = argc > 1 ? (const char *const *)argv + 1 : defaults;

	for (int i = 0; nrs[i]; i++) {
		long nr = strtol(nrs[i], NULL, 10);

		for (int round = 0; round < 2; round++) {
			errno = 0;
			CHECK(1, syscall(nr, 1, 2, 3, 4, 5, 6) == -1);
			CHECK(2, errno == ENOSYS);
		}
		printf("enosys: syscall %ld gave ENOSYS\n", nr);
	}
	return 0;
}
