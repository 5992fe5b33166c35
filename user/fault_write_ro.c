/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault_write_ro: a write to a read-only page must kill the program with
 * SIGSEGV.  String literals live in .rodata, in a PT_LOAD segment without
 * PF_W, so the kernel maps it without write permission; the store is a
 * protection fault (present page, write, user), which no VMA allows.
 */
#include "check.h"

int main(void)
{
	volatile char *literal = (volatile char *)"read-only";

	printf("fault_write_ro: writing to a string literal at %p\n",
	       (void *)literal);
	fflush(stdout);
	literal[0] = 'R';
	printf("fault_write_ro: the write succeeded\n");
	return 1;		/* expected: killed by SIGSEGV */
}
