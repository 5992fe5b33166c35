/* SPDX-License-Identifier: GPL-2.0 */
/*
 * exec_test: execve, when it works and when it does not.
 *
 * It works (fork + execve, and vfork + execve, of this same program with
 * argv[1] "child"): the new program gets exactly the argv and envp given,
 * an empty string among them; the same pid; a fresh memory image (the
 * canary the caller filled is zero again); the fds without FD_CLOEXEC,
 * at their offsets, but not the ones with it; ignored signals still
 * ignored, handled ones back to SIG_DFL; the blocked mask kept.
 *
 * It fails, and the caller goes on as if nothing had happened -- its
 * memory (a canary array), fds, signal handlers and mask are unchanged:
 *
 *   ENOENT   a missing file; the empty path ""
 *   ENOTDIR  a path through a regular file
 *   EACCES   a directory; an ELF file of mode 0644 (even root needs an x bit)
 *   ENOEXEC  a 0755 file of "garbage\n" and zeros; a 0755 copy of this
 *            program's first 100 bytes (a good ELF header, the program
 *            headers cut off)
 *   EFAULT   the filename (char *)1 or a kernel address; argv or envp
 *            pointing at an unmapped page; an argv string at (char *)1
 *   E2BIG    4 MiB of arguments (40 strings of 100 KiB: over Linux's
 *            RLIMIT_STACK/4 and anything smaller); one argument or one
 *            environment string longer than MAX_ARG_STRLEN (128 KiB)
 *
 * The program finds itself from argv[0]: a path if it has a '/', else
 * /bin/argv[0] (dissect), else /proc/self/exe (Linux, when the runner
 * gives a bare name as argv[0]).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096
#define ARG_CHUNK	(100 * 1024)		/* 40 of them: 4 MiB */
#define NR_CHUNKS	40
#define MAX_ARG_STRLEN	(32 * PAGE)
#define DATA		"0123456789abcdef"
#define KEEP_OFFSET	5

extern char **environ;

static unsigned char canary[3 * PAGE];	/* bss: zero in every new image */
static char self[PATH_MAX];		/* this program's path */
static char dir[64];			/* /tmp/exec_test.PID */
static int keep_fd, cloexec_fd;
static pid_t my_pid;

static char *const child_env[] = {
	"ALPHA=1", "EMPTY=", "SPACES=a b  c", "LAST=z", NULL,
};

static char *in_dir(const char *name)
{
	static char path[4][128];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
	return p;
}

/* ---- the new program's side: argv[1] == "child" ---- */

/* argv: exec_test child "" KEEP_FD CLOEXEC_FD PID last */
static int child_main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t mask;
	char buf[8];
	int n = 0;

	CHECK(1, argc == 7 && argv[7] == NULL);
	CHECK(2, strcmp(argv[0], "exec_test") == 0 && strcmp(argv[6], "last") == 0);
	CHECK(3, argv[2][0] == '\0');
	while (environ[n])
		n++;
	CHECK(4, n == 4);
	for (int i = 0; i < n; i++)
		CHECK(5, strcmp(environ[i], child_env[i]) == 0);
	CHECK(6, getpid() == atoi(argv[5]));			/* exec keeps the pid */
	for (unsigned int i = 0; i < sizeof(canary); i++)
		CHECK(7, canary[i] == 0);			/* a fresh image */

	keep_fd = atoi(argv[3]);
	cloexec_fd = atoi(argv[4]);
	CHECK(8, fcntl(keep_fd, F_GETFD) == 0);
	CHECK(9, lseek(keep_fd, 0, SEEK_CUR) == KEEP_OFFSET);	/* the same open file */
	CHECK(10, read(keep_fd, buf, 3) == 3 && memcmp(buf, DATA + KEEP_OFFSET, 3) == 0);
	CHECK_ERRNO(11, fcntl(cloexec_fd, F_GETFD), EBADF);	/* closed by exec */

	CHECK(12, sigaction(SIGUSR1, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN);
	CHECK(13, sigaction(SIGUSR2, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL);
	CHECK(14, sigprocmask(SIG_BLOCK, NULL, &mask) == 0 && sigismember(&mask, SIGHUP));
	CHECK(15, !sigismember(&mask, SIGUSR2));
	return 0;
}

/* ---- the caller's side ---- */

static void find_self(const char *argv0)
{
	ssize_t n;

	if (strchr(argv0, '/'))
		snprintf(self, sizeof(self), "%s", argv0);
	else
		snprintf(self, sizeof(self), "/bin/%s", argv0);
	if (access(self, X_OK) == 0)
		return;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	CHECK(16, n > 0);
	self[n] = '\0';
	CHECK(17, access(self, X_OK) == 0);
}

static void write_file(const char *path, int mode, const void *data, size_t len)
{
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, mode);

	CHECK(18, fd >= 0 && write(fd, data, len) == (ssize_t)len && close(fd) == 0);
}

