/* SPDX-License-Identifier: GPL-2.0 */
/*
 * syscalls_basic: the simple system calls, each checked for a result that
 * holds on Linux and on dissect alike.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void check_ids(void)
{
	CHECK(1, getpid() > 0);
	CHECK(2, getppid() >= 0);
	CHECK(3, gettid() == getpid());		/* one thread */
}

static void check_uname(void)
{
	struct utsname u;

	CHECK(10, uname(&u) == 0);
	CHECK(11, u.sysname[0] != '\0');
	CHECK(12, strcmp(u.machine, "x86_64") == 0);
	printf("syscalls_basic: uname: %s %s %s\n", u.sysname, u.release, u.machine);
}

static long long elapsed_ns(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

static void check_time(void)
{
	struct timespec t0, t1, t2;
	struct timespec ten_ms = { .tv_sec = 0, .tv_nsec = 10 * 1000 * 1000 };

	CHECK(20, clock_gettime(CLOCK_MONOTONIC, &t0) == 0);
	CHECK(21, clock_gettime(CLOCK_MONOTONIC, &t1) == 0);
	CHECK(22, elapsed_ns(&t0, &t1) >= 0);
	CHECK(23, nanosleep(&ten_ms, NULL) == 0);
	CHECK(24, clock_gettime(CLOCK_MONOTONIC, &t2) == 0);
	CHECK(25, elapsed_ns(&t1, &t2) >= 10 * 1000 * 1000);
	CHECK(26, sched_yield() == 0);
}

/* mmap, write, mprotect read-only, read back, unmap. */
static void check_mmap(void)
{
	const size_t len = 2 * 4096;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(30, p != MAP_FAILED);
	CHECK(31, ((unsigned long)p & 4095) == 0);
	CHECK(32, p[0] == 0 && p[len - 1] == 0);	/* demand-zero */
	memset(p, 0xa5, len);
	CHECK(33, mprotect(p, len, PROT_READ) == 0);
	CHECK(34, (unsigned char)p[4096] == 0xa5);
	CHECK(35, mprotect(p, len, PROT_READ | PROT_WRITE) == 0);
	p[4096] = 1;
	CHECK(36, munmap(p, len) == 0);
}

/*
 * The raw brk system call returns the new program break, or the old one
 * if it cannot move it; brk(0) just asks.  (musl's own brk() and sbrk()
 * refuse to move the break, to keep it for malloc, hence syscall().)
 */
static char *sys_brk(char *addr)
{
	return (char *)syscall(SYS_brk, addr);
}

/* Grow the heap by 16 KiB, use it, give it back. */
static void check_brk(void)
{
	const long len = 4 * 4096;
	char *start = sys_brk(NULL);

	CHECK(40, start != NULL);
	CHECK(41, sys_brk(start + len) == start + len);
	CHECK(42, sys_brk(NULL) == start + len);
	memset(start, 0x5a, len);
	CHECK(43, start[len - 1] == 0x5a);
	CHECK(44, sys_brk(start) == start);
	CHECK(45, sys_brk(NULL) == start);
}

/* Whether stdout is a terminal depends on how we were run: either answer. */
static void report_tty(void)
{
	struct winsize ws;
	int ret;

	errno = 0;
	ret = ioctl(1, TIOCGWINSZ, &ws);
	CHECK(50, ret == 0 || errno == ENOTTY);
	printf("syscalls_basic: stdout %s a terminal\n", isatty(1) ? "is" : "is not");
}

int main(void)
{
	check_brk();		/* first: before malloc can use brk */
	check_ids();
	check_uname();
	check_time();
	check_mmap();
	report_tty();
	printf("syscalls_basic: ids, uname, clocks, nanosleep, sched_yield, "
	       "mmap/mprotect/munmap and brk ok\n");
	return 0;
}
