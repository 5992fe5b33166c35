/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault_unmapped: a read from an address no VMA covers must kill the
 * program with SIGSEGV.  The hole is made on purpose: map a page, unmap
 * it, read it.
 */
#include <sys/mman.h>
#include "check.h"

int main(void)
{
	volatile char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(2, page != MAP_FAILED);
	page[0] = 1;
	CHECK(3, munmap((void *)page, 4096) == 0);
	printf("fault_unmapped: reading unmapped %p\n", (void *)page);
	fflush(stdout);
	(void)page[0];
	printf("fault_unmapped: the read succeeded\n");
	return 1;		/* expected: killed by SIGSEGV */
}
