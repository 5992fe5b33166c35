/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The helpers dissect's user programs share: CHECK, CHECK_ERRNO, reap_child.
 *
 * Every program is self-checking and runs unchanged on Linux and on
 * dissect.  CHECK(code, cond) ends the program with exit status @code,
 * after one line on stderr naming the check, when @cond is false.  Each
 * check in a program has its own code, so the exit status alone says
 * which check failed:
 *
 *	CHECK(3, argc == 4);
 *	-> "argv_check.c:31: check 3 failed: argc == 4", exit status 3
 *
 * Output goes through stdio (write/writev, and one ioctl(TIOCGWINSZ) the
 * first time stdout is used); exit() flushes stdout.
 */
#ifndef _USER_CHECK_H
#define _USER_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <sys/wait.h>

#define CHECK(code, cond)						\
	do {								\
		if (!(cond))						\
			check_failed(code, __FILE__, __LINE__, #cond);	\
	} while (0)

static inline _Noreturn void check_failed(int code, const char *file,
					  int line, const char *what)
{
	fflush(stdout);
	fprintf(stderr, "%s:%d: check %d failed: %s\n", file, line, code, what);
	exit(code);
}

/*
 * CHECK_ERRNO(code, call, err): @call must fail (-1) with errno @err; on a
 * mismatch the line also says what came instead.
 */
#define CHECK_ERRNO(code, call, err)					\
	do {								\
		long r_ = (long)(call);					\
		int e_ = errno;						\
		if (r_ != -1 || e_ != (err)) {				\
			fprintf(stderr, "returned %ld, errno %d; wanted errno %d\n", \
				r_, r_ == -1 ? e_ : 0, (err));		\
			check_failed(code, __FILE__, __LINE__,		\
				     #call " fails with " #err);	\
		}							\
	} while (0)

/*
 * reap_child(code, pid): wait for the child @pid, a self-checking program
 * too: its failed check's code becomes ours; it must exit(0) else.
 */
static inline void reap_child(int code, pid_t pid)
{
	int status;

	CHECK(code, pid > 0 && waitpid(pid, &status, 0) == pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		exit(WEXITSTATUS(status));
	CHECK(code + 1, WIFEXITED(status));
}

#endif /* _USER_CHECK_H */
