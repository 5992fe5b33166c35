/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs_syscalls: every file system call, with good arguments and with bad
 * ones, answering as Linux answers -- the same result, the same errno.
 *
 *   open/openat   access modes, O_CREAT with umask, O_EXCL, O_TRUNC,
 *                 O_APPEND, O_DIRECTORY, O_CLOEXEC, dirfds, bad paths
 *   read/write    wrong-mode fds, bad buffers, directories, EOF
 *   pread64, pwrite64, readv, writev, lseek (holes read as zeros)
 *   stat family   type bits, size, link counts, stable inode numbers,
 *                 AT_FDCWD and a dirfd, AT_SYMLINK_NOFOLLOW on /proc/self
 *   getdents64    exactly the names created plus . and .., with d_type,
 *                 in a big buffer and one entry per call
 *   dup/dup2/dup3/fcntl   fd numbers, shared offsets, FD_CLOEXEC, flags
 *   getcwd/chdir/fchdir   ERANGE, ENOENT, ENOTDIR, "." and ".." in paths
 *   mkdir/unlink/rmdir    EEXIST, ENOENT, EISDIR, an open unlinked file
 *   access, umask, the ids, prlimit64, getrandom, over-long and empty paths
 *
 * Everything happens in a fresh /tmp/fs_syscalls.PID, removed at the end.
 * Raw syscall() is used where musl would hide what the kernel says.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

#define KERNEL_ADDR	((void *)0xffffffff81000000UL)

static char base[64];			/* /tmp/fs_syscalls.PID, our cwd */

static int make_file(const char *path, const char *data)
{
	int fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);

	CHECK(1, fd >= 0 && write(fd, data, strlen(data)) == (ssize_t)strlen(data));
	return fd;
}

static int read_is(int fd, const char *want)
{
	char buf[256];
	ssize_t n = read(fd, buf, sizeof(buf));

	return n == (ssize_t)strlen(want) && memcmp(buf, want, n) == 0;
}

static int file_is(const char *path, const char *want)
{
	int fd = open(path, O_RDONLY);
	int ok = fd >= 0 && read_is(fd, want);

	close(fd);
	return ok;
}

/* open: access modes, creation and its flags. */
static void check_open(void)
{
	struct stat st;
	int fd, fd2;

	umask(022);
	CHECK(2, umask(022) == 022);
	fd = open("a", O_CREAT | O_WRONLY, 0666);
	CHECK(3, fd >= 0);
	CHECK(4, fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0);
	CHECK(5, (st.st_mode & 07777) == 0644);		/* 0666 & ~022 */
	CHECK(6, write(fd, "hello", 5) == 5);
	CHECK_ERRNO(7, read(fd, (char[4]){ 0 }, 4), EBADF);
	CHECK(8, close(fd) == 0);
	CHECK_ERRNO(9, open("a", O_CREAT | O_EXCL | O_WRONLY, 0600), EEXIST);

	fd = open("a", O_RDONLY);
	CHECK(10, fd >= 0 && read_is(fd, "hello") && read(fd, (char[4]){ 0 }, 4) == 0);
	CHECK_ERRNO(11, write(fd, "x", 1), EBADF);
	close(fd);

	fd = open("a", O_RDWR);
	CHECK(12, fd >= 0 && read_is(fd, "hello") && write(fd, "!", 1) == 1);
	close(fd);
	CHECK(13, file_is("a", "hello!"));

	fd = open("a", O_WRONLY | O_TRUNC);
	CHECK(14, fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0 && write(fd, "abc", 3) == 3);
	close(fd);

	fd = open("a", O_WRONLY | O_APPEND);
	CHECK(15, fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "XYZ", 3) == 3);
	CHECK(16, lseek(fd, 0, SEEK_CUR) == 6);
	close(fd);
	CHECK(17, file_is("a", "abcXYZ"));

	/* O_EXCL creates when the name is free. */
	fd = open("b", O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
	CHECK(18, fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0600 &&
		  fcntl(fd, F_GETFD) == FD_CLOEXEC);
	fd2 = open("b", O_RDONLY);
	CHECK(19, fd2 >= 0 && fcntl(fd2, F_GETFD) == 0);
	close(fd2);
	close(fd);

	CHECK_ERRNO(20, open("a", O_RDONLY | O_DIRECTORY), ENOTDIR);
	close(fd = open(".", O_RDONLY | O_DIRECTORY));
	CHECK(21, fd >= 0);
	CHECK_ERRNO(22, open(".", O_WRONLY), EISDIR);
	CHECK_ERRNO(23, open(".", O_RDWR), EISDIR);
	CHECK_ERRNO(24, open("missing", O_RDONLY), ENOENT);
	CHECK_ERRNO(25, open("missing/x", O_CREAT | O_RDWR, 0644), ENOENT);
	CHECK_ERRNO(26, open("a/x", O_RDONLY), ENOTDIR);
	CHECK_ERRNO(27, open("a/", O_RDONLY), ENOTDIR);
	CHECK_ERRNO(28, open((char *)1, O_RDONLY), EFAULT);
	CHECK_ERRNO(29, open(KERNEL_ADDR, O_RDONLY), EFAULT);
}

