/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clone_flags: what clone() does with its flags, checked the same way on
 * Linux and on dissect.
 *
 *   CLONE_SETTLS   the child's FS base (thread pointer) is the tls
 *                  argument; one outside user space is -EPERM, and no
 *                  child is made
 *   CLONE_PARENT_SETTID   the child's tid is written at ptid in the
 *                  parent's memory before clone() returns
 *   CLONE_CHILD_SETTID    ... and at ctid in the child's memory -- which
 *                  is the parent's too only with CLONE_VM
 *   combinations Linux refuses with -EINVAL: CLONE_THREAD without
 *                  CLONE_SIGHAND, CLONE_SIGHAND without CLONE_VM, and
 *                  namespace or pidfd flags dissect does not have
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define STACK_SIZE	(64 * 1024)

static char *stack_top;
static volatile unsigned long seen_fs0;
static volatile pid_t ptid, ctid;

/* A child that reads %fs:0: the first word of the block its FS base points at. */
static int read_fs0(void *arg __attribute__((unused)))
{
	unsigned long v;

	asm volatile("mov %%fs:0, %0" : "=r"(v));
	seen_fs0 = v;
	return 0;
}

/* A child that exits 0 if ctid, in its own memory, holds its tid. */
static int check_own_ctid(void *arg __attribute__((unused)))
{
	return ctid == syscall(SYS_gettid) ? 0 : 1;
}

static int exit_zero(void *arg __attribute__((unused)))
{
	return 0;
}

/* clone() with @flags running @fn; returns what clone() returned (errno kept). */
static pid_t clone_with(int (*fn)(void *), int flags, void *tls)
{
	return clone(fn, stack_top, flags, NULL, &ptid, tls, &ctid);
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

static void check_settid(void)
{
	pid_t pid;

	/* CLONE_VM: both tids land in the one memory */
	ptid = ctid = 0;
	pid = clone_with(exit_zero, CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
			 NULL);
	CHECK(20, pid > 0);
	CHECK(21, ptid == pid);			/* before clone() returned */
	CHECK(22, reaped_ok(pid));
	CHECK(23, ctid == pid);
	/* a copy: the child finds its tid in its memory, the parent not in its own */
	ptid = ctid = 0;
	pid = clone_with(check_own_ctid, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, NULL);
	CHECK(24, pid > 0);
	CHECK(25, ptid == pid);
	CHECK(26, reaped_ok(pid));
	CHECK(27, ctid == 0);
}

static void check_invalid_combinations(void)
{
	static const int refused[] = {
		CLONE_THREAD | SIGCHLD,				/* needs CLONE_SIGHAND */
		CLONE_THREAD | CLONE_SIGHAND | SIGCHLD,		/* ... which needs CLONE_VM */
		CLONE_SIGHAND | SIGCHLD,
		CLONE_NEWNS | CLONE_FS | SIGCHLD,		/* namespaces */
		CLONE_NEWUSER | CLONE_FS | SIGCHLD,
		CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID,
		CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD,	/* pidfds */
	};

	for (unsigned int i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		errno = 0;
		CHECK(30 + i, clone_with(exit_zero, refused[i], NULL) == -1 && errno == EINVAL);
	}
	errno = 0;
	CHECK(29, waitpid(-1, NULL, __WALL | WNOHANG) == -1 && errno == ECHILD);
}

int main(void)
{
	char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(1, stack != MAP_FAILED);
	stack_top = stack + STACK_SIZE;
	check_settls();
	check_settid();
	check_invalid_combinations();
	printf("clone_flags: CLONE_SETTLS, CLONE_PARENT_SETTID, CLONE_CHILD_SETTID, -EINVAL ok\n");
	return 0;
}
