/* SPDX-License-Identifier: GPL-2.0 */
/*
 * echo: print the arguments.
 *
 *	echo [-n] [ARG...]
 *
 * The ARGs separated by single spaces, then a newline unless the first
 * argument is -n.  No escapes (-e).  Exit status 1 if stdout fails.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = 1, i = 1;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		newline = 0;
		i++;
	}
	for (int first = i; i < argc; i++) {
		if (i > first)
			putchar(' ');
		fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) != 0 || ferror(stdout);
}
