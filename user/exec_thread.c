/* SPDX-License-Identifier: GPL-2.0 */
/*
 * exec_thread: execve() in a process with another thread still running.
 * The other thread must die (de_thread) and the new program start alone,
 * with the old one's pid: here it checks /proc/self/status says one
 * thread, and exits 7, which is what the parent must see -- both when the
 * main thread execs and when another thread does.  The program
 * finds itself through /proc/self/exe.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void *sleeper(void *arg)
{
	struct timespec t = { 0, 10 * 1000 * 1000 };

	for (;;)
		nanosleep(&t, NULL);
	return arg;
}

/* The new program: one thread, the same pid as before the exec. */
static int after_exec(const char *pid_before)
{
	char line[128];
	FILE *f = fopen("/proc/self/status", "r");
	int threads = 0;

	CHECK(30, f != NULL);
	while (fgets(line, sizeof(line), f))
		sscanf(line, "Threads: %d", &threads);
	fclose(f);
	CHECK(31, threads == 1);
	CHECK(32, getpid() == atoi(pid_before));
	return 7;
}

static char self[256], pid[16];

/* A second thread does the exec; the main one waits for it in vain. */
static void *execer(void *arg)
{
	char *args[] = { self, "child", pid, NULL };

	execv(self, args);
	_exit(20);
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t;
	pid_t child;
	int status;

	if (argc == 3 && !strcmp(argv[1], "child"))
		return after_exec(argv[2]);
	memset(self, 0, sizeof(self));
	CHECK(6, readlink("/proc/self/exe", self, sizeof(self) - 1) > 0);
	child = fork();
	CHECK(1, child >= 0);
	if (child == 0) {
		char *args[] = { self, "child", pid, NULL };

		snprintf(pid, sizeof(pid), "%d", getpid());	/* the process's pid stays */
		CHECK(2, pthread_create(&t, NULL, sleeper, NULL) == 0);
		execv(self, args);
		_exit(3);
	}
	CHECK(4, waitpid(child, &status, 0) == child);
	CHECK(5, WIFEXITED(status) && WEXITSTATUS(status) == 7);
	child = fork();					/* the exec from a second thread */
	CHECK(7, child >= 0);
	if (child == 0) {
		snprintf(pid, sizeof(pid), "%d", getpid());
		CHECK(8, pthread_create(&t, NULL, execer, NULL) == 0);
		pthread_join(t, NULL);
		_exit(21);
	}
	CHECK(9, waitpid(child, &status, 0) == child);
	CHECK(10, WIFEXITED(status) && WEXITSTATUS(status) == 7);
	printf("exec_thread: execve with a second thread alive ran the program alone\n");
	return 0;
}
