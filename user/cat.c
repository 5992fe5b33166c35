/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cat: copy files to stdout.
 *
 *	cat [FILE...]		(no FILE, or "-": stdin)
 *
 * A read/write loop through one 4 KiB buffer; a short write is finished
 * before the next read.  A FILE that cannot be read is reported ("cat: X:
 * No such file or directory") and skipped: the others are still copied,
 * and the exit status is 1.  A failed write ends it at once, status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

/* Write all @len bytes of @p to stdout; exits 1 if that fails. */
static void write_all(const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(1, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "cat: write error: %s\n",
				n ? strerror(errno) : "nothing written");
			exit(1);
		}
		p += n;
		len -= n;
	}
}

/* Copy @fd, read as @name, to stdout; 0, or 1 after a read error. */
static int copy(int fd, const char *name)
{
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return 1;
		}
		if (n == 0)
			return 0;
		write_all(buf, n);
	}
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		return copy(0, "-");
	for (int i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;

		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]);
		if (fd)
			close(fd);
	}
	return status;
}
