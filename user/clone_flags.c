/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clone_flags: what clone() does with its flags, checked the same way on
 * Linux and on dissect.
 *
 *   CLONE_SETTLS   the child's FS base (thread pointer) is the tls
 *                  argument; one outside user space is -EPERM, and no
 *                  child is made
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define STACK_SIZE	(64 * 1024)

static char *stack_top;
static volatile unsigned long seen_fs0;

/* A child that reads %fs:0: the first word of the block its FS base points at. */
static int read_fs0(void *arg __attribute__((unused)))
{
	unsigned long v;

	asm volatile("mov %%fs:0, %0" : "=r"(v));
	seen_fs0 = v;
	return 0;
}

/* clone() with @flags running @fn; returns what clone() returned (errno kept). */
static pid_t clone_with(int (*fn)(void *), int flags, void *tls)
{
	return clone(fn, stack_top, flags, NULL, NULL, tls, NULL);
}

/* Wait for @pid (a CLONE_VM | SIGCHLD child); true if it exited with 0. */
static int reaped_ok(pid_t pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void check_settls(void)
{
	static unsigned long tls_block[4] = { 0x5eed };
	pid_t pid;

	pid = clone_with(read_fs0, CLONE_VM | CLONE_SETTLS | SIGCHLD, tls_block);
	CHECK(10, pid > 0);
	CHECK(11, reaped_ok(pid));
	CHECK(12, seen_fs0 == 0x5eed);

	/* the first address above user space, and a kernel one: refused */
	errno = 0;
	CHECK(13, clone_with(read_fs0, CLONE_VM | CLONE_SETTLS | SIGCHLD,
			     (void *)0x800000000000UL) == -1 && errno == EPERM);
	errno = 0;
	CHECK(14, clone_with(read_fs0, CLONE_VM | CLONE_SETTLS | SIGCHLD,
			     (void *)0xffff888000000000UL) == -1 && errno == EPERM);
	CHECK(15, waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD);	/* no child made */
}

int main(void)
{
	char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(1, stack != MAP_FAILED);
	stack_top = stack + STACK_SIZE;
	check_settls();
	printf("clone_flags: CLONE_SETTLS ok\n");
	return 0;
}
