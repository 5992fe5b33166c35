/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pipes: what a pipe promises between processes.
 *
 *   blocking     1 MiB each way between parent and child, checksummed: a
 *                writer that fills the pipe sleeps until the reader drains
 *                it (one write() call moves the whole MiB), a reader of an
 *                empty pipe sleeps until data comes
 *   ping-pong    two pipes, one each way, 1000 round trips
 *   EOF          read() gives 0 once every write end is closed, also one
 *                held by another process, and not before
 *   EPIPE        writing with no reader left: SIGPIPE kills by default;
 *                with SIGPIPE ignored, write() fails with EPIPE (no
 *                handler is installed: dissect records handlers but does
 *                not call them)
 *   O_NONBLOCK   pipe2(O_CLOEXEC|O_NONBLOCK): EAGAIN reading an empty
 *                pipe and writing a full one, a write of up to PIPE_BUF
 *                bytes goes in whole or not at all, a bigger one in part
 *   atomic       records of PIPE_BUF (4096) bytes from two writers at once
 *                never mix
 *   poll         POLLIN, POLLOUT, POLLHUP, POLLERR, POLLNVAL, a wake-up when
 *                data comes, a 50 ms timeout
 *   misc         fstat says S_ISFIFO, lseek and pread say ESPIPE, each end
 *                works one way only, pipe2's bad flags and pipe's bad pointer
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define BIG		(1024 * 1024)
#define RECORD		4096		/* PIPE_BUF */
#define RECORDS		1000
#define MS		(1000 * 1000LL)

static unsigned char big[BIG];

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { 0, ms * MS };

	nanosleep(&ts, NULL);
}

static uint32_t fnv1a(uint32_t h, const unsigned char *p, size_t n)
{
	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

static uint32_t big_sum(void)
{
	return fnv1a(2166136261u, big, BIG);
}

/*
 * Read @fd to EOF, after @got bytes already read into @buf; check the
 * count and the checksum against big[].
 */
static void read_big(int fd, unsigned char *buf, size_t got, int code)
{
	uint32_t h = fnv1a(2166136261u, buf, got);
	size_t total = got;
	ssize_t n;

	while ((n = read(fd, buf, 10000)) > 0) {
		h = fnv1a(h, buf, n);
		total += n;
	}
	CHECK(code, n == 0 && total == BIG);
	CHECK(code + 1, h == big_sum());
}

static void check_big_transfers(void)
{
	static unsigned char buf[10000];
	long long t0;
	pid_t pid;
	int p[2];

	for (int i = 0; i < BIG; i++)
		big[i] = (unsigned char)(i * 131 + (i >> 12));

	/* parent -> child; the child sleeps first, so our write must wait */
	CHECK(1, pipe(p) == 0);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		sleep_ms(50);
		read_big(p[0], buf, 0, 2);
		_exit(0);
	}
	close(p[0]);
	CHECK(4, write(p[1], big, BIG) == BIG);			/* all, in one call */
	CHECK(5, now_ns() - t0 >= 50 * MS);			/* after the reader woke */
	close(p[1]);
	reap_child(6, pid);

	/* child -> parent; our first read waits for the child's first write */
	CHECK(8, pipe(p) == 0);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		sleep_ms(50);
		CHECK(9, write(p[1], big, BIG) == BIG);
		_exit(0);
	}
	close(p[1]);
	CHECK(10, read(p[0], buf, 1) == 1 && now_ns() - t0 >= 50 * MS);
	read_big(p[0], buf, 1, 11);
	close(p[0]);
	reap_child(13, pid);
}

/* 1000 round trips through a pipe each way. */
static void check_ping_pong(void)
{
	int down[2], up[2];
	uint32_t v;
	pid_t pid;

	CHECK(15, pipe(down) == 0 && pipe(up) == 0);
	pid = fork();
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		while (read(down[0], &v, sizeof(v)) == sizeof(v)) {
			v++;
			CHECK(16, write(up[1], &v, sizeof(v)) == sizeof(v));
		}
		_exit(0);
	}
	close(down[0]);
	close(up[1]);
	for (uint32_t i = 0; i < 1000; i++) {
		v = i * 3;
		CHECK(17, write(down[1], &v, sizeof(v)) == sizeof(v));
		CHECK(18, read(up[0], &v, sizeof(v)) == sizeof(v) && v == i * 3 + 1);
	}
	close(down[1]);						/* the child sees EOF */
	CHECK(19, read(up[0], &v, sizeof(v)) == 0);		/* and so do we */
	close(up[0]);
	reap_child(20, pid);
}

