/* SPDX-License-Identifier: GPL-2.0 */
/*
 * truncate_race: truncating a file races with fork(), mprotect() and
 * munmap() of a MAP_SHARED mapping of it in another process.
 *
 * Truncation zaps the ptes of every process mapping the file without
 * their mmap_lock (unmap_mapping_range()); fork's copy_pte_range,
 * mprotect's change_pte_range and munmap's zap_pte_range read and
 * rewrite the same ptes.  Unless those loops hold the pte lock, a
 * truncation that preempts one of them clears a pte (and drops its page)
 * under it, and the loop then copies, rewrites or clears the stale value:
 * the kernel panics (get_page() of a freed page, a mapcount below zero)
 * or leaks.
 *
 * Per round, a child faults the whole mapping in, arms the truncator (a
 * process spinning on sched_yield(), so that it runs whenever the child
 * is preempted) and then, until the truncator has shrunk the file to 0
 * and grown it back:
 *
 *   mode 0  forks batches of children that exit at once
 *   mode 1  mprotects the mapping read-only and back
 *   mode 2  munmaps it (once: the window is narrower, it is hit less often)
 *
 * Each mode runs for MODE_MS milliseconds or ROUNDS rounds.  Nothing is
 * touched while the truncator is armed, so no access meets the file at
 * size 0 (SIGBUS), on Linux's many CPUs either.
 */
#include <fcntl.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096
#define FILE_SIZE	(8L << 20)
#define MODE_MS		1800
#define ROUNDS		400
#define FORK_BATCH	8

struct flags {
	volatile int armed;	/* the child sets it; the truncator clears it when done */
	volatile int stop;	/* the truncator is to exit */
};

static struct flags *flags;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The truncator: one shrink to 0 and grow back each time it is armed. */
static _Noreturn void truncator(int fd)
{
	while (!flags->stop) {
		if (!flags->armed) {
			sched_yield();
			continue;
		}
		if (ftruncate(fd, 0) || ftruncate(fd, FILE_SIZE))
			_exit(20);
		flags->armed = 0;
	}
	_exit(0);
}

/* Mode 0's step: a batch of children, each a copy_page_range() of the mapping. */
static void fork_batch(void)
{
	pid_t pid[FORK_BATCH];

	for (int i = 0; i < FORK_BATCH; i++) {
		pid[i] = fork();
		if (!pid[i])
			_exit(0);
	}
	for (int i = 0; i < FORK_BATCH; i++)
		if (pid[i] < 0 || waitpid(pid[i], NULL, 0) != pid[i])
			_exit(21);
}

/* One round's child: fault @m in, arm the truncator, race it. */
static _Noreturn void racer(int mode, char *m)
{
	for (long off = 0; off < FILE_SIZE; off += PAGE)
		m[off] = 1;
	flags->armed = 1;
	if (mode == 2) {
		if (munmap(m, FILE_SIZE))
			_exit(22);
		_exit(0);
	}
	for (int k = 0; k < 1000 && flags->armed; k++) {
		if (mode == 0)
			fork_batch();
		else if (mprotect(m, FILE_SIZE, PROT_READ) ||
			 mprotect(m, FILE_SIZE, PROT_READ | PROT_WRITE))
			_exit(23);
	}
	_exit(0);
}

/* Run @mode's rounds; returns how many ran. */
static long run_mode(int mode, int fd, char *m)
{
	long end = now_ms() + MODE_MS, rounds = 0;
	pid_t t;

	flags->armed = flags->stop = 0;
	t = fork();
	CHECK(2, t >= 0);
	if (!t)
		truncator(fd);
	while (rounds < ROUNDS && now_ms() < end) {
		pid_t c = fork();

		if (!c)
			racer(mode, m);
		reap_child(3, c);
		while (flags->armed)
			sched_yield();
		rounds++;
	}
	flags->stop = 1;
	reap_child(5, t);
	return rounds;
}

int main(void)
{
	int fd = open("/tmp/truncate_race", O_CREAT | O_RDWR | O_TRUNC, 0644);
	char *m;

	CHECK(1, fd >= 0 && ftruncate(fd, FILE_SIZE) == 0 && unlink("/tmp/truncate_race") == 0);
	flags = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	m = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(1, flags != MAP_FAILED && m != MAP_FAILED);
	for (int mode = 0; mode < 3; mode++)
		printf("truncate_race: mode %d: %ld rounds\n", mode, run_mode(mode, fd, m));
	CHECK(7, munmap(m, FILE_SIZE) == 0 && close(fd) == 0);
	return 0;
}
