/* SPDX-License-Identifier: GPL-2.0 */
/*
 * madvise_advice: what madvise() answers for advice on the kind of area
 * it is given, as Linux does (mm/madvise.c):
 *
 *   MADV_COLD, MADV_PAGEOUT  0 (only a hint about reclaim), EINVAL on a
 *                            locked area
 *   MADV_FREE                0 on private anonymous memory, EINVAL on
 *                            any file mapping (shared anonymous memory is
 *                            one: shmem)
 *   MADV_REMOVE              EINVAL without a file (private anonymous),
 *                            EACCES on a mapping that cannot write the
 *                            file (private, or shared of an O_RDONLY fd),
 *                            0 on a writable shared mapping
 *
 * Only the answers are checked: after MADV_REMOVE Linux has punched a
 * hole in the file, while dissect only drops the range's ptes.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include "check.h"

#define PAGE		4096
#define SIZE		(2 * PAGE)

#ifndef MADV_COLD
#define MADV_COLD	20
#define MADV_PAGEOUT	21
#endif

static char *map(int code, int prot, int flags, int fd)
{
	char *m = mmap(NULL, SIZE, prot, flags, fd, 0);

	CHECK(code, m != MAP_FAILED);
	return m;
}

int main(void)
{
	int rw = open("/tmp/madvise_advice", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int rd = open("/tmp/madvise_advice", O_RDONLY);
	char *anon, *shanon, *priv, *shared, *shared_ro, *locked;

	CHECK(1, rw >= 0 && rd >= 0 && unlink("/tmp/madvise_advice") == 0);
	CHECK(1, ftruncate(rw, SIZE) == 0);
	anon = map(2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	shanon = map(2, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1);
	priv = map(2, PROT_READ | PROT_WRITE, MAP_PRIVATE, rw);
	shared = map(2, PROT_READ | PROT_WRITE, MAP_SHARED, rw);
	shared_ro = map(2, PROT_READ, MAP_SHARED, rd);
	locked = map(2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1);
	anon[0] = shanon[0] = priv[0] = shared[0] = 1;

	/* MADV_COLD and MADV_PAGEOUT: accepted hints */
	CHECK(3, madvise(anon, SIZE, MADV_COLD) == 0 && madvise(anon, SIZE, MADV_PAGEOUT) == 0);
	CHECK(4, madvise(priv, SIZE, MADV_COLD) == 0 && madvise(shared, SIZE, MADV_PAGEOUT) == 0);
	CHECK(5, anon[0] == 1 && shared[0] == 1);		/* nothing is lost */
	CHECK_ERRNO(6, madvise(locked, SIZE, MADV_COLD), EINVAL);
	CHECK_ERRNO(7, madvise(locked, SIZE, MADV_PAGEOUT), EINVAL);
	/* MADV_FREE: private anonymous memory only */
	CHECK(8, madvise(anon, SIZE, MADV_FREE) == 0);
	CHECK_ERRNO(9, madvise(priv, SIZE, MADV_FREE), EINVAL);
	CHECK_ERRNO(10, madvise(shared, SIZE, MADV_FREE), EINVAL);
	CHECK_ERRNO(11, madvise(shanon, SIZE, MADV_FREE), EINVAL);
	/* MADV_REMOVE: only where the file may be written through the mapping */
	CHECK_ERRNO(12, madvise(anon, SIZE, MADV_REMOVE), EINVAL);
	CHECK_ERRNO(13, madvise(priv, SIZE, MADV_REMOVE), EACCES);
	CHECK_ERRNO(14, madvise(shared_ro, SIZE, MADV_REMOVE), EACCES);
	CHECK_ERRNO(15, madvise(locked, SIZE, MADV_REMOVE), EINVAL);
	CHECK(16, madvise(shared, SIZE, MADV_REMOVE) == 0);
	CHECK(17, madvise(shanon, SIZE, MADV_REMOVE) == 0);
	CHECK(18, close(rw) == 0 && close(rd) == 0);
	return 0;
}
