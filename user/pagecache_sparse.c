/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagecache_sparse: a file with data far from its start costs only what
 * it holds.  The page cache keeps a file's pages in a sparse tree, so
 *
 *   - pwrite() of one byte at 8 GiB and at 1 TiB succeeds, pread() reads
 *     each back, and the holes before them read as zeros;
 *   - a MAP_SHARED page at offset 64 GiB can be stored to (in a child: a
 *     kernel that runs out of memory kills it), and pread() sees the store.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "check.h"

#define GIB		(1L << 30)
#define PAGE		4096

/* One byte @c at @off: written, read back, and the 16 bytes before it zero. */
static void far_byte(int code, int fd, off_t off, char c)
{
	char buf[16], got = 0;

	CHECK(code, pwrite(fd, &c, 1, off) == 1);
	CHECK(code + 1, pread(fd, &got, 1, off) == 1 && got == c);
	memset(buf, 0xff, sizeof(buf));
	CHECK(code + 2, pread(fd, buf, sizeof(buf), off - sizeof(buf)) == sizeof(buf));
	for (unsigned int i = 0; i < sizeof(buf); i++)
		CHECK(code + 2, buf[i] == 0);
}

int main(void)
{
	int fd = open("/tmp/pagecache_sparse", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct stat st;
	char got = 0;
	char *m;
	pid_t pid;

	CHECK(1, fd >= 0 && unlink("/tmp/pagecache_sparse") == 0);
	far_byte(2, fd, 8 * GIB, 'a');
	CHECK(5, fstat(fd, &st) == 0 && st.st_size == 8 * GIB + 1);
	far_byte(6, fd, 1024 * GIB, 'b');
	/* a shared mapping's page at 64 GiB */
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 64 * GIB);
	CHECK(9, m != MAP_FAILED);
	pid = fork();
	if (!pid) {
		m[0] = 'c';
		_exit(0);
	}
	reap_child(10, pid);
	CHECK(12, pread(fd, &got, 1, 64 * GIB) == 1 && got == 'c');
	CHECK(13, munmap(m, PAGE) == 0);
	/* all of it goes again */
	CHECK(14, ftruncate(fd, 0) == 0 && pread(fd, &got, 1, 8 * GIB) == 0);
	CHECK(15, close(fd) == 0);
	return 0;
}