/* The files the failures need, and the caller's state to watch. */
static void setup(void)
{
	static char image[1 << 20];
	static const char garbage[200] = "garbage\n";
	struct sigaction sa = { .sa_handler = SIG_IGN };
	sigset_t hup;
	ssize_t len;
	int fd;

	fd = open(self, O_RDONLY);
	CHECK(19, fd >= 0);
	len = read(fd, image, sizeof(image));
	CHECK(20, len > 100 && memcmp(image, "\177ELF", 4) == 0);
	close(fd);

	my_pid = getpid();
	umask(022);
	snprintf(dir, sizeof(dir), "/tmp/exec_test.%d", my_pid);
	CHECK(21, mkdir(dir, 0755) == 0);
	write_file(in_dir("data"), 0644, DATA, strlen(DATA));
	write_file(in_dir("noexec"), 0644, image, len);		/* a good ELF */
	write_file(in_dir("garbage"), 0755, garbage, sizeof(garbage));
	write_file(in_dir("trunc"), 0755, image, 100);

	keep_fd = open(in_dir("data"), O_RDONLY);
	cloexec_fd = open(in_dir("data"), O_RDONLY | O_CLOEXEC);
	CHECK(22, keep_fd >= 0 && cloexec_fd >= 0);
	CHECK(23, lseek(keep_fd, KEEP_OFFSET, SEEK_SET) == KEEP_OFFSET);

	for (unsigned int i = 0; i < sizeof(canary); i++)
		canary[i] = (unsigned char)(i * 7 + 1);

	CHECK(24, sigaction(SIGUSR1, &sa, NULL) == 0);
	sa.sa_handler = (void (*)(int))setup;			/* never called */
	CHECK(25, sigaction(SIGUSR2, &sa, NULL) == 0);
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	CHECK(26, sigprocmask(SIG_BLOCK, &hup, NULL) == 0);
}

/* After a failed execve: all as it was.  Uses codes @code .. @code + 6. */
static void check_intact(int code)
{
	struct sigaction sa;
	sigset_t mask;

	for (unsigned int i = 0; i < sizeof(canary); i++)
		CHECK(code, canary[i] == (unsigned char)(i * 7 + 1));
	CHECK(code + 1, getpid() == my_pid);
	CHECK(code + 2, fcntl(keep_fd, F_GETFD) == 0 &&
			lseek(keep_fd, 0, SEEK_CUR) == KEEP_OFFSET);
	CHECK(code + 3, fcntl(cloexec_fd, F_GETFD) == FD_CLOEXEC);
	CHECK(code + 4, sigaction(SIGUSR1, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN);
	CHECK(code + 5, sigaction(SIGUSR2, NULL, &sa) == 0 &&
			sa.sa_handler == (void (*)(int))setup);
	CHECK(code + 6, sigprocmask(SIG_BLOCK, NULL, &mask) == 0 &&
			sigismember(&mask, SIGHUP));
}

static void exec_child(void)
{
	char keep[16], cloexec[16], pid[16];
	char *argv[] = { "exec_test", "child", "", keep, cloexec, pid, "last", NULL };

	snprintf(keep, sizeof(keep), "%d", keep_fd);
	snprintf(cloexec, sizeof(cloexec), "%d", cloexec_fd);
	snprintf(pid, sizeof(pid), "%d", getpid());
	execve(self, argv, child_env);
}

static void check_exec_works(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		exec_child();
		CHECK(27, !"execve failed");
	}
	reap_child(28, pid);
	/* the child read 3 bytes through the file it inherited: ours */
	CHECK(30, lseek(keep_fd, 0, SEEK_CUR) == KEEP_OFFSET + 3);
	CHECK(31, lseek(keep_fd, KEEP_OFFSET, SEEK_SET) == KEEP_OFFSET);

	pid = vfork();
	if (pid == 0) {
		exec_child();
		_exit(32);					/* execve failed */
	}
	reap_child(33, pid);
	CHECK(35, lseek(keep_fd, 0, SEEK_CUR) == KEEP_OFFSET + 3);
	CHECK(36, lseek(keep_fd, KEEP_OFFSET, SEEK_SET) == KEEP_OFFSET);
	check_intact(37);
}

