/* SPDX-License-Identifier: GPL-2.0 */
/*
 * forkdemo: the fork and copy-on-write story, to watch.  Run it with the
 * kernel's mm trace on ("make demo", which boots with "mmtrace" on the
 * command line); it also asks for the trace itself with dissect's prctl
 * (Linux refuses that prctl, and the demo runs there all the same).
 *
 * Each step says what it does; the kernel's "mmtrace:" lines between
 * them say what that cost: how many page-table entries fork's
 * copy_page_range() visited and write-protected per area, and for each
 * write fault whether do_wp_page() copied the page or reused it.
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include "check.h"

#define PR_SET_MMTRACE	0x6d6d7472	/* dissect's own */
#define PAGE		4096UL
#define NPAGES		8

static void say(const char *who, const char *what, volatile char *addr)
{
	printf("forkdemo: %-6s %p: %s\n", who, (void *)addr, what);
	fflush(stdout);
}

int main(void)
{
	volatile char *buf;
	int status;
	pid_t pid;

	prctl(PR_SET_MMTRACE, 1, 0, 0, 0);
	buf = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(1, buf != MAP_FAILED);
	for (int i = 0; i < NPAGES; i++)
		buf[i * PAGE] = 'P';
	say("parent", "wrote 8 pages: 8 first-touch faults", buf);

	say("parent", "forks: every page is now shared read-only, refcount 2", buf);
	pid = fork();
	CHECK(2, pid >= 0);
	if (pid == 0) {
		say("child", "writes page 0: shared, so do_wp_page copies it", buf);
		buf[0] = 'C';
		say("child", "writes page 0 again: its own now, no fault", buf);
		buf[1] = 'C';
		say("child", "exits: its copy and its references go", buf);
		_exit(buf[0] == 'C' && buf[PAGE] == 'P' ? 0 : 1);
	}
	CHECK(3, waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status));
	say("parent", "writes page 0: the child copied, so the parent reuses", buf);
	buf[0] = 'p';
	say("parent", "writes page 1: the child never wrote it; reused too", buf + PAGE);
	buf[PAGE] = 'p';
	CHECK(4, buf[0] == 'p' && buf[PAGE] == 'p' && buf[2 * PAGE] == 'P');
	say("parent", "done; the child's writes never reached", buf);
	return 0;
}
