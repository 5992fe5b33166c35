/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ps: list every process, from /proc.
 *
 *	  PID  PPID S   VSZ   RSS COMMAND
 *	    1     0 S  1036   520 init
 *	    2     0 S     0     0 [kthreadd]
 *
 * One line per numeric directory of /proc, sorted by pid.  From
 * /proc/PID/stat, whose fields are Linux's ("PID (COMM) S PPID ...":
 * field 23 is vsize in bytes, field 24 rss in pages): the state, the
 * parent, the address space's size and what of it is in memory, both in
 * KiB.  COMMAND is /proc/PID/cmdline with its NULs made spaces, or [COMM]
 * if that is empty (a kernel thread).  COMM is what lies between the first
 * '(' and the last ')': it may itself hold spaces and parentheses.
 * A process that ends while ps reads it is left out.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PIDS	4096

struct proc_stat {
	char comm[64];
	char state;
	long ppid;
	unsigned long vsize;		/* bytes */
	unsigned long rss;		/* pages */
};

/* Read the file @path into @buf (NUL-terminated); its length, or -1. */
static ssize_t read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

/* Parse /proc/@pid/stat into @ps; 0, or -1 if it is gone or malformed. */
static int read_stat(long pid, struct proc_stat *ps)
{
	char path[64], buf[1024], *open_paren, *close_paren, *p;
	size_t len;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	len = close_paren - open_paren - 1;
	if (len >= sizeof(ps->comm))
		len = sizeof(ps->comm) - 1;
	memcpy(ps->comm, open_paren + 1, len);
	ps->comm[len] = '\0';

	/* After ") ": field 3 (state), 4 (ppid), ... 23 (vsize), 24 (rss). */
	p = close_paren + 1;
	if (sscanf(p, " %c %ld", &ps->state, &ps->ppid) != 2)
		return -1;
	for (int field = 3; field < 23; field++) {
		p += strspn(p, " ");
		p += strcspn(p, " ");
		if (!*p)
			return -1;
	}
	return sscanf(p, " %lu %lu", &ps->vsize, &ps->rss) == 2 ? 0 : -1;
}

/* @pid's command line, its NULs made spaces, into @buf; "" if it has none. */
static void read_cmdline(long pid, char *buf, size_t size)
{
	char path[64];
	ssize_t len;

	snprintf(path, sizeof(path), "/proc/%ld/cmdline", pid);
	len = read_file(path, buf, size);
	if (len < 0)
		len = 0;
	while (len > 0 && buf[len - 1] == '\0')
		len--;				/* the last argument's NUL */
	for (ssize_t i = 0; i < len; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	buf[len] = '\0';
}

/* The pid a /proc entry called @name stands for, or -1. */
static long pid_of(const char *name)
{
	char *end;
	long pid;

	if (!isdigit((unsigned char)name[0]))
		return -1;
	pid = strtol(name, &end, 10);
	return *end ? -1 : pid;
}

/* qsort() order of two pids: ascending. */
static int compare_pids(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

int main(void)
{
	static long pids[MAX_PIDS];
	long page_kib = sysconf(_SC_PAGESIZE) / 1024;
	char cmdline[4096];
	struct proc_stat ps;
	struct dirent *d;
	size_t n = 0;
	DIR *dp = opendir("/proc");

	if (!dp) {
		perror("ps: /proc");
		return 1;
	}
	while ((d = readdir(dp)) && n < MAX_PIDS)
		if (pid_of(d->d_name) > 0)
			pids[n++] = pid_of(d->d_name);
	closedir(dp);
	qsort(pids, n, sizeof(pids[0]), compare_pids);

	printf("  PID  PPID S   VSZ   RSS COMMAND\n");
	for (size_t i = 0; i < n; i++) {
		if (read_stat(pids[i], &ps) < 0)
			continue;
		read_cmdline(pids[i], cmdline, sizeof(cmdline));
		printf("%5ld %5ld %c %5lu %5lu ", pids[i], ps.ppid, ps.state,
		       ps.vsize / 1024, ps.rss * page_kib);
		if (cmdline[0])
			printf("%s\n", cmdline);
		else
			printf("[%s]\n", ps.comm);
	}
	return fflush(stdout) != 0 || ferror(stdout);
}
