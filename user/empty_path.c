/* SPDX-License-Identifier: GPL-2.0 */
/*
 * empty_path: AT_EMPTY_PATH -- an empty name with a descriptor means the
 * descriptor's own file, of any type, for every *at call that takes the
 * flag; without the flag "" is ENOENT.
 *
 *   fstatat, faccessat, fchownat, utimensat   on a regular file's fd
 *   execveat(fd, "", AT_EMPTY_PATH) (fexecve)  runs the file the fd names,
 *                                              as argv says
 *   an fd that is not a directory, with a name, is ENOTDIR
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "check.h"

#define CHILD_STATUS	42

int main(int argc, char **argv)
{
	char self[256] = { 0 }, name[64];
	struct stat st, by_name;
	pid_t pid;
	int fd;

	if (argc == 2 && !strcmp(argv[1], "child"))
		return CHILD_STATUS;		/* fexecve got here, with our argv */
	snprintf(name, sizeof(name), "/tmp/empty_path.%d", getpid());
	fd = open(name, O_CREAT | O_RDWR | O_EXCL, 0600);
	CHECK(1, fd >= 0 && write(fd, "abc", 3) == 3);
	CHECK(2, fstatat(fd, "", &st, AT_EMPTY_PATH) == 0 && stat(name, &by_name) == 0);
	CHECK(3, S_ISREG(st.st_mode) && st.st_size == 3 && st.st_ino == by_name.st_ino);
	CHECK_ERRNO(4, fstatat(fd, "", &st, 0), ENOENT);
	CHECK(5, faccessat(fd, "", R_OK | W_OK, AT_EMPTY_PATH) == 0);
	CHECK_ERRNO(6, faccessat(fd, "", X_OK, AT_EMPTY_PATH), EACCES);	/* mode 0600 */
	CHECK_ERRNO(7, faccessat(fd, "", F_OK, 0), ENOENT);
	CHECK(8, fchownat(fd, "", -1, -1, AT_EMPTY_PATH) == 0);
	CHECK_ERRNO(9, fchownat(fd, "", -1, -1, 0), ENOENT);
	CHECK(10, utimensat(fd, "", (struct timespec[2]){ { 0, 0 }, { 12345, 0 } },
			    AT_EMPTY_PATH) == 0);
	CHECK(11, fstat(fd, &st) == 0 && st.st_mtime == 12345);
	CHECK_ERRNO(12, fstatat(fd, "x", &st, 0), ENOTDIR);
	close(fd);
	CHECK(13, unlink(name) == 0);

	CHECK(14, readlink("/proc/self/exe", self, sizeof(self) - 1) > 0);
	pid = fork();
	CHECK(15, pid >= 0);
	if (pid == 0) {
		char *child_argv[] = { "empty_path", "child", NULL };
		int efd = open(self, O_RDONLY | O_CLOEXEC);

		if (efd >= 0)
			fexecve(efd, child_argv, child_argv + 2);
		_exit(99);
	}
	int status;

	CHECK(16, waitpid(pid, &status, 0) == pid);
	CHECK(17, WIFEXITED(status) && WEXITSTATUS(status) == CHILD_STATUS);
	printf("empty_path: fstatat, faccessat, fchownat, utimensat and fexecve on an fd ok\n");
	return 0;
}
