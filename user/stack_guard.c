/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stack_guard: where a stack may not grow.
 *
 * A fault just below a MAP_GROWSDOWN area (a stack) grows the area down
 * to the faulting page (expand_stack(), mm/mmap.c) -- but not
 *   - to more than the stack limit (RLIMIT_STACK, 8 MiB) from the top of
 *     the area: an access further down gets SIGSEGV;
 *   - to closer than the guard gap (stack_guard_gap, 256 pages) above
 *     the area below it: SIGSEGV, though the page itself is free.
 * Each access runs in a forked child and the parent checks how it
 * ended: for each limit, the last page allowed and the first refused.
 *
 * The limit is set to 8 MiB first (prlimit64); dissect's is always
 * 8 MiB, and it answers ENOSYS.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096UL
#define GAP_PAGES	256UL
#define STACK_LIMIT	(8UL << 20)
#define STACK_AREA	0x300000000000UL	/* far from anything mapped */
#define GAP_AREA	0x310000000000UL

/* Map @len bytes at exactly @addr, or fail. */
static void map_at(unsigned long addr, unsigned long len, int prot, int flags)
{
	void *p = mmap((void *)addr, len, prot,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | flags, -1, 0);

	CHECK(1, p == (void *)addr);
}

/* Write to @addr in a child; its wait status. */
static int touch_in_child(unsigned long addr)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		*(volatile char *)addr = 1;
		_exit(0);
	}
	CHECK(2, pid > 0 && waitpid(pid, &status, 0) == pid);
	return status;
}

static int exited_ok(int status)
{
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int segfaulted(int status)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

int main(void)
{
	struct rlimit lim = { STACK_LIMIT, STACK_LIMIT };
	unsigned long top = STACK_AREA, low = GAP_AREA, stack;

	syscall(SYS_prlimit64, 0, RLIMIT_STACK, &lim, NULL);

	/* a one-page stack just below top, nothing for far below it */
	map_at(top - PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_GROWSDOWN);
	CHECK(3, exited_ok(touch_in_child(top - PAGE - 1)));		/* one page more */
	CHECK(4, exited_ok(touch_in_child(top - STACK_LIMIT)));		/* 8 MiB in all */
	CHECK(5, segfaulted(touch_in_child(top - STACK_LIMIT - 1)));	/* a page beyond */

	/* a mapping at low, a stack 257 pages above its end */
	map_at(low, PAGE, PROT_READ, 0);
	stack = low + PAGE + (GAP_PAGES + 1) * PAGE;
	map_at(stack, PAGE, PROT_READ | PROT_WRITE, MAP_GROWSDOWN);
	CHECK(6, exited_ok(touch_in_child(stack - PAGE)));		/* a gap of 256 left */
	CHECK(7, segfaulted(touch_in_child(stack - 2 * PAGE)));	/* 255: too close */
	CHECK(8, segfaulted(touch_in_child(low + PAGE)));		/* right above it */
	printf("stack_guard: the stack limit and the guard gap hold\n");
	return 0;
}
