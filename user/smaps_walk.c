/* SPDX-License-Identifier: GPL-2.0 */
/*
 * smaps_walk: /proc/self/smaps costs what is mapped, not how big the
 * areas are.  Linux walks each area's page tables level by level
 * (walk_page_range), skipping every empty pgd, pud and pmd entry, so
 *
 *   - a 256 GiB PROT_NONE area, with no page table under it, is read
 *     in well under half a second (a walk page by page takes seconds);
 *   - in a 1 TiB area with three pages touched -- either side of a
 *     512 GiB boundary (a pgd entry) and one 2 MiB + 4 KiB into it --
 *     Rss is exactly those three pages: the walk finds them all.
 */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include "check.h"

#define PAGE		4096UL
#define GIB		(1UL << 30)
#define PGDIR_SIZE	(512 * GIB)
#define BUF_SIZE	(256 * 1024)

static char buf[BUF_SIZE];

/* /proc/self/smaps into buf; returns the seconds it took. */
static double read_smaps(void)
{
	struct timespec a, b;
	long n, len = 0;
	int fd;

	clock_gettime(CLOCK_MONOTONIC, &a);
	fd = open("/proc/self/smaps", O_RDONLY);
	CHECK(2, fd >= 0);
	while ((n = read(fd, buf + len, BUF_SIZE - 1 - len)) > 0)
		len += n;
	CHECK(3, n == 0 && close(fd) == 0);
	buf[len] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
}

/* The Rss, in kB, smaps gives the area starting at @start; -1 if none. */
static long rss_of(void *start)
{
	char head[32], *p;
	long kb;

	snprintf(head, sizeof(head), "%08lx-", (unsigned long)start);
	for (p = buf; p && strncmp(p, head, strlen(head)); p = strchr(p, '\n'), p = p ? p + 1 : p)
		;
	if (!p || !(p = strstr(p, "\nRss:")) || sscanf(p + 5, "%ld", &kb) != 1)
		return -1;
	return kb;
}

int main(void)
{
	char *none, *big, *boundary;
	double secs;

	none = mmap(NULL, 256 * GIB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK(1, none != MAP_FAILED);
	secs = read_smaps();
	printf("smaps_walk: smaps with a 256 GiB area read in %.3f s\n", secs);
	CHECK(4, secs < 0.5);
	CHECK(5, rss_of(none) == 0);
	CHECK(6, munmap(none, 256 * GIB) == 0);

	big = mmap(NULL, 1024 * GIB, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK(7, big != MAP_FAILED);
	CHECK(8, madvise(big, 1024 * GIB, MADV_NOHUGEPAGE) == 0);	/* 4 KiB pages on Linux too */
	boundary = (char *)(((unsigned long)big + PGDIR_SIZE) & ~(PGDIR_SIZE - 1));
	boundary[-1] = 1;
	boundary[0] = 2;
	boundary[2 * 1024 * 1024 + PAGE] = 3;
	read_smaps();
	CHECK(9, rss_of(big) == 3 * PAGE / 1024);
	CHECK(10, munmap(big, 1024 * GIB) == 0);
	return 0;
}
