/* SPDX-License-Identifier: GPL-2.0 */
/*
 * maps: show a process's address space, from /proc/PID/maps.
 *
 *	maps		the parent's: typed in the shell, the shell's own
 *	maps PID	process PID's
 *	maps self	this very process's
 *
 *	42 sh:
 *	00400000-00401000 r--p 00000000 00:00 0          /bin/sh
 *	...
 *	7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0          [stack]
 *	total: 1208 KiB mapped in 11 areas
 *
 * The header is the pid and its COMM (from /proc/PID/stat, "?" if that
 * cannot be read); then the maps lines as they are; then their number and
 * the KiB they span (END - START of each "START-END ..." line, in hex).
 * Exit status 1 if there is no such process or no /proc.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The COMM of process @pid (between the first '(' and last ')' of stat). */
static void read_comm(long pid, char *comm, size_t size)
{
	char path[64], stat[1024], *open_paren, *close_paren;
	int fd;
	ssize_t len = -1;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		len = read(fd, stat, sizeof(stat) - 1);
		close(fd);
	}
	stat[len > 0 ? len : 0] = '\0';
	open_paren = strchr(stat, '(');
	close_paren = strrchr(stat, ')');
	if (open_paren && close_paren > open_paren)
		snprintf(comm, size, "%.*s", (int)(close_paren - open_paren - 1),
			 open_paren + 1);
	else
		snprintf(comm, size, "?");
}

int main(int argc, char **argv)
{
	unsigned long long kib = 0;
	uintmax_t start, end;
	unsigned int areas = 0;
	char path[64], comm[64], line[8192], *rest;
	long pid = getppid();
	int at_line_start = 1;
	FILE *maps;

	if (argc > 2) {
		fprintf(stderr, "usage: maps [PID | self]\n");
		return 1;
	}
	if (argc == 2 && strcmp(argv[1], "self") == 0) {
		pid = getpid();
	} else if (argc == 2) {
		pid = strtol(argv[1], &rest, 10);
		if (!*argv[1] || *rest || pid <= 0) {
			fprintf(stderr, "maps: '%s' is not a pid\n", argv[1]);
			return 1;
		}
	}
	snprintf(path, sizeof(path), "/proc/%ld/maps", pid);
	maps = fopen(path, "r");
	if (!maps) {
		fprintf(stderr, "maps: %s: %s\n", path, strerror(errno));
		return 1;
	}
	read_comm(pid, comm, sizeof(comm));
	printf("%ld %s:\n", pid, comm);
	while (fgets(line, sizeof(line), maps)) {
		fputs(line, stdout);
		if (at_line_start && sscanf(line, "%jx-%jx", &start, &end) == 2 &&
		    end > start) {
			kib += (end - start) / 1024;
			areas++;
		}
		at_line_start = strchr(line, '\n') != NULL;
	}
	if (!at_line_start)
		putchar('\n');
	fclose(maps);
	printf("total: %llu KiB mapped in %u areas\n", kib, areas);
	return fflush(stdout) != 0 || ferror(stdout);
}
