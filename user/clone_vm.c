/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clone_vm: clone(CLONE_VM) makes a child in the same address space.
 * What the child writes -- also into memory it maps itself -- the parent
 * sees; the address space outlives the child (the parent goes on using
 * it after the child's exit, which only dropped one of its mm_users).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define STACK_SIZE	(64 * 1024)

static volatile int counter = 1;
static volatile char *child_map;

static int child_fn(void *arg)
{
	counter += (int)(long)arg;
	child_map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (child_map == MAP_FAILED)
		return 1;
	child_map[100] = 'k';
	return 0;
}

int main(void)
{
	char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	CHECK(1, stack != MAP_FAILED);
	pid = clone(child_fn, stack + STACK_SIZE, CLONE_VM | SIGCHLD, (void *)41L);
	CHECK(2, pid > 0);
	CHECK(3, waitpid(pid, &status, 0) == pid);
	CHECK(4, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(5, counter == 42);		/* the child's write, in our memory */
	CHECK(6, child_map != NULL && child_map[100] == 'k');	/* its mapping too */
	child_map[200] = 'p';			/* still ours after it exited */
	CHECK(7, munmap((void *)child_map, 4096) == 0);
	CHECK(8, munmap(stack, STACK_SIZE) == 0);
	printf("clone_vm: the child's writes and mappings are the parent's\n");
	return 0;
}
