/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_checks: the errors mmap() of a file gives, in Linux's order
 * (mm/mmap.c do_mmap): once the address is chosen,
 *
 *   EOVERFLOW  offset + length past the largest file offset
 *              (MAX_LFS_FILESIZE), before anything about the file
 *   EACCES     MAP_SHARED with PROT_WRITE on a file not open for writing;
 *              any mapping of a file not open for reading -- a pipe's
 *              write end too, before its missing ->mmap is looked at
 *   ENODEV     no ->mmap: a pipe's read end, a directory, /dev/null
 *   EINVAL     MAP_GROWSDOWN on a file, shared or private
 *
 * The last page below MAX_LFS_FILESIZE may be mapped (and is past the end
 * of this file: a touch would be SIGBUS, so none is made).
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include "check.h"

#define PAGE		4096
#define LAST_PAGE	0x7fffffffffffe000L	/* the last whole page below 2^63 - 1 */

int main(void)
{
	int rw = open("/tmp/mmap_checks", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int wr = open("/tmp/mmap_checks", O_WRONLY), rd = open("/tmp/mmap_checks", O_RDONLY);
	int dir = open("/", O_RDONLY | O_DIRECTORY), null = open("/dev/null", O_RDWR);
	int p[2];
	void *m;

	CHECK(1, rw >= 0 && wr >= 0 && rd >= 0 && dir >= 0 && null >= 0 && pipe(p) == 0);
	CHECK(1, unlink("/tmp/mmap_checks") == 0 && ftruncate(rw, PAGE) == 0);
	/* EOVERFLOW: past MAX_LFS_FILESIZE, whatever else is wrong */
	CHECK_ERRNO(2, mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, rw, -(long)PAGE), EOVERFLOW);
	CHECK_ERRNO(3, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rw, LAST_PAGE + PAGE), EOVERFLOW);
	CHECK_ERRNO(4, mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, rw, LAST_PAGE), EOVERFLOW);
	CHECK_ERRNO(5, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wr, LAST_PAGE + PAGE), EOVERFLOW);
	m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rw, LAST_PAGE);
	CHECK(6, m != MAP_FAILED && munmap(m, PAGE) == 0);
	/* EACCES: the file's open mode */
	CHECK_ERRNO(7, mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, rd, 0), EACCES);
	CHECK_ERRNO(8, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wr, 0), EACCES);
	CHECK_ERRNO(9, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, wr, 0), EACCES);
	CHECK_ERRNO(10, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, p[1], 0), EACCES);
	CHECK_ERRNO(11, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, p[1], 0), EACCES);
	/* ENODEV: nothing to map */
	CHECK_ERRNO(12, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, p[0], 0), ENODEV);
	CHECK_ERRNO(13, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, dir, 0), ENODEV);
	CHECK_ERRNO(14, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, null, 0), ENODEV);
	/* EINVAL: a file area cannot grow down */
	CHECK_ERRNO(15, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN, rw, 0), EINVAL);
	CHECK_ERRNO(16, mmap(NULL, PAGE, PROT_READ, MAP_SHARED | MAP_GROWSDOWN, rw, 0), EINVAL);
	CHECK_ERRNO(17, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN, p[0], 0), ENODEV);
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN,
		 -1, 0);
	CHECK(18, m != MAP_FAILED && munmap(m, PAGE) == 0);	/* anonymous: a stack */
	/* and what is allowed still is */
	m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rd, 0);
	CHECK(19, m != MAP_FAILED && munmap(m, PAGE) == 0);
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, rd, 0);
	CHECK(20, m != MAP_FAILED && munmap(m, PAGE) == 0);
	CHECK(21, close(rw) == 0 && close(wr) == 0 && close(rd) == 0 && close(dir) == 0);
	return 0;
}