/* EOF comes when the last write end closes, wherever it was. */
static void check_eof(void)
{
	char c[4];
	int p[2], w2;
	long long t0;
	pid_t pid;

	CHECK(22, pipe(p) == 0 && (w2 = dup(p[1])) >= 0);
	CHECK(23, write(p[1], "ab", 2) == 2 && close(p[1]) == 0);
	CHECK(24, read(p[0], c, 4) == 2 && memcmp(c, "ab", 2) == 0);
	CHECK(25, write(w2, "c", 1) == 1 && close(w2) == 0);	/* the last writer */
	CHECK(26, read(p[0], c, 4) == 1 && c[0] == 'c');
	CHECK(27, read(p[0], c, 4) == 0 && read(p[0], c, 4) == 0);
	close(p[0]);

	/* the child's copy of the write end keeps the pipe open */
	CHECK(28, pipe(p) == 0);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		sleep_ms(50);
		CHECK(29, write(p[1], "x", 1) == 1);
		sleep_ms(50);
		_exit(0);
	}
	close(p[1]);
	CHECK(30, read(p[0], c, 4) == 1 && c[0] == 'x');
	CHECK(31, read(p[0], c, 4) == 0 && now_ns() - t0 >= 100 * MS);
	close(p[0]);
	reap_child(32, pid);
}

/* Writing with no reader: SIGPIPE, or EPIPE when that is not fatal. */
static void check_epipe(void)
{
	struct pollfd pfd;
	int p[2], status;
	pid_t pid;

	CHECK(34, signal(SIGPIPE, SIG_DFL) != SIG_ERR);		/* whatever we inherited */
	CHECK(35, pipe(p) == 0 && close(p[0]) == 0);
	pid = fork();
	if (pid == 0) {
		write(p[1], "x", 1);				/* dies here */
		CHECK(36, !"SIGPIPE killed the writer");
	}
	CHECK(37, waitpid(pid, &status, 0) == pid);
	CHECK(38, WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);

	CHECK(39, signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	CHECK_ERRNO(40, write(p[1], "x", 1), EPIPE);
	CHECK_ERRNO(41, write(p[1], "xy", 2), EPIPE);		/* every time */
	pfd = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	CHECK(42, poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLERR));
	close(p[1]);

	/* the last reader was another process's, and it has exited */
	CHECK(43, pipe(p) == 0);
	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK(44, close(p[0]) == 0);
	reap_child(45, pid);
	CHECK_ERRNO(47, write(p[1], "x", 1), EPIPE);
	close(p[1]);
	CHECK(48, signal(SIGPIPE, SIG_DFL) != SIG_ERR);
}