/* openat: relative to a dirfd or AT_FDCWD; absolute paths ignore it. */
static void check_openat(void)
{
	int dfd = open(base, O_RDONLY | O_DIRECTORY);
	int fd, file = open("a", O_RDONLY);
	char path[128];

	CHECK(30, dfd >= 0 && file >= 0);
	fd = openat(dfd, "a", O_RDONLY);
	CHECK(31, fd >= 0 && read_is(fd, "abcXYZ"));
	close(fd);
	fd = openat(AT_FDCWD, "a", O_RDONLY);
	CHECK(32, fd >= 0 && read_is(fd, "abcXYZ"));
	close(fd);
	snprintf(path, sizeof(path), "%s/a", base);
	fd = openat(12345, path, O_RDONLY);			/* never looked at */
	CHECK(33, fd >= 0 && read_is(fd, "abcXYZ"));
	close(fd);
	CHECK_ERRNO(34, openat(12345, "a", O_RDONLY), EBADF);
	CHECK_ERRNO(35, openat(file, "a", O_RDONLY), ENOTDIR);
	CHECK_ERRNO(36, openat(dfd, "missing", O_RDONLY), ENOENT);
	fd = openat(dfd, "c", O_CREAT | O_EXCL | O_WRONLY, 0640);
	CHECK(37, fd >= 0 && write(fd, "see", 3) == 3 && close(fd) == 0 && file_is("c", "see"));
	close(file);
	close(dfd);
}

/* close, read and write with bad fds and bad buffers. */
static void check_read_write(void)
{
	char buf[16];
	int fd = open("a", O_RDWR), dfd;

	CHECK(38, fd >= 0);
	CHECK_ERRNO(39, close(12345), EBADF);
	CHECK_ERRNO(40, close(-1), EBADF);
	CHECK_ERRNO(41, read(12345, buf, 1), EBADF);
	CHECK_ERRNO(42, write(-1, buf, 1), EBADF);
	CHECK(43, read(fd, buf, 0) == 0 && write(fd, buf, 0) == 0);
	CHECK_ERRNO(44, read(fd, (void *)1, 4), EFAULT);
	CHECK_ERRNO(45, read(fd, KERNEL_ADDR, 4), EFAULT);
	CHECK(46, lseek(fd, 0, SEEK_CUR) == 0);		/* nothing consumed */
	CHECK_ERRNO(47, write(fd, (void *)1, 4), EFAULT);
	CHECK_ERRNO(48, write(fd, KERNEL_ADDR, 4), EFAULT);
	CHECK(49, read_is(fd, "abcXYZ") && close(fd) == 0);
	CHECK_ERRNO(50, close(fd), EBADF);

	dfd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(51, dfd >= 0);
	CHECK_ERRNO(52, read(dfd, buf, sizeof(buf)), EISDIR);
	close(dfd);
}

/* pread64/pwrite64 leave the offset alone; negative offsets and pipes fail. */
static void check_pread(void)
{
	char buf[8] = { 0 };
	int fd = open("a", O_RDWR), p[2];

	CHECK(53, fd >= 0 && lseek(fd, 1, SEEK_SET) == 1);
	CHECK(54, pread(fd, buf, 3, 2) == 3 && memcmp(buf, "cXY", 3) == 0 &&
		  lseek(fd, 0, SEEK_CUR) == 1);			/* offset unchanged */
	CHECK(55, pread(fd, buf, 8, 4) == 2 && pread(fd, buf, 8, 100) == 0);	/* EOF */
	CHECK(56, pwrite(fd, "qq", 2, 4) == 2 && lseek(fd, 0, SEEK_CUR) == 1);
	CHECK(57, file_is("a", "abcXqq"));
	CHECK_ERRNO(58, syscall(SYS_pread64, fd, buf, 1, -1L), EINVAL);
	CHECK_ERRNO(59, syscall(SYS_pwrite64, fd, buf, 1, -4096L), EINVAL);
	CHECK_ERRNO(60, pread(fd, (void *)1, 1, 0), EFAULT);
	CHECK(61, pipe(p) == 0 && write(p[1], "z", 1) == 1);
	CHECK_ERRNO(62, pread(p[0], buf, 1, 0), ESPIPE);
	CHECK_ERRNO(63, pwrite(p[1], buf, 1, 0), ESPIPE);
	close(p[0]);
	close(p[1]);
	close(fd);
}

