/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault_null: the classic.  Page 0 is never mapped, so reading through a
 * NULL pointer faults and the program dies of SIGSEGV.  The pointer is
 * volatile so the compiler cannot see it is NULL (and emit a trap
 * instruction, SIGILL, instead of the load).
 */
#include <stddef.h>
#include "check.h"

int main(void)
{
	int *volatile null = NULL;

	printf("fault_null: reading through a NULL pointer\n");
	fflush(stdout);
	printf("fault_null: read %d\n", *null);
	return 1;		/* expected: killed by SIGSEGV */
}
