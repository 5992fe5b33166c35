/* SPDX-License-Identifier: GPL-2.0 */
/*
 * init: pid 1 of a plain "make run".  It starts the console's shell and
 * stays behind to reap: every child of its own, and every orphan the
 * kernel re-parents to it.
 *
 *	init			run /bin/sh ("sh", no arguments)
 *	init PROGRAM [ARG...]	run PROGRAM instead, as "PROGRAM ARG..."
 *
 * The kernel hands it fds 0, 1 and 2 open on /dev/console; any that are
 * not, init opens there itself.  init leads a session (setsid: pid 1 may
 * already) whose controlling terminal is the console (TIOCSCTTY, which
 * never steals a terminal that is another session's), so that the shell,
 * in the same session, can do job control with setpgid and tcsetpgrp.
 * init ignores the keyboard's signals (SIGINT, SIGQUIT, SIGTSTP); the
 * child sets them back to SIG_DFL and runs with the environment PATH=/bin
 * HOME=/ TERM=vt100.  When it ends, init exits with its status (128+N if
 * signal N killed it); if it cannot be run, init says so and exits 127.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

static const int keyboard_signals[] = { SIGINT, SIGQUIT, SIGTSTP };

/* Open fds 0, 1 and 2 on /dev/console if they are not; make it our tty. */
static void open_console(void)
{
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && open("/dev/console", O_RDWR) < 0)
			break;		/* nowhere to say so either */
	setsid();
	ioctl(0, TIOCSCTTY, 0);		/* no terminal, no job control: fine */
}

/* Set the keyboard's signals to @handler. */
static void set_keyboard_signals(void (*handler)(int))
{
	struct sigaction sa = { .sa_handler = handler };

	for (unsigned int i = 0; i < sizeof(keyboard_signals) / sizeof(int); i++)
		sigaction(keyboard_signals[i], &sa, NULL);
}

/* In the child: exec @path, with the keyboard's signals back to default. */
static _Noreturn void run(const char *path, char **argv)
{
	static char *envp[] = { "PATH=/bin", "HOME=/", "TERM=vt100", NULL };

	set_keyboard_signals(SIG_DFL);
	execve(path, argv, envp);
	dprintf(2, "init: cannot run %s: %s\n", path, strerror(errno));
	_exit(127);
}

/* Reap children until @pid ends; its status as a shell's $? would be. */
static int reap_until(pid_t pid)
{
	pid_t got;
	int st;

	for (;;) {
		got = wait4(-1, &st, 0, NULL);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			dprintf(2, "init: wait4: %s\n", strerror(errno));
			return 1;
		}
		if (got == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	}
}

int main(int argc, char **argv)
{
	static char *sh_argv[] = { "sh", NULL };
	const char *path = argc > 1 ? argv[1] : "/bin/sh";
	pid_t pid;

	open_console();
	set_keyboard_signals(SIG_IGN);
	dprintf(1, "init: starting %s\n", path);
	pid = fork();
	if (pid < 0) {
		dprintf(2, "init: fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0)
		run(path, argc > 1 ? argv + 1 : sh_argv);
	return reap_until(pid);
}