/* writev gathers, readv scatters, each in order. */
static void check_readv_writev(void)
{
	char x[3], y[1], z[8];
	struct iovec out[4] = {
		{ "one", 3 }, { NULL, 0 }, { "-two-", 5 }, { "three", 5 },
	};
	struct iovec in[3] = { { x, 3 }, { y, 1 }, { z, 8 } };
	int fd = open("v", O_CREAT | O_EXCL | O_RDWR, 0644);

	CHECK(64, fd >= 0);
	CHECK(65, writev(fd, out, 4) == 13);
	CHECK(66, lseek(fd, 0, SEEK_SET) == 0 && readv(fd, in, 3) == 12);
	CHECK(67, memcmp(x, "one", 3) == 0 && y[0] == '-' && memcmp(z, "two-thre", 8) == 0);
	CHECK(68, readv(fd, in, 3) == 1 && x[0] == 'e' && readv(fd, in, 3) == 0);
	CHECK_ERRNO(69, writev(fd, (void *)1, 1), EFAULT);
	CHECK_ERRNO(70, syscall(SYS_writev, fd, out, -1), EINVAL);
	CHECK_ERRNO(71, syscall(SYS_readv, fd, in, 1025), EINVAL);	/* > UIO_MAXIOV */
	CHECK_ERRNO(72, readv(12345, in, 1), EBADF);
	close(fd);
	CHECK(73, file_is("v", "one-two-three"));
}

