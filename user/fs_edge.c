/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs_edge: the corners of the file system where a simple implementation
 * goes wrong, each as Linux behaves:
 *
 *   - a removed directory takes no new names (ENOENT), even as the cwd
 *   - readdir while the same loop unlinks what it read misses nothing
 *   - symlinks in the middle of a path are followed all the way, also by
 *     lstat, O_NOFOLLOW, mkdir and unlink; 40 links in all are allowed,
 *     more give ELOOP
 *   - a running program cannot be opened for writing or truncated
 *     (ETXTBSY); a file open for writing cannot be executed
 *   - open ignores unknown flag bits; O_CREAT|O_DIRECTORY is EINVAL and
 *     creates nothing; O_RDONLY|O_TRUNC truncates
 *   - lseek: SEEK_DATA, SEEK_HOLE, overflow
 *   - readv/writev check the whole vector first, and a writev to a pipe
 *     is one write
 *   - execve counts argv's pointers too: 250000 empty arguments are E2BIG
 *   - RLIMIT_NOFILE is enforced; select and ppoll work on pipes
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "check.h"

static char base[64];

static void check_dead_directory(void)
{
	CHECK(1, mkdir("dead", 0755) == 0 && chdir("dead") == 0);
	CHECK(2, rmdir("../dead") == 0);
	CHECK_ERRNO(3, open("x", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERRNO(4, mkdir("y", 0755), ENOENT);
	CHECK(5, chdir(base) == 0);
}

static void check_readdir_while_unlinking(void)
{
	char name[300];
	struct dirent *e;
	int removed = 0;
	DIR *d;

	CHECK(10, mkdir("many", 0755) == 0);
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "many/f%03d", i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	d = opendir("many");
	CHECK(11, d != NULL);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(name, sizeof(name), "many/%s", e->d_name);
		CHECK(12, unlink(name) == 0);
		removed++;
	}
	closedir(d);
	CHECK(13, removed == 300);
	CHECK(14, rmdir("many") == 0);		/* nothing was missed */
}

static void check_symlinks(void)
{
	char name[32], path[64];
	struct stat st;
	int fd;

	CHECK(20, mkdir("dir", 0755) == 0 && symlink("dir", "l2") == 0 && symlink("l2", "l1") == 0);
	close(open("dir/f", O_CREAT | O_WRONLY, 0644));
	CHECK(21, lstat("l1/f", &st) == 0 && S_ISREG(st.st_mode));
	fd = open("l1/f", O_RDONLY | O_NOFOLLOW);
	CHECK(22, fd >= 0);
	close(fd);
	CHECK(23, mkdir("l1/new", 0755) == 0 && rmdir("dir/new") == 0);
	CHECK(24, unlink("l1/f") == 0 && access("dir/f", F_OK) != 0);
	/* a chain: c0 -> dir, cN -> c(N-1); 40 links are followed, 41 are too many */
	for (int i = 0; i <= 40; i++) {
		char to[32];

		snprintf(name, sizeof(name), "c%d", i);
		snprintf(to, sizeof(to), i ? "c%d" : "dir", i - 1);
		CHECK(25, symlink(to, name) == 0);
	}
	CHECK(26, stat("c39", &st) == 0 && S_ISDIR(st.st_mode));	/* 40 links */
	CHECK_ERRNO(27, stat("c40", &st), ELOOP);			/* 41 */
	snprintf(path, sizeof(path), "c39/.");
	CHECK(28, stat(path, &st) == 0);
	for (int i = 0; i <= 40; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		unlink(name);
	}
	CHECK(29, unlink("l1") == 0 && unlink("l2") == 0 && rmdir("dir") == 0);
}

static void check_text_busy(const char *self)
{
	char *argv[] = { "x", NULL };
	int fd;

	CHECK_ERRNO(30, open(self, O_WRONLY), ETXTBSY);
	CHECK_ERRNO(31, truncate(self, 0), ETXTBSY);
	fd = open("prog", O_CREAT | O_WRONLY, 0755);
	CHECK(32, fd >= 0);
	CHECK_ERRNO(33, execve("prog", argv, argv + 1), ETXTBSY);
	close(fd);
	/* access mode 3 (O_WRONLY|O_RDWR): neither way, so no write access kept */
	fd = open("prog", O_WRONLY | O_RDWR);
	CHECK(35, fd >= 0);
	CHECK_ERRNO(36, write(fd, "x", 1), EBADF);
	CHECK_ERRNO(37, read(fd, argv, 1), EBADF);
	close(fd);
	CHECK_ERRNO(38, execve("prog", argv, argv + 1), ENOEXEC);	/* empty, not busy */
	CHECK(34, unlink("prog") == 0);
}

static void check_open_flags(void)
{
	struct stat st;
	int fd;

	fd = open("f", O_CREAT | O_WRONLY | 0x40000000, 0644);	/* an unknown bit */
	CHECK(40, fd >= 0 && write(fd, "data", 4) == 4);
	close(fd);
	CHECK_ERRNO(41, open("g", O_CREAT | O_DIRECTORY | O_RDONLY, 0644), EINVAL);
	CHECK(42, access("g", F_OK) != 0);
	fd = open("f", O_RDONLY | O_TRUNC);
	CHECK(43, fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0);
	close(fd);
}

static void check_lseek(void)
{
	int fd = open("f", O_RDWR);
	int d = open(".", O_RDONLY | O_DIRECTORY);

	CHECK(50, fd >= 0 && d >= 0 && write(fd, "0123456789", 10) == 10);
	CHECK(51, lseek(fd, 3, SEEK_DATA) == 3);
	CHECK(52, lseek(fd, 3, SEEK_HOLE) == 10);
	CHECK_ERRNO(53, lseek(fd, 10, SEEK_DATA), ENXIO);
	CHECK_ERRNO(54, lseek(fd, 20, SEEK_HOLE), ENXIO);
	CHECK(55, lseek(fd, 100, SEEK_SET) == 100);
	CHECK_ERRNO(56, lseek(fd, INT64_MAX, SEEK_CUR), EINVAL);	/* overflow */
	close(fd);
	close(d);
	CHECK(58, unlink("f") == 0);
}

static void check_iovecs(void)
{
	char a[8], b[8000], got[8008];
	struct iovec bad[2] = { { a, 8 }, { b, (size_t)-1 } };
	struct iovec good[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	int p[2];

	memset(a, 'a', sizeof(a));
	memset(b, 'b', sizeof(b));
	CHECK(60, pipe(p) == 0);
	CHECK_ERRNO(61, writev(p[1], bad, 2), EINVAL);			/* nothing written */
	CHECK(62, writev(p[1], good, 2) == 8008);
	CHECK(63, read(p[0], got, sizeof(got)) == 8008);		/* one write */
	CHECK(64, got[7] == 'a' && got[8] == 'b' && got[8007] == 'b');
	close(p[0]);
	close(p[1]);
}

static void check_exec_pointers(const char *self)
{
	enum { N = 250000 };
	static char *argv[N + 1];
	char *envp[] = { NULL };
	pid_t pid;

	for (int i = 0; i < N; i++)
		argv[i] = "";
	pid = fork();
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(errno == E2BIG ? 0 : 70);
	}
	reap_child(71, pid);
}

static void check_nofile_and_select(void)
{
	struct rlimit old, lim;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	struct pollfd pfd;
	fd_set rd;
	int p[2], fd;

	CHECK(79, getrlimit(RLIMIT_NOFILE, &old) == 0);
	lim = (struct rlimit){ 16, old.rlim_max };		/* only the soft limit moves */
	CHECK(80, setrlimit(RLIMIT_NOFILE, &lim) == 0);
	CHECK_ERRNO(81, dup2(0, 20), EBADF);
	CHECK_ERRNO(82, fcntl(0, F_DUPFD, 20), EINVAL);
	while ((fd = dup(0)) >= 0)
		CHECK(83, fd < 16);
	CHECK(84, errno == EMFILE);
	for (fd = 3; fd < 16; fd++)
		close(fd);
	CHECK(85, setrlimit(RLIMIT_NOFILE, &old) == 0);
	CHECK(86, pipe(p) == 0);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	CHECK(87, select(p[0] + 1, &rd, NULL, NULL, &(struct timeval){ 0, 10000 }) == 0);
	CHECK(88, write(p[1], "x", 1) == 1);
	FD_SET(p[0], &rd);
	CHECK(89, select(p[0] + 1, &rd, NULL, NULL, NULL) == 1 && FD_ISSET(p[0], &rd));
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	CHECK(90, ppoll(&pfd, 1, &ts, NULL) == 1 && pfd.revents == POLLIN);
	fd = dup(0);					/* a descriptor surely closed */
	CHECK(91, fd >= 0 && close(fd) == 0);
	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	CHECK_ERRNO(92, select(fd + 1, &rd, NULL, NULL, NULL), EBADF);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	char self[256] = { 0 };

	CHECK(6, readlink("/proc/self/exe", self, sizeof(self) - 1) > 0);
	snprintf(base, sizeof(base), "/tmp/fs_edge.%d", getpid());
	CHECK(7, mkdir(base, 0755) == 0 && chdir(base) == 0);
	check_dead_directory();
	check_readdir_while_unlinking();
	check_symlinks();
	check_text_busy(self);
	check_open_flags();
	check_lseek();
	check_iovecs();
	check_exec_pointers(self);
	check_nofile_and_select();
	CHECK(8, chdir("/") == 0 && rmdir(base) == 0);
	printf("fs_edge: dead dirs, readdir+unlink, symlink chains, ETXTBSY, open flags, lseek, "
	       "iovecs, exec limits, RLIMIT_NOFILE, select ok\n");
	return 0;
}
