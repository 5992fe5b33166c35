/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault_kernel_addr: user mode may not read the kernel.  The kernel's
 * text is mapped at ffffffff81000000 in every address space, but without
 * the user bit, so a user read faults and the program dies of SIGSEGV.
 */
#include "check.h"

int main(void)
{
	const volatile char *kernel = (const volatile char *)0xffffffff81000000UL;

	printf("fault_kernel_addr: reading %p\n", (const void *)kernel);
	fflush(stdout);
	(void)*kernel;
	printf("fault_kernel_addr: the read succeeded\n");
	return 1;		/* expected: killed by SIGSEGV */
}
