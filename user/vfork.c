/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfork: the parent is suspended until the child exits (or execs), and
 * the child runs in the parent's memory meanwhile.  The child sleeps
 * 20 ms before it exits: the parent must not run during that time, and
 * must find the child's write when it goes on.
 */
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "check.h"

static volatile int written_by_child;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	struct timespec nap = { 0, 20 * 1000 * 1000 };
	long long t0 = now_ns();
	int status;
	pid_t pid;

	pid = vfork();
	if (pid == 0) {
		nanosleep(&nap, NULL);
		written_by_child = 1;
		_exit(7);
	}
	CHECK(1, pid > 0);
	CHECK(2, written_by_child == 1);	/* the child ran first, in our memory */
	CHECK(3, now_ns() - t0 >= 20 * 1000 * 1000);
	CHECK(4, waitpid(pid, &status, 0) == pid);
	CHECK(5, WIFEXITED(status) && WEXITSTATUS(status) == 7);
	printf("vfork: the parent waited for its child\n");
	return 0;
}
