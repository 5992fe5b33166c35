/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cow_big: a process holding two thirds of all RAM can still fork.
 *
 * An eager fork would need another two thirds for the child's copy and
 * fail; copy-on-write shares every page and copies only the few the
 * child writes.  user/expected.txt runs this twice in a row: if the first
 * run left its pages behind, the second could not allocate its two
 * thirds.  On a big machine (the Linux side of make test) the area is
 * capped at 512 MiB: the point is made by dissect's 256 MiB.
 */
#include <unistd.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096UL
#define CAP		(512UL << 20)
#define CHILD_WRITES	64			/* pages the child copies */

int main(void)
{
	volatile unsigned long *area;
	unsigned long size, npages;
	struct sysinfo si;
	int status;
	pid_t pid;

	CHECK(1, sysinfo(&si) == 0);
	size = (unsigned long)si.totalram * si.mem_unit / 3 * 2 & ~(PAGE - 1);
	if (size > CAP)
		size = CAP;
	npages = size / PAGE;
	area = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(2, area != MAP_FAILED);
	for (unsigned long i = 0; i < npages; i++)
		area[i * PAGE / sizeof(long)] = i;

	pid = fork();
	CHECK(3, pid >= 0);
	if (pid == 0) {
		for (unsigned long i = 0; i < npages; i++)
			if (area[i * PAGE / sizeof(long)] != i)
				_exit(10);
		for (unsigned long i = 0; i < CHILD_WRITES; i++)
			area[i * (npages / CHILD_WRITES) * PAGE / sizeof(long)] = ~0UL;
		_exit(0);
	}
	CHECK(4, waitpid(pid, &status, 0) == pid);
	CHECK(5, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	for (unsigned long i = 0; i < npages; i++)
		CHECK(6, area[i * PAGE / sizeof(long)] == i);
	printf("cow_big: forked with %lu MiB of %lu MiB of RAM touched\n", size >> 20,
	       (unsigned long)si.totalram * si.mem_unit >> 20);
	return 0;
}