/* Each failure: -1, the right errno, and nothing else changed. */
static void check_exec_fails(void)
{
	static char chunk[ARG_CHUNK], huge[MAX_ARG_STRLEN + 1];
	char *argv[NR_CHUNKS + 2] = { "exec_test", "child", NULL };
	char *bad_string[] = { "exec_test", (char *)1, NULL };
	char **unmapped;

	unmapped = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(44, unmapped != MAP_FAILED && munmap(unmapped, PAGE) == 0);

	CHECK_ERRNO(45, execve(in_dir("missing"), argv, child_env), ENOENT);
	check_intact(46);
	CHECK_ERRNO(53, execve("", argv, child_env), ENOENT);
	check_intact(54);
	CHECK_ERRNO(61, execve(in_dir("data/x"), argv, child_env), ENOTDIR);
	check_intact(62);
	CHECK_ERRNO(69, execve(dir, argv, child_env), EACCES);
	check_intact(70);
	CHECK_ERRNO(77, execve(in_dir("noexec"), argv, child_env), EACCES);
	check_intact(78);
	CHECK_ERRNO(85, execve(in_dir("garbage"), argv, child_env), ENOEXEC);
	check_intact(86);
	CHECK_ERRNO(93, execve(in_dir("trunc"), argv, child_env), ENOEXEC);
	check_intact(94);

	CHECK_ERRNO(101, syscall(SYS_execve, (char *)1, argv, child_env), EFAULT);
	check_intact(102);
	CHECK_ERRNO(109, syscall(SYS_execve, 0xffffffff81000000UL, argv, child_env), EFAULT);
	check_intact(110);
	CHECK_ERRNO(117, execve(self, unmapped, child_env), EFAULT);
	check_intact(118);
	CHECK_ERRNO(125, execve(self, argv, unmapped), EFAULT);
	check_intact(126);
	CHECK_ERRNO(133, execve(self, bad_string, child_env), EFAULT);
	check_intact(134);

	memset(chunk, 'c', sizeof(chunk) - 1);
	for (int i = 1; i <= NR_CHUNKS; i++)
		argv[i] = chunk;
	argv[NR_CHUNKS + 1] = NULL;
	CHECK_ERRNO(141, execve(self, argv, child_env), E2BIG);
	check_intact(142);

	memset(huge, 'h', sizeof(huge) - 1);			/* strlen 128 KiB */
	argv[1] = huge;
	argv[2] = NULL;
	CHECK_ERRNO(149, execve(self, argv, child_env), E2BIG);
	check_intact(150);
	huge[0] = 'H';
	huge[1] = '=';
	argv[1] = NULL;
	CHECK_ERRNO(157, execve(self, argv, (char *[]){ huge, NULL }), E2BIG);
	check_intact(158);
}

static void cleanup(void)
{
	static const char *const files[] = { "data", "noexec", "garbage", "trunc" };

	close(keep_fd);
	close(cloexec_fd);
	for (unsigned int i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		CHECK(165, unlink(in_dir(files[i])) == 0);
	CHECK(166, rmdir(dir) == 0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child") == 0)
		return child_main(argc, argv);

	find_self(argc > 0 ? argv[0] : "exec_test");
	setup();
	check_exec_works();
	check_exec_fails();
	check_exec_works();		/* the failures left it able to exec */
	cleanup();
	printf("exec_test: execve ran %s with its argv, envp, fds and signals; "
	       "every failure left the caller intact\n", self);
	return 0;
}
