/* SPDX-License-Identifier: GPL-2.0 */
/*
 * forkbench: what fork and copy-on-write cost, measured from user space
 * with clock_gettime(CLOCK_MONOTONIC), so the same static binary measures
 * dissect and Linux.  Not a test: "make bench" runs it on dissect and
 * "make bench-linux" on Debian's Linux, both under QEMU -icount shift=0,
 * where one guest nanosecond is one guest instruction.
 *
 * A parent touches 64 MiB of private anonymous memory, then:
 *
 *   first_touch_fault    per page: the parent's first write to each page
 *                        (do_anonymous_page: a zeroed page mapped)
 *   fork_64m             fork() until either side runs again: the page
 *                        tables copied, 16384 PTEs write-protected
 *   cow_fault            per page: the child's first write to each page
 *                        (do_wp_page -> wp_page_copy: a 4 KiB copy)
 *   exit_reap_64m        the child's _exit() to its parent's wait4()
 *                        returning: 64 MiB of copied pages freed
 *   fork_exit_wait_64m   per round, ROUNDS rounds: fork, the child exits
 *                        at once, the parent reaps it
 *
 * Each figure is printed as "forkbench: NAME VALUE ns".  The child writes
 * its timestamps into a MAP_SHARED page the parent reads.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define AREA_SIZE	(64UL << 20)
#define PAGE		4096UL
#define NPAGES		(AREA_SIZE / PAGE)
#define ROUNDS		20

struct shared {
	uint64_t child_start;		/* the child's first instant after fork */
	uint64_t cow_done;		/* after writing every page */
	uint64_t exit_start;		/* just before _exit() */
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void report(const char *name, uint64_t ns)
{
	printf("forkbench: %-20s %10llu ns\n", name, (unsigned long long)ns);
}

int main(void)
{
	volatile struct shared *sh;
	volatile char *area;
	uint64_t t0, t1, parent_back;
	int status;
	pid_t pid;

	sh = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	area = mmap(NULL, AREA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(1, sh != MAP_FAILED && area != MAP_FAILED);
	sh->child_start = 0;

	t0 = now_ns();
	for (unsigned long i = 0; i < NPAGES; i++)
		area[i * PAGE] = (char)i;
	t1 = now_ns();
	report("first_touch_fault", (t1 - t0) / NPAGES);

	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		sh->child_start = now_ns();
		for (unsigned long i = 0; i < NPAGES; i++)
			area[i * PAGE] = (char)(i + 1);
		sh->cow_done = now_ns();
		sh->exit_start = now_ns();
		_exit(0);
	}
	parent_back = now_ns();
	CHECK(2, pid > 0);
	CHECK(3, waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	t1 = now_ns();
	/* whichever side the scheduler ran first, the copy was done by then */
	report("fork_64m", (parent_back < sh->child_start ? parent_back : sh->child_start) - t0);
	report("cow_fault", (sh->cow_done - sh->child_start) / NPAGES);
	report("exit_reap_64m", t1 - sh->exit_start);
	for (unsigned long i = 0; i < NPAGES; i++)
		CHECK(4, area[i * PAGE] == (char)i);	/* the child's writes stayed its own */

	t0 = now_ns();
	for (int r = 0; r < ROUNDS; r++) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		CHECK(5, pid > 0 && waitpid(pid, &status, 0) == pid);
	}
	t1 = now_ns();
	report("fork_exit_wait_64m", (t1 - t0) / ROUNDS);

	return 0;
}
