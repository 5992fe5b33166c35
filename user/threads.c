/*
 * threads: four POSIX threads in one address space.  musl's
 * pthread_create() is clone(CLONE_VM | CLONE_THREAD | CLONE_SETTLS |
 * CLONE_CHILD_CLEARTID | ...); pthread_join() sleeps in futex() until the
 * kernel clears the thread's tid at exit and wakes it.  Each thread sums
 * into its own slot of a shared array and reads its own thread-local
 * variable (through its FS base); the main thread checks everything --
 * and that it has no children: threads are not.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include "check.h"

#define NTHREADS	4
#define ROUNDS		100000

static long sums[NTHREADS];		/* shared: one mm */
static __thread long mine;		/* one per thread: TLS via FS */

static void *worker(void *arg)
{
	long id = (long)arg;

	for (long i = 1; i <= ROUNDS; i++) {
		mine += i;
		sums[id] += id;
	}
	return (void *)(mine + id);
}

int main(void)
{
	pthread_t t[NTHREADS];
	void *ret;

	for (long i = 0; i < NTHREADS; i++)
		CHECK(1, pthread_create(&t[i], NULL, worker, (void *)i) == 0);
	for (long i = 0; i < NTHREADS; i++) {
		CHECK(2, pthread_join(t[i], &ret) == 0);
		CHECK(3, (long)ret == (long)ROUNDS * (ROUNDS + 1) / 2 + i);
		CHECK(4, sums[i] == i * ROUNDS);
	}
	CHECK(5, mine == 0);			/* main's own copy untouched */
	errno = 0;				/* threads are nobody's children */
	CHECK(6, waitpid(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD);
	printf("threads: %d threads joined, sums and thread-local storage ok\n", NTHREADS);
	return 0;
}
