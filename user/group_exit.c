/* SPDX-License-Identifier: GPL-2.0 */
/*
 * group_exit: a process ends as a whole, with one status for its parent.
 *
 * exit() is exit_group(): the first thread to call it sets the group's
 * exit code and kills the other threads, and each of them exits with
 * that code -- so the parent sees "exited with 3", not "killed by
 * SIGKILL", even when a secondary thread called exit(3) and the main
 * thread was the one killed.  A fatal signal in one thread ends the
 * whole group the same way, and the parent sees that signal.
 *
 *   group_exit                a thread calls exit(3); main sleeps
 *   group_exit leader_first   main exits alone first, then the thread
 *                             calls exit(3)
 *   group_exit segv           a thread writes to address 0; main sleeps
 *
 * If the other threads were not killed, main would wake after a second
 * and exit with 1.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "check.h"

static const char *mode = "";

static void *ender(void *arg)
{
	struct timespec nap = { 0, 50 * 1000 * 1000 };

	nanosleep(&nap, NULL);
	if (!strcmp(mode, "segv"))
		*(volatile int *)arg = 1;	/* NULL: SIGSEGV */
	exit(3);
}

int main(int argc, char **argv)
{
	struct timespec second = { 1, 0 };
	pthread_t t;

	if (argc > 1)
		mode = argv[1];
	CHECK(2, pthread_create(&t, NULL, ender, NULL) == 0);
	if (!strcmp(mode, "leader_first"))
		syscall(SYS_exit, 0);		/* this thread only */
	nanosleep(&second, NULL);
	return 1;
}
