/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hello: the smallest program worth loading.  Startup, one write of
 * stdout's buffer, exit_group(0).
 */
#include <stdio.h>

int main(void)
{
	printf("hello, world\n");
	return 0;
}
