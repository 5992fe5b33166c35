/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cow_generations: three generations share one large area copy-on-write
 * and write overlapping parts of it, all of them while the others are
 * still alive.  Each knows exactly what it should see: the pages it wrote
 * hold its own values, every other page its nearest ancestor's.
 *
 *   generation 0  writes all pages (value 0), forks 1, then rewrites the
 *                 last third (value 3) while 1 and 2 run
 *   generation 1  writes the first two thirds (value 1), forks 2
 *   generation 2  writes the middle third to the end (value 2)
 *
 * Each generation checks its view after its child has exited, so a copy
 * that went to the wrong process, or a page freed too early, shows.
 */
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096UL
#define NPAGES		3072UL			/* 12 MiB */
#define THIRD		(NPAGES / 3)

static volatile unsigned long *area;

static unsigned long value(int gen, unsigned long page)
{
	return (unsigned long)gen << 56 | page * 2654435761UL;
}

static void write_range(int gen, unsigned long from, unsigned long to)
{
	for (unsigned long i = from; i < to; i++)
		area[i * PAGE / sizeof(long) + i % 512] = value(gen, i);
}

/* Which generation's value page @i must hold in generation @gen's view. */
static int owner(int gen, unsigned long i)
{
	switch (gen) {
	case 0:
		return i >= 2 * THIRD ? 3 : 0;
	case 1:
		return i < 2 * THIRD ? 1 : 0;
	default:
		return i >= THIRD ? 2 : 1;
	}
}

static int view_ok(int gen)
{
	for (unsigned long i = 0; i < NPAGES; i++)
		if (area[i * PAGE / sizeof(long) + i % 512] != value(owner(gen, i), i))
			return 0;
	return 1;
}

/* Fork a child that runs @fn; return its pid. */
static pid_t spawn(int (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	CHECK(1, pid > 0);
	return pid;
}

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 99;
	return WEXITSTATUS(status);
}

static int generation2(void)
{
	write_range(2, THIRD, NPAGES);
	return view_ok(2) ? 0 : 20;
}

static int generation1(void)
{
	int rc;

	write_range(1, 0, 2 * THIRD);
	rc = reap(spawn(generation2));
	if (rc)
		return rc;
	return view_ok(1) ? 0 : 10;
}

int main(void)
{
	pid_t child;
	int rc;

	area = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(2, area != MAP_FAILED);
	write_range(0, 0, NPAGES);
	child = spawn(generation1);
	write_range(3, 2 * THIRD, NPAGES);
	rc = reap(child);
	if (rc)
		return rc;			/* 10: generation 1's view, 20: 2's */
	CHECK(3, view_ok(0));
	CHECK(4, munmap((void *)area, NPAGES * PAGE) == 0);
	printf("cow_generations: 3 generations, %lu pages, every view ok\n", NPAGES);
	return 0;
}
