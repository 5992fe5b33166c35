/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_isize: stores through a MAP_SHARED mapping past the end of the
 * file, in its last page, never become file data when the file grows
 * over them -- by ftruncate() or by a write() past the end.  The file is
 * 100 bytes of 'A' at first; Linux's disk file systems give:
 *
 *   m[150] = 'Z'; ftruncate(200)        bytes 100..199 read as zeros
 *   m[250] = 'Y'; pwrite(1 byte at 300) bytes 200..299 read as zeros
 *   m[4000] = 'X'; pwrite(at 8192)      the rest of page 0 reads as zeros
 *
 * while the stores stay visible through the mapping until then.  (Linux's
 * tmpfs keeps them; on a tmpfs /tmp the zero checks are skipped.)
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/vfs.h>
#include "check.h"

#define PAGE		4096
#define TMPFS_MAGIC	0x01021994

static int fd;

/* Bytes [from, to) of the file read as @c. */
static int file_bytes_are(off_t from, off_t to, char c)
{
	char buf[PAGE];

	if (pread(fd, buf, to - from, from) != to - from)
		return 0;
	for (off_t i = 0; i < to - from; i++)
		if (buf[i] != c)
			return 0;
	return 1;
}

int main(void)
{
	struct statfs sfs;
	char *m, c;
	int tmpfs;

	fd = open("/tmp/mmap_isize", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(1, fd >= 0 && unlink("/tmp/mmap_isize") == 0);
	tmpfs = fstatfs(fd, &sfs) == 0 && sfs.f_type == TMPFS_MAGIC;
	if (tmpfs)
		printf("mmap_isize: /tmp is a tmpfs, which keeps stores past the end\n");
	m = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(2, m != MAP_FAILED);
	CHECK(3, ftruncate(fd, 100) == 0);
	memset(m, 'A', 100);
	/* ftruncate grows the file over a store past its end */
	m[150] = 'Z';
	CHECK(4, file_bytes_are(0, 100, 'A') && pread(fd, &c, 1, 150) == 0);	/* past the end */
	CHECK(5, ftruncate(fd, 200) == 0);
	CHECK(6, tmpfs || (file_bytes_are(100, 200, 0) && m[150] == 0));
	CHECK(7, file_bytes_are(0, 100, 'A'));
	/* a write past the end does too; its own bytes and those before stay */
	m[250] = 'Y';
	CHECK(8, pwrite(fd, "y", 1, 300) == 1);
	CHECK(9, tmpfs || file_bytes_are(200, 300, 0));
	CHECK(10, file_bytes_are(300, 301, 'y') && file_bytes_are(0, 100, 'A'));
	/* ... also when the write lands in a later page */
	m[4000] = 'X';
	CHECK(11, m[4000] == 'X');
	CHECK(12, pwrite(fd, "x", 1, 2 * PAGE) == 1);
	CHECK(13, tmpfs || file_bytes_are(301, PAGE, 0));
	CHECK(14, file_bytes_are(300, 301, 'y') && file_bytes_are(2 * PAGE, 2 * PAGE + 1, 'x'));
	CHECK(15, munmap(m, 3 * PAGE) == 0 && close(fd) == 0);
	return 0;
}
