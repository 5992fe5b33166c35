/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cow_basic: what copy-on-write promises, checked from both sides of a
 * fork.  Parent and child take turns through a flag in a MAP_SHARED page:
 *
 *   private     the parent's writes after fork never reach the child, nor
 *               the child's the parent
 *   zero page   memory read but never written before fork (the shared
 *               zero page) reads zero on both sides, then each side's
 *               writes stay its own
 *   mprotect    an area made read-only and writable again before the
 *               first write still copies
 *   shared      MAP_SHARED|MAP_ANONYMOUS memory is one memory: writes go
 *               both ways, also to pages first touched after fork
 *   kernel      the kernel writing into a copy-on-write page (wait4's
 *               status, clock_gettime's result) copies it as a user write
 *               would: a second child still sharing the page sees the old
 *               value
 */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096
#define NPAGES		16

static volatile int *turn;		/* MAP_SHARED: whose move it is */

static void wait_turn(int t)
{
	while (*turn != t)
		sched_yield();
}

static volatile char *map(int flags)
{
	void *p = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);

	CHECK(1, p != MAP_FAILED);
	return p;
}

static void fill(volatile char *a, char v)
{
	for (int i = 0; i < NPAGES; i++)
		a[i * PAGE] = a[i * PAGE + PAGE - 1] = (char)(v + i);
}

static int holds(volatile char *a, char v)
{
	for (int i = 0; i < NPAGES; i++)
		if (a[i * PAGE] != (char)(v + i) || a[i * PAGE + PAGE - 1] != (char)(v + i))
			return 0;
	return 1;
}

/* The child's half of the story; its exit status says which check failed. */
static void child(volatile char *priv, volatile char *zero, volatile char *prot,
		  volatile char *shared)
{
	wait_turn(1);				/* the parent has written */
	CHECK(10, holds(priv, 'a'));		/* ... but not here */
	CHECK(11, zero[0] == 0 && zero[NPAGES * PAGE - 1] == 0);
	fill(priv, 'c');
	fill(zero, 'z');
	CHECK(12, mprotect((void *)prot, NPAGES * PAGE, PROT_READ) == 0);
	CHECK(13, mprotect((void *)prot, NPAGES * PAGE, PROT_READ | PROT_WRITE) == 0);
	fill(prot, 'q');
	CHECK(14, holds(shared, 'S'));		/* the parent's, through shmem */
	fill(shared, 's');
	shared[NPAGES * PAGE - 2] = 'L';	/* a page nobody touched before */
	*turn = 2;
	wait_turn(3);
	CHECK(15, holds(priv, 'c') && holds(zero, 'z') && holds(prot, 'q'));
	_exit(0);
}

/* wait4() and clock_gettime() write into a page a sleeping child shares. */
static int64_t slot[PAGE / 8] __attribute__((aligned(PAGE))) = { 12345, 678 };

static void kernel_writes_break_cow(void)
{
	struct timespec *ts = (struct timespec *)&slot[2];
	pid_t sleeper, quick;
	int status;

	*turn = 0;
	slot[0] = 12345;
	ts->tv_sec = 42;
	sleeper = fork();
	if (sleeper == 0) {
		wait_turn(1);
		/* the parent's kernel-made writes must not show here */
		_exit(slot[0] == 12345 && slot[1] == 678 && ts->tv_sec == 42 ? 0 : 30);
	}
	CHECK(31, sleeper > 0);
	quick = fork();
	if (quick == 0)
		_exit(9);
	CHECK(32, quick > 0);
	CHECK(33, waitpid(quick, (int *)&slot[0], 0) == quick);	/* put_user */
	CHECK(34, WIFEXITED(slot[0]) && WEXITSTATUS(slot[0]) == 9);
	CHECK(35, clock_gettime(CLOCK_MONOTONIC, ts) == 0);	/* copy_to_user */
	CHECK(36, ts->tv_sec != 42 || ts->tv_nsec != 0);
	*turn = 1;
	CHECK(37, waitpid(sleeper, &status, 0) == sleeper);
	CHECK(38, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	volatile char *priv = map(MAP_PRIVATE), *zero = map(MAP_PRIVATE);
	volatile char *prot = map(MAP_PRIVATE), *shared = map(MAP_SHARED);
	int status;
	pid_t pid;

	turn = (volatile int *)map(MAP_SHARED);
	fill(priv, 'a');
	fill(prot, 'p');
	CHECK(2, zero[5] == 0 && zero[NPAGES * PAGE - 1] == 0);	/* read: the zero page */
	shared[0] = 1;

	pid = fork();
	if (pid == 0)
		child(priv, zero, prot, shared);
	CHECK(3, pid > 0);
	fill(priv, 'A');			/* copies: the child keeps 'a' */
	fill(shared, 'S');
	*turn = 1;
	wait_turn(2);
	CHECK(4, holds(priv, 'A'));		/* not the child's 'c' */
	CHECK(5, zero[0] == 0 && zero[NPAGES * PAGE - 1] == 0);
	CHECK(6, holds(prot, 'p'));
	CHECK(7, holds(shared, 's') && shared[NPAGES * PAGE - 2] == 'L');
	fill(zero, 'Z');
	CHECK(8, holds(zero, 'Z'));
	*turn = 3;
	CHECK(9, waitpid(pid, &status, 0) == pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return WIFEXITED(status) ? WEXITSTATUS(status) : 100;

	kernel_writes_break_cow();
	printf("cow_basic: private, zero-page, mprotect, shared and kernel-write cases ok\n");
	return 0;
}
