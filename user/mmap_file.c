/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmap_file: mappings of a file, checked against read(), write() and
 * each other.  The file is three pages in /tmp whose every byte is known.
 *
 *   MAP_PRIVATE  reads see the file; writes are copy-on-write: read(), a
 *                second MAP_PRIVATE and a MAP_SHARED mapping never see
 *                them, and the file is unchanged after munmap
 *   MAP_SHARED   one memory with the file: a store is seen at once by
 *                read(), by a second mapping, by a forked child's own new
 *                mapping -- and the child's store by the parent; a write()
 *                is seen through the mapping; the mapping outlives close()
 *                and unlink(); msync() says 0
 *   offsets      a mapping at offset 4096 starts at the file's byte 4096
 *   errors       offset not page-aligned or length 0: EINVAL; MAP_SHARED
 *                writable on an O_RDONLY fd, or anything on an O_WRONLY
 *                fd: EACCES (also mprotect() asking for it later); a pipe
 *                or a directory: ENODEV; a bad fd: EBADF
 *   EOF          in the last partial page the bytes past EOF read as zero
 *                (and stores there never reach the file); a whole page past
 *                EOF is SIGBUS, for a load and for a store
 *   madvise      MADV_DONTNEED drops a private file page's copy (the file
 *                shows again) and zeroes private anonymous memory;
 *                MADV_WILLNEED and MADV_NORMAL say 0; bad advice, an
 *                unaligned start, an unmapped range fail
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096
#define FILE_PAGES	3
#define FILE_SIZE	(FILE_PAGES * PAGE)
#define SMALL_SIZE	(PAGE + 100)	/* one page and a bit */

static char dir[64], path[96], small[96];
static unsigned char want[FILE_SIZE];	/* what the file holds */

static unsigned char byte_at(int i)
{
	return (unsigned char)(i * 13 + i / PAGE + 1);
}

/* @len bytes at @p are the file's bytes from @off, as want[] has them. */
static int same(const volatile unsigned char *p, int off, int len)
{
	for (int i = 0; i < len; i++)
		if (p[i] != want[off + i])
			return 0;
	return 1;
}

/* The same for the small file, which keeps the bytes byte_at() gives. */
static int is_pattern(const volatile unsigned char *p, int off, int len)
{
	for (int i = 0; i < len; i++)
		if (p[i] != byte_at(off + i))
			return 0;
	return 1;
}

static int file_is_want(int fd)
{
	static unsigned char buf[FILE_SIZE + 1];

	return pread(fd, buf, sizeof(buf), 0) == FILE_SIZE && same(buf, 0, FILE_SIZE);
}

static volatile unsigned char *map(int len, int prot, int flags, int fd, long off)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);

	CHECK(1, p != MAP_FAILED);
	return p;
}

static void setup(void)
{
	int fd;

	snprintf(dir, sizeof(dir), "/tmp/mmap_file.%d", getpid());
	snprintf(path, sizeof(path), "%s/data", dir);
	snprintf(small, sizeof(small), "%s/small", dir);
	CHECK(2, mkdir(dir, 0755) == 0);
	for (int i = 0; i < FILE_SIZE; i++)
		want[i] = byte_at(i);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
	CHECK(3, fd >= 0 && write(fd, want, FILE_SIZE) == FILE_SIZE && close(fd) == 0);
	fd = open(small, O_CREAT | O_EXCL | O_WRONLY, 0644);
	CHECK(4, fd >= 0 && write(fd, want, SMALL_SIZE) == SMALL_SIZE && close(fd) == 0);
}