/* pipe2(O_CLOEXEC|O_NONBLOCK): flags on both ends, EAGAIN both ways. */
static void check_nonblock(void)
{
	static unsigned char chunk[RECORD];
	ssize_t cap = 0, n;
	int p[2];

	CHECK(49, pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0);
	CHECK(50, fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC);
	CHECK(51, (fcntl(p[0], F_GETFL) & O_NONBLOCK) && (fcntl(p[1], F_GETFL) & O_NONBLOCK));
	CHECK(52, (fcntl(p[0], F_GETFL) & O_ACCMODE) == O_RDONLY);
	CHECK(53, (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY);
	CHECK_ERRNO(54, read(p[0], chunk, 1), EAGAIN);

	/* fill it a record at a time, each record its own byte */
	for (;;) {
		memset(chunk, (int)(cap / RECORD), RECORD);
		n = write(p[1], chunk, RECORD);
		if (n < 0)
			break;
		CHECK(55, n == RECORD && cap < BIG);
		cap += n;
	}
	CHECK(56, errno == EAGAIN && cap >= RECORD);
	CHECK_ERRNO(57, write(p[1], "x", 1), EAGAIN);
	for (ssize_t got = 0; got < cap; got += RECORD) {
		CHECK(58, read(p[0], chunk, RECORD) == RECORD);
		CHECK(59, chunk[0] == (unsigned char)(got / RECORD) &&
			  chunk[RECORD - 1] == chunk[0]);
	}
	CHECK_ERRNO(60, read(p[0], chunk, 1), EAGAIN);

	/* one big write into the empty pipe goes in part: as much as fits */
	CHECK(61, write(p[1], big, cap + 2 * RECORD) == cap);
	CHECK(62, read(p[0], big, BIG) == cap);

	/* with 100 bytes free, up to PIPE_BUF bytes go in all or not at all */
	CHECK(63, write(p[1], big, cap - 100) == cap - 100);
	CHECK_ERRNO(64, write(p[1], chunk, 200), EAGAIN);
	CHECK(65, write(p[1], chunk, 50) == 50);
	CHECK(66, read(p[0], big, BIG) == cap - 50);
	close(p[0]);
	close(p[1]);
}

/* Two writers of 4096-byte records: the reader gets whole records. */
static void writer(int fd, int byte)
{
	static unsigned char rec[RECORD];

	memset(rec, byte, RECORD);
	for (int i = 0; i < RECORDS; i++)
		CHECK(67, write(fd, rec, RECORD) == RECORD);
	_exit(0);
}

static void check_atomic(void)
{
	static unsigned char rec[RECORD];
	int p[2], count[2] = { 0, 0 };
	pid_t a, b;
	ssize_t n;

	CHECK(68, pipe(p) == 0);
	a = fork();
	if (a == 0)
		writer(p[1], 'A');
	b = fork();
	if (b == 0)
		writer(p[1], 'B');
	close(p[1]);
	for (;;) {
		size_t got = 0;

		while (got < RECORD && (n = read(p[0], rec + got, RECORD - got)) > 0)
			got += n;
		if (got == 0)
			break;
		CHECK(69, got == RECORD && (rec[0] == 'A' || rec[0] == 'B'));
		for (int i = 1; i < RECORD; i++)
			CHECK(70, rec[i] == rec[0]);		/* not mixed */
		count[rec[0] - 'A']++;
	}
	CHECK(71, count[0] == RECORDS && count[1] == RECORDS);
	close(p[0]);
	reap_child(72, a);
	reap_child(74, b);
}

/* poll() on the two ends of a pipe. */
static void check_poll(void)
{
	struct pollfd pfd[2];
	long long t0;
	pid_t pid;
	char c;
	int p[2];

	CHECK(76, pipe(p) == 0);
	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	CHECK(77, poll(pfd, 2, 0) == 1 && pfd[0].revents == 0 && pfd[1].revents == POLLOUT);
	CHECK(78, write(p[1], "x", 1) == 1);
	CHECK(79, poll(pfd, 2, 0) == 2 && pfd[0].revents == POLLIN && pfd[1].revents == POLLOUT);
	CHECK(80, read(p[0], &c, 1) == 1);

	t0 = now_ns();						/* nothing happens */
	CHECK(81, poll(pfd, 1, 50) == 0 && pfd[0].revents == 0);
	CHECK(82, now_ns() - t0 >= 50 * MS && now_ns() - t0 < 5000 * MS);

	t0 = now_ns();						/* data comes later */
	pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		CHECK(83, write(p[1], "y", 1) == 1);
		_exit(0);
	}
	CHECK(84, poll(pfd, 1, 5000) == 1 && pfd[0].revents == POLLIN);
	CHECK(85, now_ns() - t0 >= 50 * MS);
	reap_child(86, pid);

	/* the writer is gone: POLLHUP, with POLLIN while data is left */
	CHECK(88, close(p[1]) == 0);
	CHECK(89, poll(pfd, 1, 0) == 1 && pfd[0].revents == (POLLIN | POLLHUP));
	CHECK(90, read(p[0], &c, 1) == 1 && c == 'y');
	CHECK(91, poll(pfd, 1, 1000) == 1 && pfd[0].revents == POLLHUP);

	/* a closed fd number is POLLNVAL; a negative fd is skipped */
	pfd[0] = (struct pollfd){ .fd = p[1], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = -1, .events = POLLIN };
	CHECK(92, poll(pfd, 2, 0) == 1 && pfd[0].revents == POLLNVAL && pfd[1].revents == 0);
	close(p[0]);
}

/* What a pipe is not: seekable, or usable both ways from one end. */
static void check_misc(void)
{
	struct stat st;
	char c = 'z';
	int p[2];

	CHECK(93, pipe(p) == 0);
	CHECK(94, fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK(95, fstat(p[1], &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK_ERRNO(96, lseek(p[0], 0, SEEK_CUR), ESPIPE);
	CHECK_ERRNO(97, lseek(p[1], 0, SEEK_SET), ESPIPE);
	CHECK_ERRNO(98, write(p[0], &c, 1), EBADF);
	CHECK_ERRNO(99, read(p[1], &c, 1), EBADF);
	CHECK(100, write(p[1], "0123456789", 10) == 10);
	CHECK_ERRNO(101, pread(p[0], &c, 1, 0), ESPIPE);
	CHECK(102, read(p[0], big, 100) == 10 && memcmp(big, "0123456789", 10) == 0);
	close(p[0]);
	close(p[1]);
	CHECK_ERRNO(103, pipe2(p, 0x12345), EINVAL);
	CHECK_ERRNO(104, syscall(SYS_pipe, (int *)1), EFAULT);
}

int main(void)
{
	check_big_transfers();
	check_ping_pong();
	check_eof();
	check_epipe();
	check_nonblock();
	check_atomic();
	check_poll();
	check_misc();
	printf("pipes: 1 MiB each way, ping-pong, EOF, EPIPE/SIGPIPE, O_NONBLOCK, "
	       "atomic records, poll ok\n");
	return 0;
}
