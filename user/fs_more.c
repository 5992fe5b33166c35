/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs_more: rename, link, chmod/chown, utimensat, fsync and friends, and
 * the small process calls a C library asks (sched_getaffinity,
 * getrusage, times), each with Linux's answers to bad arguments.  Works
 * in a fresh directory under /tmp and removes it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include "check.h"

static char base[64];

static void put(const char *name, const char *text)
{
	int fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	CHECK(1, fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
}

static int holds(const char *name, const char *text)
{
	char buf[64] = { 0 };
	int fd = open(name, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) && !strcmp(buf, text);
}

static ino_t ino_of(const char *name)
{
	struct stat st;

	return stat(name, &st) ? 0 : st.st_ino;
}

static void check_rename(void)
{
	struct stat st;
	ino_t a;

	put("a", "alpha");
	put("b", "beta");
	CHECK(10, mkdir("d", 0755) == 0 && mkdir("e", 0755) == 0 && mkdir("e/f", 0755) == 0);
	a = ino_of("a");
	CHECK(11, rename("a", "a2") == 0 && holds("a2", "alpha") && ino_of("a2") == a);
	CHECK_ERRNO(12, open("a", O_RDONLY), ENOENT);
	CHECK(13, rename("a2", "d/a3") == 0 && holds("d/a3", "alpha"));	/* across dirs */
	CHECK(14, rename("b", "d/a3") == 0 && holds("d/a3", "beta"));	/* replaces */
	CHECK_ERRNO(15, open("b", O_RDONLY), ENOENT);
	CHECK(16, rename("d/a3", "d/a3") == 0);				/* itself: nothing */
	CHECK_ERRNO(17, rename("missing", "x"), ENOENT);
	CHECK_ERRNO(18, rename("d", "d/sub"), EINVAL);			/* into itself */
	CHECK_ERRNO(19, rename("d", "e"), ENOTEMPTY);			/* e holds f */
	CHECK_ERRNO(20, rename("d/a3", "e"), EISDIR);
	CHECK_ERRNO(21, rename("e", "d/a3"), ENOTDIR);
	CHECK_ERRNO(22, syscall(SYS_renameat2, AT_FDCWD, "d/a3", AT_FDCWD, "d/a3", 1),
		    EEXIST);						/* RENAME_NOREPLACE */
	CHECK_ERRNO(23, rename("/proc/self", "x"), EXDEV);
	/* a directory moves, its link counts follow */
	CHECK(24, stat("e", &st) == 0 && st.st_nlink == 3);
	CHECK(25, rename("e/f", "d/f") == 0);
	CHECK(26, stat("e", &st) == 0 && st.st_nlink == 2 && stat("d", &st) == 0 &&
		  st.st_nlink == 3);
	CHECK(27, renameat(AT_FDCWD, "d/f", AT_FDCWD, "e/longer-name-than-32-bytes-for-sure") == 0);
	CHECK(28, access("e/longer-name-than-32-bytes-for-sure", F_OK) == 0);
	CHECK(29, rmdir("e/longer-name-than-32-bytes-for-sure") == 0);
}

static void check_link(void)
{
	struct stat st;

	put("l1", "linked");
	CHECK(40, link("l1", "l2") == 0 && holds("l2", "linked"));
	CHECK(41, stat("l1", &st) == 0 && st.st_nlink == 2 && ino_of("l2") == st.st_ino);
	CHECK(42, unlink("l1") == 0 && holds("l2", "linked"));
	CHECK(43, stat("l2", &st) == 0 && st.st_nlink == 1);
	CHECK_ERRNO(44, link("d", "d2"), EPERM);
	CHECK_ERRNO(45, link("l2", "d/a3"), EEXIST);
	CHECK_ERRNO(46, link("nothing", "x"), ENOENT);
	CHECK(47, linkat(AT_FDCWD, "l2", AT_FDCWD, "l3", 0) == 0 && unlink("l3") == 0);
	CHECK_ERRNO(48, linkat(AT_FDCWD, "l2", AT_FDCWD, "l4", 0x1234), EINVAL);
	CHECK(49, unlink("l2") == 0);
}

static void check_modes(void)
{
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 1000000000, 0 } };
	struct stat st;
	int fd;

	put("m", "mode");
	CHECK(60, chmod("m", 0751) == 0 && stat("m", &st) == 0 && (st.st_mode & 07777) == 0751);
	CHECK(61, S_ISREG(st.st_mode));
	fd = open("m", O_RDONLY);
	CHECK(62, fd >= 0 && fchmod(fd, 0600) == 0 && fstat(fd, &st) == 0 &&
		  (st.st_mode & 07777) == 0600);
	CHECK(63, fchmodat(AT_FDCWD, "m", 0640, 0) == 0 && stat("m", &st) == 0 &&
		  (st.st_mode & 07777) == 0640);
	CHECK_ERRNO(64, chmod("nothing", 0600), ENOENT);
	CHECK(65, chown("m", 0, 0) == 0 && fchown(fd, -1, -1) == 0 && lchown("m", 0, -1) == 0);
	CHECK(66, fsync(fd) == 0 && fdatasync(fd) == 0);
	CHECK_ERRNO(67, fsync(12345), EBADF);
	sync();
	CHECK(68, utimensat(AT_FDCWD, "m", ts, 0) == 0 && stat("m", &st) == 0 &&
		  st.st_mtime == 1000000000);
	CHECK(69, futimens(fd, NULL) == 0 && fstat(fd, &st) == 0 && st.st_mtime > 1000000000);
	ts[1].tv_nsec = 2000000000;
	CHECK_ERRNO(70, utimensat(AT_FDCWD, "m", ts, 0), EINVAL);
	close(fd);
	CHECK(71, unlink("m") == 0);
}

static void check_process_calls(void)
{
	struct rusage ru;
	struct tms t;
	cpu_set_t set;

	CHECK(80, sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) >= 1);
	CHECK(81, CPU_ISSET(0, &set) || CPU_COUNT(&set) > 1);
	CHECK_ERRNO(82, syscall(SYS_sched_getaffinity, 0, 3, &set), EINVAL);
	CHECK(83, getrusage(RUSAGE_SELF, &ru) == 0 && getrusage(RUSAGE_CHILDREN, &ru) == 0);
	CHECK_ERRNO(84, getrusage(42, &ru), EINVAL);
	CHECK(85, times(&t) != (clock_t)-1);
}

int main(void)
{
	snprintf(base, sizeof(base), "/tmp/fs_more.%d", getpid());
	CHECK(2, mkdir(base, 0755) == 0 && chdir(base) == 0);
	check_rename();
	check_link();
	check_modes();
	check_process_calls();
	CHECK(3, rmdir("e") == 0 && unlink("d/a3") == 0 && rmdir("d") == 0);
	CHECK(4, chdir("/") == 0 && rmdir(base) == 0);
	printf("fs_more: rename, link, chmod/chown, utimensat, fsync, affinity, rusage, times ok\n");
	return 0;
}