/* lseek, and a hole past the end that reads back as zeros. */
static void check_lseek(void)
{
	static char buf[10000];
	struct stat st;
	int fd = open("h", O_CREAT | O_EXCL | O_RDWR, 0644), p[2];

	CHECK(74, fd >= 0 && write(fd, "0123456789", 10) == 10);
	CHECK(75, lseek(fd, 2, SEEK_SET) == 2 && lseek(fd, 3, SEEK_CUR) == 5);
	CHECK(76, read_is(fd, "56789"));
	CHECK(77, lseek(fd, -1, SEEK_END) == 9 && read_is(fd, "9") && lseek(fd, 0, SEEK_END) == 10);
	CHECK_ERRNO(78, lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERRNO(79, lseek(fd, -11, SEEK_END), EINVAL);
	CHECK_ERRNO(80, lseek(fd, -100, SEEK_CUR), EINVAL);
	CHECK(81, lseek(fd, 0, SEEK_CUR) == 10);		/* failures move nothing */
	CHECK_ERRNO(82, lseek(fd, 0, 99), EINVAL);
	CHECK_ERRNO(83, lseek(12345, 0, SEEK_SET), EBADF);

	CHECK(84, lseek(fd, 10000, SEEK_SET) == 10000);		/* past the end */
	CHECK(85, fstat(fd, &st) == 0 && st.st_size == 10 && write(fd, "E", 1) == 1);
	CHECK(86, fstat(fd, &st) == 0 && st.st_size == 10001);
	memset(buf, 'x', sizeof(buf));
	CHECK(87, pread(fd, buf, sizeof(buf), 10) == (ssize_t)sizeof(buf) - 9 &&
		   buf[sizeof(buf) - 10] == 'E');
	for (int i = 0; i < (int)sizeof(buf) - 10; i++)
		CHECK(88, buf[i] == 0);			/* the hole */
	close(fd);

	CHECK(89, pipe(p) == 0);
	CHECK_ERRNO(90, lseek(p[0], 0, SEEK_CUR), ESPIPE);
	CHECK_ERRNO(91, lseek(p[1], 0, SEEK_SET), ESPIPE);
	close(p[0]);
	close(p[1]);
}

/* fstat, stat, lstat and newfstatat agree about a file and a directory. */
static void check_stat(void)
{
	struct stat f, s, l, at, d, d2, o;
	int fd = open("a", O_RDONLY), dfd = open(".", O_RDONLY | O_DIRECTORY);

	CHECK(92, fd >= 0 && dfd >= 0);
	CHECK(93, fstat(fd, &f) == 0 && S_ISREG(f.st_mode) && f.st_size == 6);
	CHECK(94, f.st_nlink == 1);
	CHECK(95, stat("a", &s) == 0 && lstat("a", &l) == 0 &&
		   s.st_ino == f.st_ino && l.st_ino == f.st_ino);
	CHECK(96, s.st_dev == f.st_dev && s.st_mode == f.st_mode && s.st_size == 6);
	CHECK(97, syscall(SYS_newfstatat, AT_FDCWD, "a", &at, 0) == 0 && at.st_ino == f.st_ino);
	CHECK(98, syscall(SYS_newfstatat, dfd, "a", &at, 0) == 0 && at.st_ino == f.st_ino);
	CHECK(99, syscall(SYS_newfstatat, dfd, "a", &at, AT_SYMLINK_NOFOLLOW) == 0 &&
		   at.st_ino == f.st_ino && S_ISREG(at.st_mode));
	CHECK(100, stat("./d/../a", &at) == 0 && at.st_ino == f.st_ino);
	CHECK(101, stat("v", &o) == 0 && o.st_ino != f.st_ino && o.st_size == 13);

	CHECK(102, fstat(dfd, &d) == 0 && S_ISDIR(d.st_mode));
	CHECK(103, stat(".", &d2) == 0 && d2.st_ino == d.st_ino && d2.st_dev == f.st_dev &&
		   stat(base, &d2) == 0 && d2.st_ino == d.st_ino);
	CHECK(104, stat("d", &d2) == 0 && S_ISDIR(d2.st_mode) && d2.st_ino != d.st_ino);
	CHECK(105, d2.st_nlink == 3 &&			/* ., its entry in base, sub/.. */
		   stat("d/sub", &d2) == 0 && d2.st_nlink == 2);

	CHECK_ERRNO(106, stat("missing", &s), ENOENT);
	CHECK_ERRNO(107, stat("a/x", &s), ENOTDIR);
	CHECK_ERRNO(108, stat("a/.", &s), ENOTDIR);
	CHECK_ERRNO(109, stat((char *)1, &s), EFAULT);
	CHECK_ERRNO(110, syscall(SYS_stat, "a", (void *)1), EFAULT);
	CHECK_ERRNO(111, syscall(SYS_fstat, fd, KERNEL_ADDR), EFAULT);
	CHECK_ERRNO(112, fstat(12345, &s), EBADF);
	CHECK_ERRNO(113, syscall(SYS_newfstatat, 12345, "a", &s, 0), EBADF);
	CHECK_ERRNO(114, syscall(SYS_newfstatat, fd, "a", &s, 0), ENOTDIR);
	CHECK_ERRNO(115, syscall(SYS_newfstatat, dfd, "a", &s, 0x12345), EINVAL);

	/* /proc/self is a symbolic link to a directory. */
	CHECK(116, syscall(SYS_lstat, "/proc/self", &l) == 0 && S_ISLNK(l.st_mode) &&
		   syscall(SYS_stat, "/proc/self", &s) == 0 && S_ISDIR(s.st_mode));
	CHECK(117, syscall(SYS_newfstatat, AT_FDCWD, "/proc/self", &at,
			   AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(at.st_mode));
	CHECK(118, syscall(SYS_newfstatat, AT_FDCWD, "/proc/self", &at, 0) == 0 &&
		   S_ISDIR(at.st_mode) && at.st_ino == s.st_ino);
	close(fd);
	close(dfd);
}

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static const struct {
	const char *name;
	unsigned char type;
} dir_d[] = {
	{ ".", DT_DIR }, { "..", DT_DIR }, { "f1", DT_REG }, { "f2", DT_REG },
	{ "sub", DT_DIR },
};
#define NR_DIR_D	(int)(sizeof(dir_d) / sizeof(dir_d[0]))

/* Read all of @fd's entries @bufsize bytes a call, ticking off dir_d[]. */
static void read_dir(int fd, size_t bufsize, int code)
{
	static char buf[4096] __attribute__((aligned(8)));
	int seen[NR_DIR_D] = { 0 }, total = 0, calls = 0;
	struct stat st;
	long n;

	while ((n = syscall(SYS_getdents64, fd, buf, bufsize)) > 0) {
		calls++;
		for (long off = 0; off < n; ) {
			struct linux_dirent64 *de = (void *)(buf + off);
			int i;

			for (i = 0; i < NR_DIR_D; i++)
				if (strcmp(de->d_name, dir_d[i].name) == 0)
					break;
			/* a well-formed record of a known name, seen once, of its type */
			CHECK(code, de->d_reclen % 8 == 0 &&
			      de->d_reclen >= offsetof(struct linux_dirent64, d_name) +
					      strlen(de->d_name) + 1 &&
			      i < NR_DIR_D && !seen[i] && de->d_type == dir_d[i].type);
			if (strcmp(de->d_name, "f1") == 0)
				CHECK(code + 1, stat("d/f1", &st) == 0 && st.st_ino == de->d_ino);
			seen[i] = 1;
			total++;
			off += de->d_reclen;
		}
	}
	CHECK(code + 2, n == 0 && total == NR_DIR_D && (bufsize >= 4096 || calls == NR_DIR_D));
}

static void check_getdents(void)
{
	char buf[64];
	int fd = open("d", O_RDONLY | O_DIRECTORY), file = open("a", O_RDONLY);

	CHECK(119, fd >= 0 && file >= 0);
	read_dir(fd, 4096, 120);
	CHECK(123, syscall(SYS_getdents64, fd, buf, sizeof(buf)) == 0);	/* at the end */
	CHECK(124, lseek(fd, 0, SEEK_SET) == 0);
	read_dir(fd, 32, 125);				/* one entry fits at a time */
	CHECK(128, lseek(fd, 0, SEEK_SET) == 0);
	CHECK_ERRNO(129, syscall(SYS_getdents64, fd, buf, 10), EINVAL);	/* too small */
	CHECK_ERRNO(130, syscall(SYS_getdents64, fd, (void *)1, 4096), EFAULT);
	CHECK_ERRNO(131, syscall(SYS_getdents64, file, buf, sizeof(buf)), ENOTDIR);
	CHECK_ERRNO(132, syscall(SYS_getdents64, 12345, buf, sizeof(buf)), EBADF);
	close(fd);
	close(file);
}

/* dup, dup2, dup3: numbers, a shared offset, FD_CLOEXEC. */
static void check_dup(void)
{
	struct rlimit rl;
	int fd = open("a", O_RDONLY | O_CLOEXEC), a, b, c;

	CHECK(133, fd >= 0 && getrlimit(RLIMIT_NOFILE, &rl) == 0);
	a = dup(fd);
	b = dup(fd);
	CHECK(134, a >= 0 && b > a && fcntl(a, F_GETFD) == 0);	/* dup clears it */
	CHECK(135, close(a) == 0 && (c = dup(fd)) == a);	/* lowest free */
	CHECK(136, lseek(fd, 2, SEEK_SET) == 2 && lseek(b, 0, SEEK_CUR) == 2 &&
		   read_is(b, "cXqq") && lseek(fd, 0, SEEK_CUR) == 6);	/* one offset */
	CHECK_ERRNO(137, dup(12345), EBADF);
	close(b);
	close(c);

	CHECK(138, dup2(fd, fd) == fd && fcntl(fd, F_GETFD) == FD_CLOEXEC);
	CHECK_ERRNO(139, dup2(12345, 12345), EBADF);
	CHECK(140, dup2(fd, 100) == 100 && fcntl(100, F_GETFD) == 0);
	a = open("v", O_RDONLY);
	CHECK(141, a >= 0 && dup2(a, 100) == 100);		/* closes the old 100 */
	CHECK(142, lseek(100, 0, SEEK_SET) == 0 && read_is(100, "one-two-three"));
	CHECK_ERRNO(143, dup2(fd, -1), EBADF);
	if (rl.rlim_cur < 1000000)
		CHECK_ERRNO(144, dup2(fd, (int)rl.rlim_cur), EBADF);
	CHECK_ERRNO(145, dup2(12345, 101), EBADF);
	CHECK_ERRNO(146, fcntl(101, F_GETFD), EBADF);		/* left alone */

	CHECK(147, syscall(SYS_dup3, a, 101, O_CLOEXEC) == 101 &&
		   fcntl(101, F_GETFD) == FD_CLOEXEC);
	CHECK(148, syscall(SYS_dup3, a, 101, 0) == 101 && fcntl(101, F_GETFD) == 0);
	CHECK_ERRNO(149, syscall(SYS_dup3, a, a, 0), EINVAL);
	CHECK_ERRNO(150, syscall(SYS_dup3, a, a, O_CLOEXEC), EINVAL);
	CHECK_ERRNO(151, syscall(SYS_dup3, a, 102, O_NONBLOCK), EINVAL);
	CHECK_ERRNO(152, syscall(SYS_dup3, 12345, 102, 0), EBADF);
	close(100);
	close(101);
	close(a);
	close(fd);
}

/* fcntl: descriptor flags, status flags, F_DUPFD with a minimum. */
static void check_fcntl(void)
{
	int fd = open("f", O_CREAT | O_EXCL | O_RDWR, 0644), wr = open("a", O_WRONLY);
	struct rlimit rl;
	int fl, d, d2, low;

	CHECK(153, fd >= 0 && wr >= 0 && fcntl(fd, F_GETFD) == 0);
	CHECK(154, getrlimit(RLIMIT_NOFILE, &rl) == 0);
	CHECK(155, fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC &&
		   fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0);
	fl = fcntl(fd, F_GETFL);
	CHECK(156, fl >= 0 && (fl & O_ACCMODE) == O_RDWR && !(fl & (O_APPEND | O_NONBLOCK)));
	CHECK(157, (fcntl(wr, F_GETFL) & O_ACCMODE) == O_WRONLY);
	CHECK(158, write(fd, "12345", 5) == 5);
	CHECK(159, fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND));
	CHECK(160, lseek(fd, 0, SEEK_SET) == 0 && write(fd, "6", 1) == 1 &&
		   lseek(fd, 0, SEEK_CUR) == 6);		/* appended */
	CHECK(161, fcntl(fd, F_SETFL, O_NONBLOCK | O_RDONLY) == 0);
	fl = fcntl(fd, F_GETFL);
	CHECK(162, (fl & O_NONBLOCK) && !(fl & O_APPEND) && (fl & O_ACCMODE) == O_RDWR);
	CHECK(163, fcntl(fd, F_SETFL, 0) == 0 && !(fcntl(fd, F_GETFL) & O_NONBLOCK));
	d = fcntl(fd, F_DUPFD, 50);
	CHECK(164, d >= 50 && fcntl(d, F_GETFD) == 0);
	CHECK(165, (d2 = fcntl(fd, F_DUPFD, 50)) > d);
	CHECK(166, (low = fcntl(fd, F_DUPFD, 0)) >= 0 && low < d);	/* lowest free */
	CHECK_ERRNO(167, fcntl(fd, F_DUPFD, -1), EINVAL);
	if (rl.rlim_cur < 1000000)
		CHECK_ERRNO(168, fcntl(fd, F_DUPFD, (int)rl.rlim_cur), EINVAL);
	CHECK_ERRNO(169, fcntl(12345, F_GETFD), EBADF);
	CHECK_ERRNO(170, syscall(SYS_fcntl, fd, 9999, 0), EINVAL);
	close(low);
	close(d2);
	close(d);
	close(wr);
	close(fd);
	CHECK(171, file_is("f", "123456"));
}

/* getcwd, chdir, fchdir and relative paths through "." and "..". */
static void check_cwd(void)
{
	char buf[128], want[128];
	size_t len = strlen(base);
	int dfd, file = open("a", O_RDONLY);

	CHECK(172, syscall(SYS_getcwd, buf, sizeof(buf)) == (long)len + 1 &&
		   strcmp(buf, base) == 0);
	CHECK_ERRNO(173, syscall(SYS_getcwd, buf, len), ERANGE);	/* no room for NUL */
	CHECK_ERRNO(174, syscall(SYS_getcwd, buf, 5), ERANGE);
	CHECK_ERRNO(175, syscall(SYS_getcwd, buf, 0), ERANGE);
	CHECK_ERRNO(176, syscall(SYS_getcwd, (void *)1, sizeof(buf)), EFAULT);

	CHECK_ERRNO(177, chdir("missing"), ENOENT);
	CHECK_ERRNO(178, chdir("a"), ENOTDIR);
	CHECK_ERRNO(179, chdir(""), ENOENT);
	CHECK_ERRNO(180, chdir((char *)1), EFAULT);
	CHECK(181, chdir("./d/../d/./sub") == 0 && getcwd(buf, sizeof(buf)) == buf);
	snprintf(want, sizeof(want), "%s/d/sub", base);
	CHECK(182, strcmp(buf, want) == 0);
	CHECK(183, file_is("../../a", "abcXqq"));
	snprintf(want, sizeof(want), "%s/d", base);
	CHECK(184, chdir("..") == 0 && getcwd(buf, sizeof(buf)) && strcmp(buf, want) == 0);
	CHECK(185, file_is("f1", "one"));
	CHECK(186, chdir("/..") == 0 && getcwd(buf, sizeof(buf)) && strcmp(buf, "/") == 0);
	dfd = open(base, O_RDONLY | O_DIRECTORY);
	CHECK(187, dfd >= 0 && fchdir(dfd) == 0 && getcwd(buf, sizeof(buf)) &&
		   strcmp(buf, base) == 0);
	CHECK_ERRNO(188, fchdir(file), ENOTDIR);
	CHECK_ERRNO(189, fchdir(12345), EBADF);
	close(dfd);
	close(file);
}

/* mkdir, unlink, and a file that lives on while open after its unlink. */
static void check_mkdir_unlink(void)
{
	struct stat st, dot0, dot1;
	int fd;

	CHECK(190, stat(".", &dot0) == 0);
	CHECK(191, mkdir("e", 0777) == 0 && stat("e", &st) == 0 &&
		   S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0755);
	CHECK(192, stat(".", &dot1) == 0 && dot1.st_nlink == dot0.st_nlink + 1);
	CHECK(193, mkdir("e2/", 0700) == 0 && stat("e2", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK_ERRNO(194, mkdir("e", 0777), EEXIST);
	CHECK_ERRNO(195, mkdir("a", 0777), EEXIST);
	CHECK_ERRNO(196, mkdir("missing/x", 0777), ENOENT);
	CHECK_ERRNO(197, mkdir("a/x", 0777), ENOTDIR);
	CHECK_ERRNO(198, mkdir("", 0777), ENOENT);

	CHECK_ERRNO(199, unlink("missing"), ENOENT);
	CHECK_ERRNO(200, unlink("e"), EISDIR);
	CHECK_ERRNO(201, unlink("a/x"), ENOTDIR);
	CHECK_ERRNO(202, unlink(""), ENOENT);

	fd = make_file("u", "still here");
	CHECK(203, unlink("u") == 0);
	CHECK_ERRNO(204, stat("u", &st), ENOENT);
	CHECK(205, fstat(fd, &st) == 0 && st.st_nlink == 0 && st.st_size == 10);
	CHECK(206, lseek(fd, 0, SEEK_SET) == 0 && read_is(fd, "still here"));
	CHECK(207, write(fd, "!", 1) == 1 && pread(fd, (char[1]){ 0 }, 1, 10) == 1);
	close(make_file("u", "new"));				/* the name is free again */
	CHECK(208, file_is("u", "new"));
	close(fd);
}

/* access, umask, the ids, resource limits, getrandom, path lengths. */
static void check_misc(void)
{
	static char path[4200];
	struct rlimit stack, nofile, raw;
	unsigned char r1[64], r2[64];
	struct stat st;
	int fd, dfd = open(".", O_RDONLY | O_DIRECTORY);

	CHECK(209, access("a", F_OK) == 0 && access("a", R_OK) == 0 && access("a", W_OK) == 0 &&
		   access("d", R_OK | W_OK | X_OK) == 0);
	CHECK_ERRNO(210, access("a", X_OK), EACCES);	/* no x bit: not even root */
	CHECK_ERRNO(211, access("missing", F_OK), ENOENT);
	CHECK_ERRNO(212, access("a/x", F_OK), ENOTDIR);
	CHECK_ERRNO(213, access("a", 8), EINVAL);
	CHECK(214, syscall(SYS_faccessat, dfd, "a", R_OK) == 0);
	CHECK(215, syscall(SYS_faccessat, AT_FDCWD, "d/f1", W_OK) == 0);
	CHECK_ERRNO(216, syscall(SYS_faccessat, dfd, "missing", F_OK), ENOENT);
	close(dfd);

	CHECK(217, umask(077) == 022 && umask(022) == 077);
	umask(077);
	fd = open("m", O_CREAT | O_EXCL | O_WRONLY, 0666);
	umask(022);
	CHECK(218, fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0600);
	close(fd);

	CHECK(219, syscall(SYS_getuid) >= 0 && syscall(SYS_geteuid) >= 0 &&
		   syscall(SYS_getgid) >= 0 && syscall(SYS_getegid) >= 0);

	CHECK(220, getrlimit(RLIMIT_STACK, &stack) == 0 && getrlimit(RLIMIT_NOFILE, &nofile) == 0);
	CHECK(221, stack.rlim_cur >= 64 * 1024 && stack.rlim_cur <= stack.rlim_max &&
		   nofile.rlim_cur >= 64 && nofile.rlim_cur <= nofile.rlim_max);
	CHECK(222, syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &raw) == 0);
	CHECK(223, raw.rlim_cur == nofile.rlim_cur && raw.rlim_max == nofile.rlim_max);
	CHECK_ERRNO(224, syscall(SYS_prlimit64, 0, 999, NULL, &raw), EINVAL);

	memset(r1, 0, sizeof(r1));
	memset(r2, 0, sizeof(r2));
	CHECK(225, getrandom(r1, sizeof(r1), 0) == sizeof(r1) &&
		   getrandom(r2, sizeof(r2), 0) == sizeof(r2));
	CHECK(226, memcmp(r1, r2, sizeof(r1)) != 0);		/* two calls differ */
	CHECK_ERRNO(227, getrandom((void *)1, 16, 0), EFAULT);
	CHECK_ERRNO(228, getrandom(r1, 16, 0x1000), EINVAL);

	/* "./" 2047 times then "a": 4095 bytes, just fits in PATH_MAX. */
	for (int i = 0; i < 2047; i++)
		memcpy(path + 2 * i, "./", 2);
	strcpy(path + 4094, "a");
	CHECK(229, stat(path, &st) == 0 && S_ISREG(st.st_mode));
	strcpy(path + 4094, "/a");				/* 4096 bytes */
	CHECK_ERRNO(230, stat(path, &st), ENAMETOOLONG);
	memset(path, 'p', sizeof(path) - 1);
	CHECK_ERRNO(231, open(path, O_RDONLY), ENAMETOOLONG);
	CHECK_ERRNO(232, open(path, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG);
	CHECK_ERRNO(233, open("", O_RDONLY), ENOENT);
	CHECK_ERRNO(234, open("", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERRNO(235, syscall(SYS_stat, "", &st), ENOENT);
	CHECK_ERRNO(236, access("", F_OK), ENOENT);
}

/* rmdir's errors. */
static int check_rmdir(void)
{
	CHECK_ERRNO(237, syscall(SYS_rmdir, "missing"), ENOENT);
	CHECK_ERRNO(238, syscall(SYS_rmdir, "d"), ENOTEMPTY);
	CHECK_ERRNO(239, syscall(SYS_rmdir, "a"), ENOTDIR);
	CHECK_ERRNO(240, syscall(SYS_rmdir, "."), EINVAL);
	CHECK(241, syscall(SYS_rmdir, "e") == 0);
	CHECK_ERRNO(242, stat("e", (struct stat[1]){ 0 }), ENOENT);
	return 1;
}

static void setup(void)
{
	snprintf(base, sizeof(base), "/tmp/fs_syscalls.%d", getpid());
	CHECK(243, mkdir(base, 0755) == 0 && chdir(base) == 0 &&
		   mkdir("d", 0755) == 0 && mkdir("d/sub", 0755) == 0);
	close(make_file("d/f1", "one"));
	close(make_file("d/f2", "two"));
}

static void cleanup(int have_rmdir)
{
	static const char *const files[] = {
		"a", "b", "c", "v", "h", "f", "u", "m", "d/f1", "d/f2",
	};
	static const char *const dirs[] = { "d/sub", "d", "e2" };	/* "e": check_rmdir */

	for (unsigned int i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		CHECK(244, unlink(files[i]) == 0);
	CHECK(245, chdir("/") == 0);
	if (!have_rmdir)
		return;
	CHECK(246, chdir(base) == 0);
	for (unsigned int i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		CHECK(247, rmdir(dirs[i]) == 0);
	CHECK(248, chdir("/") == 0 && rmdir(base) == 0);
}

int main(void)
{
	int have_rmdir;

	setup();
	check_open();
	check_openat();
	check_read_write();
	check_pread();
	check_readv_writev();
	check_lseek();
	check_stat();
	check_getdents();
	check_dup();
	check_fcntl();
	check_cwd();
	check_mkdir_unlink();
	check_misc();
	have_rmdir = check_rmdir();
	cleanup(have_rmdir);
	printf("fs_syscalls: open, read/write, seek, stat, getdents64, dup, fcntl, "
	       "cwd, mkdir/unlink%s, access, limits, getrandom ok\n",
	       have_rmdir ? "/rmdir" : "");
	return 0;
}