/* MAP_PRIVATE: the file's contents, and stores that stay ours. */
static void check_private(void)
{
	volatile unsigned char *p, *q, *s, *ro;
	int fd = open(path, O_RDWR), rd = open(path, O_RDONLY);

	CHECK(5, fd >= 0 && rd >= 0);
	ro = map(FILE_SIZE, PROT_READ, MAP_PRIVATE, rd, 0);
	CHECK(6, same(ro, 0, FILE_SIZE));

	/* writable MAP_PRIVATE of an O_RDONLY fd is allowed: copies are ours */
	p = map(FILE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, rd, 0);
	CHECK(7, same(p, 0, FILE_SIZE));
	p[0] = 0xee;
	p[PAGE + 7] = 0xee;
	memset((void *)(p + 2 * PAGE), 0xdd, PAGE);
	CHECK(8, p[0] == 0xee && p[PAGE + 7] == 0xee && p[3 * PAGE - 1] == 0xdd);
	CHECK(9, same(p + 1, 1, PAGE + 6));			/* the rest untouched */
	CHECK(10, file_is_want(fd));				/* read() */
	CHECK(11, same(ro, 0, FILE_SIZE));			/* the older mapping */
	q = map(FILE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(12, same(q, 0, FILE_SIZE));			/* a new private one */
	s = map(FILE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(13, same(s, 0, FILE_SIZE));			/* a shared one */

	/* MADV_DONTNEED drops the copies: the file shows through again */
	CHECK(14, madvise((void *)p, FILE_SIZE, MADV_DONTNEED) == 0);
	CHECK(15, same(p, 0, FILE_SIZE));
	p[5] = 0x55;
	CHECK(16, munmap((void *)p, FILE_SIZE) == 0);
	CHECK(17, file_is_want(fd) && same(s, 0, FILE_SIZE));

	munmap((void *)q, FILE_SIZE);
	munmap((void *)s, FILE_SIZE);
	munmap((void *)ro, FILE_SIZE);
	close(fd);
	close(rd);
}

/* MAP_SHARED on an O_RDWR fd: one memory with the file, also across fork. */
static void check_shared(void)
{
	volatile unsigned char *a, *b, *off;
	unsigned char c = 0;
	pid_t pid;
	int fd = open(path, O_RDWR);

	CHECK(18, fd >= 0);
	a = map(FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = map(FILE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(19, same(a, 0, FILE_SIZE) && same(b, 0, FILE_SIZE));

	a[PAGE + 1] = want[PAGE + 1] = 0xa1;
	CHECK(20, pread(fd, &c, 1, PAGE + 1) == 1 && c == 0xa1);	/* read() at once */
	CHECK(21, b[PAGE + 1] == 0xa1);				/* the other mapping */
	c = want[2 * PAGE + 9] = 0xb2;
	CHECK(22, pwrite(fd, &c, 1, 2 * PAGE + 9) == 1);	/* write() ... */
	CHECK(23, a[2 * PAGE + 9] == 0xb2 && b[2 * PAGE + 9] == 0xb2);	/* ... seen */
	CHECK(24, msync((void *)a, FILE_SIZE, MS_SYNC) == 0);
	CHECK(25, msync((void *)a, PAGE, MS_ASYNC) == 0);

	/* at offset 4096: the file from byte 4096 on */
	off = map(2 * PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
	CHECK(26, same(off, PAGE, 2 * PAGE) && off[1] == 0xa1);
	munmap((void *)off, 2 * PAGE);
	off = map(PAGE, PROT_READ, MAP_PRIVATE, fd, 2 * PAGE);
	CHECK(27, same(off, 2 * PAGE, PAGE));
	munmap((void *)off, PAGE);

	pid = fork();
	if (pid == 0) {
		int cfd = open(path, O_RDWR);
		volatile unsigned char *m;

		CHECK(28, cfd >= 0);
		m = map(FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
		CHECK(29, same(m, 0, FILE_SIZE));		/* the parent's stores */
		CHECK(30, a[PAGE + 1] == 0xa1);			/* the inherited one */
		m[3] = 0xc3;
		a[PAGE - 1] = 0xc4;				/* shared: not COW */
		CHECK(31, munmap((void *)m, FILE_SIZE) == 0 && close(cfd) == 0);
		_exit(0);
	}
	reap_child(32, pid);
	want[3] = 0xc3;
	want[PAGE - 1] = 0xc4;
	CHECK(34, same(a, 0, FILE_SIZE) && same(b, 0, FILE_SIZE));
	CHECK(35, file_is_want(fd));

	/* MADV_DONTNEED on a shared mapping loses nothing */
	CHECK(36, madvise((void *)a, FILE_SIZE, MADV_DONTNEED) == 0 && same(a, 0, FILE_SIZE));

	/* the mapping holds the file: after close() and unlink() too */
	CHECK(37, close(fd) == 0 && unlink(path) == 0);
	a[7] = want[7] = 0x77;
	CHECK(38, same(b, 0, FILE_SIZE) && same(a, 0, FILE_SIZE));
	CHECK(39, msync((void *)a, FILE_SIZE, MS_SYNC) == 0);
	CHECK(40, munmap((void *)a, FILE_SIZE) == 0 && munmap((void *)b, FILE_SIZE) == 0);
}

/* What mmap of a file refuses, and what mprotect refuses later. */
static void check_errors(void)
{
	int rd = open(small, O_RDONLY), wr = open(small, O_WRONLY), p[2];
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	volatile unsigned char *m;

	CHECK(41, rd >= 0 && wr >= 0 && dfd >= 0 && pipe(p) == 0);
	/* (musl's mmap() refuses an unaligned offset itself: ask the kernel) */
	CHECK_ERRNO(42, syscall(SYS_mmap, NULL, PAGE, PROT_READ, MAP_PRIVATE, rd, 100), EINVAL);
	CHECK_ERRNO(43, syscall(SYS_mmap, NULL, PAGE, PROT_READ, MAP_SHARED, rd, PAGE + 1),
		    EINVAL);
	CHECK_ERRNO(44, mmap(NULL, 0, PROT_READ, MAP_PRIVATE, rd, 0), EINVAL);
	CHECK_ERRNO(45, mmap(NULL, PAGE, PROT_READ, 0, rd, 0), EINVAL);	/* neither */
	CHECK_ERRNO(46, mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, rd, 0), EACCES);
	CHECK_ERRNO(47, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, wr, 0), EACCES);
	CHECK_ERRNO(48, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wr, 0), EACCES);
	CHECK_ERRNO(49, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, p[0], 0), ENODEV);
	CHECK_ERRNO(50, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, dfd, 0), ENODEV);
	CHECK_ERRNO(51, mmap(NULL, PAGE, PROT_READ, MAP_SHARED, 12345, 0), EBADF);
	CHECK_ERRNO(52, mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);

	/* a read-only shared mapping of an O_RDONLY fd can never become writable */
	m = map(PAGE, PROT_READ, MAP_SHARED, rd, 0);
	CHECK_ERRNO(53, mprotect((void *)m, PAGE, PROT_READ | PROT_WRITE), EACCES);
	CHECK(54, mprotect((void *)m, PAGE, PROT_NONE) == 0);
	CHECK(55, mprotect((void *)m, PAGE, PROT_READ) == 0 && is_pattern(m, 0, PAGE));
	munmap((void *)m, PAGE);
	/* ... while a private one may */
	m = map(PAGE, PROT_READ, MAP_PRIVATE, rd, 0);
	CHECK(56, mprotect((void *)m, PAGE, PROT_READ | PROT_WRITE) == 0);
	m[0] = 0;
	CHECK(57, is_pattern(m + 1, 1, PAGE - 1));
	munmap((void *)m, PAGE);

	close(p[0]);
	close(p[1]);
	close(dfd);
	close(wr);
	close(rd);
}

/* In a child: touch @m[@off], which must kill it with SIGBUS. */
static void expect_sigbus(volatile unsigned char *m, int off, int store, int code)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (store)
			m[off] = 1;
		else
			(void)m[off];
		_exit(0);				/* no SIGBUS */
	}
	CHECK(code, pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(code + 1, WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
}

/* Mapping past EOF: zeros up to the page's end, SIGBUS after it. */
static void check_eof(void)
{
	volatile unsigned char *m;
	unsigned char c;
	struct stat st;
	int fd = open(small, O_RDWR);

	CHECK(58, fd >= 0);
	m = map(3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(59, is_pattern(m, 0, SMALL_SIZE));
	for (int i = SMALL_SIZE; i < 2 * PAGE; i++)
		CHECK(60, m[i] == 0);			/* past EOF, same page */
	m[SMALL_SIZE + 10] = 0x99;			/* never reaches the file */
	CHECK(61, msync((void *)m, 2 * PAGE, MS_SYNC) == 0);
	CHECK(62, fstat(fd, &st) == 0 && st.st_size == SMALL_SIZE);
	CHECK(63, pread(fd, &c, 1, SMALL_SIZE + 10) == 0);
	expect_sigbus(m, 2 * PAGE, 0, 64);
	expect_sigbus(m, 3 * PAGE - 1, 1, 66);
	CHECK(68, is_pattern(m, 0, SMALL_SIZE));		/* we are fine */
	munmap((void *)m, 3 * PAGE);

	/* the same with MAP_PRIVATE, and a mapping that starts past EOF */
	m = map(3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(69, is_pattern(m, 0, SMALL_SIZE) && m[2 * PAGE - 1] == 0);
	expect_sigbus(m, 2 * PAGE + 5, 0, 70);
	munmap((void *)m, 3 * PAGE);
	m = map(PAGE, PROT_READ, MAP_SHARED, fd, 4 * PAGE);
	expect_sigbus(m, 0, 0, 72);
	munmap((void *)m, PAGE);
	close(fd);
}

/* madvise: anonymous memory, the harmless advice, and the bad calls. */
static void check_madvise(void)
{
	volatile unsigned char *a = map(4 * PAGE, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memset((void *)a, 0x5a, 4 * PAGE);
	CHECK(74, madvise((void *)(a + PAGE), 2 * PAGE, MADV_DONTNEED) == 0);
	CHECK(75, a[0] == 0x5a && a[PAGE] == 0 && a[3 * PAGE - 1] == 0 && a[3 * PAGE] == 0x5a);
	CHECK(76, madvise((void *)a, 4 * PAGE, MADV_WILLNEED) == 0);
	CHECK(77, madvise((void *)a, 4 * PAGE, MADV_NORMAL) == 0);
	CHECK(78, a[0] == 0x5a);
	CHECK_ERRNO(79, madvise((void *)a, PAGE, 12345), EINVAL);
	CHECK_ERRNO(80, madvise((void *)(a + 1), PAGE, MADV_NORMAL), EINVAL);
	CHECK(81, munmap((void *)(a + PAGE), PAGE) == 0);
	CHECK_ERRNO(82, madvise((void *)a, 4 * PAGE, MADV_NORMAL), ENOMEM);	/* a hole */
	CHECK_ERRNO(83, msync((void *)a, 4 * PAGE, MS_SYNC), ENOMEM);
	CHECK_ERRNO(84, msync((void *)(a + 1), PAGE, MS_SYNC), EINVAL);
	CHECK_ERRNO(85, msync((void *)a, PAGE, MS_SYNC | MS_ASYNC), EINVAL);
	munmap((void *)a, 4 * PAGE);
}

int main(void)
{
	setup();
	check_private();
	check_shared();				/* unlinks the big file */
	check_errors();
	check_eof();
	check_madvise();
	CHECK(86, unlink(small) == 0);
	CHECK(87, rmdir(dir) == 0);
	printf("mmap_file: private, shared, offsets, errors, EOF and SIGBUS, madvise ok\n");
	return 0;
}
