/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one helper dissect's user programs share.
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

#endif /* _USER_CHECK_H */
