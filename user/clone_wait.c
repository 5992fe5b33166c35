/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clone_wait: a child's exit signal decides who may wait for it.
 *
 * A child cloned with an exit signal other than SIGCHLD -- here 0, as
 * clone(fn, stack, CLONE_VM, arg) gives -- is a "clone child": it becomes
 * a zombie like any other, but the parent gets no signal, and only a
 * wait with __WCLONE (clone children only) or __WALL (all children) sees
 * it.  A wait without them waits for the other children only, and says
 * ECHILD if there are none.  With WNOHANG, a wait for a child that is
 * still alive returns 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define STACK_SIZE	(64 * 1024)

static volatile int go;

/* A clone child: wait for the parent's go, then exit with the code @arg. */
static int clone_child(void *arg)
{
	while (!go)
		sched_yield();
	return (int)(long)arg;
}

/* A clone child (exit signal 0) running clone_child(@code). */
static pid_t start_clone_child(long code)
{
	char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(1, stack != MAP_FAILED);
	return clone(clone_child, stack + STACK_SIZE, CLONE_VM, (void *)code);
}

/* Poll waitpid(@pid, @options | WNOHANG) until it gives an answer. */
static pid_t wait_polling(pid_t pid, int *status, int options)
{
	pid_t ret;

	while ((ret = waitpid(pid, status, options | WNOHANG)) == 0)
		sched_yield();
	return ret;
}

/* Only __WALL or __WCLONE wait for a clone child; it stays a zombie until they do. */
static void check_clone_child_needs_wclone(void)
{
	int status;
	pid_t c;

	go = 0;
	c = start_clone_child(5);
	CHECK(2, c > 0);
	errno = 0;
	CHECK(3, waitpid(c, &status, WNOHANG) == -1 && errno == ECHILD);
	errno = 0;
	CHECK(4, waitpid(-1, &status, 0) == -1 && errno == ECHILD);	/* does not wait */
	CHECK(5, waitpid(c, &status, __WALL | WNOHANG) == 0);		/* alive */
	go = 1;
	CHECK(6, wait_polling(c, &status, __WALL) == c);
	CHECK(7, WIFEXITED(status) && WEXITSTATUS(status) == 5);
}

/* __WCLONE waits for clone children only, no flag for the others only. */
static void check_wclone_and_normal_children(void)
{
	int status;
	pid_t n, c;

	go = 0;
	n = fork();
	if (n == 0)
		_exit(3);
	CHECK(8, n > 0);
	c = start_clone_child(4);
	CHECK(9, c > 0);
	go = 1;
	CHECK(10, waitpid(-1, &status, __WCLONE) == c);			/* not n */
	CHECK(11, WIFEXITED(status) && WEXITSTATUS(status) == 4);
	errno = 0;
	CHECK(12, waitpid(-1, &status, __WCLONE | WNOHANG) == -1 && errno == ECHILD);
	CHECK(13, waitpid(-1, &status, 0) == n);
	CHECK(14, WIFEXITED(status) && WEXITSTATUS(status) == 3);
	errno = 0;
	CHECK(15, waitpid(-1, &status, __WALL | WNOHANG) == -1 && errno == ECHILD);
}

/* WNOHANG: 0 while the (forked) child lives, its pid once it has exited. */
static void check_wnohang(void)
{
	volatile int *flag = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t n;

	CHECK(16, flag != MAP_FAILED);
	n = fork();
	if (n == 0) {
		while (!*flag)
			sched_yield();
		_exit(6);
	}
	CHECK(17, n > 0);
	CHECK(18, waitpid(n, &status, WNOHANG) == 0);
	CHECK(19, waitpid(-1, &status, WNOHANG) == 0);
	*flag = 1;
	CHECK(20, wait_polling(n, &status, 0) == n);
	CHECK(21, WIFEXITED(status) && WEXITSTATUS(status) == 6);
}

int main(void)
{
	check_wnohang();
	check_clone_child_needs_wclone();
	check_wclone_and_normal_children();
	printf("clone_wait: clone children wait for __WCLONE or __WALL\n");
	return 0;
}
