/* SPDX-License-Identifier: GPL-2.0 */
/*
 * efault: a system call handed a bad user pointer fails with EFAULT; it
 * does not kill the program (that is only for the program's own loads
 * and stores) and does not crash the kernel.  Three bad buffers: the
 * never-mapped first page, a page that was mapped and then unmapped, and
 * a kernel address, which the kernel must refuse even though it is mapped
 * there (access_ok()).
 *
 * write() to stdout exercises copy_from_user().  read() into a bad buffer
 * exercises copy_to_user(), but only when stdin already holds data (so the
 * read cannot block): FIONREAD says how much.  The Linux runner gives
 * every program a stdin pipe holding a line; elsewhere the read checks may
 * be skipped.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

static void *unmapped_page(void)
{
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(1, page != MAP_FAILED);
	CHECK(2, munmap(page, 4096) == 0);
	return page;
}

/* Each bad buffer must give -1 and EFAULT; @code numbers the check. */
static void check_efault(long ret, int code)
{
	int err = errno;

	CHECK(code, ret == -1);
	CHECK(code + 1, err == EFAULT);
}

int main(void)
{
	void *bad[3] = {
		(void *)0x10,
		unmapped_page(),
		(void *)0xffffffff81000000UL,
	};
	int pending = 0;
	int nr_reads = 0;

	for (int i = 0; i < 3; i++) {
		errno = 0;
		check_efault(write(1, bad[i], 5), 10 + 2 * i);
	}
	if (ioctl(0, FIONREAD, &pending) == 0 && pending >= 5) {
		for (int i = 0; i < 3; i++) {
			errno = 0;
			check_efault(read(0, bad[i], 5), 20 + 2 * i);
			nr_reads++;
		}
	}
	printf("efault: %d bad writes and %d bad reads gave EFAULT\n", 3, nr_reads);
	return 0;
}
