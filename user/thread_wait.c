/* SPDX-License-Identifier: GPL-2.0 */
/*
 * thread_wait: a process is one child, however many threads it has.
 *
 * The parent forks a child whose main thread starts a thread and then
 * exits alone while the thread sleeps.  Threads are not
 * children of anyone (they are on their leader's thread list), so the
 * parent cannot wait for the thread's tid, even with __WALL; and it
 * does not see the child's exit while the thread lives on: waitpid()
 * returns only when the whole process is gone -- after the thread's
 * last write -- and then there is nothing left to wait for.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

struct shared {
	volatile pid_t tid;		/* the child's thread */
	volatile int thread_done;	/* its last act */
};

static struct shared *sh;

static void *sleeper(void *arg)
{
	struct timespec nap = { 0, 100 * 1000 * 1000 };

	sh->tid = gettid();
	nanosleep(&nap, NULL);
	sh->thread_done = 1;
	return arg;
}

/*
 * The main thread alone ends, with the exit system call.  (Not with
 * pthread_exit(): musl's leaves its thread-list lock for the kernel to
 * clear at exit, at an address set_tid_address() gave -- which it never
 * does again in a forked child -- and the other thread would wait on
 * the lock forever.)
 */
static void child(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, sleeper, NULL))
		_exit(100);
	syscall(SYS_exit, 0);
}

int main(void)
{
	int status;
	pid_t pid;

	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(1, sh != MAP_FAILED);
	pid = fork();
	if (pid == 0)
		child();
	CHECK(2, pid > 0);
	while (!sh->tid)
		sched_yield();
	errno = 0;
	CHECK(3, waitpid(sh->tid, &status, __WALL | WNOHANG) == -1 && errno == ECHILD);
	CHECK(4, waitpid(pid, &status, __WALL | WNOHANG) == 0);	/* not gone yet */
	CHECK(5, waitpid(pid, &status, 0) == pid);
	CHECK(6, sh->thread_done);				/* the thread ended first */
	CHECK(7, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	errno = 0;
	CHECK(8, waitpid(-1, &status, __WALL | WNOHANG) == -1 && errno == ECHILD);
	printf("thread_wait: the child was reaped after its last thread\n");
	return 0;
}
