/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ls: list directories and files.
 *
 *	ls [-l] [-a] [PATH...]		(default PATH: ".")
 *
 * Files named on the command line come first, then each directory's
 * contents (a "DIR:" header before each when there is more than one
 * PATH), names sorted bytewise, hidden ones (".x") only with -a.  Names go
 * in columns when stdout is a terminal (TIOCGWINSZ gives its width), one a
 * line otherwise.  A symbolic link on the command line is followed, except
 * with -l.  -l prints one line per name, "MODE NLINK SIZE NAME" (no
 * owners, times or "total" blocks: dissect has none worth showing):
 *
 *	drwxr-xr-x      2     4096 bin
 *	lrwxrwxrwx      1        9 self -> /proc/42
 *	crw-------      1   5,   1 console		(a device: major, minor)
 *
 * MODE is the file type (- d l c b p s) and the rwx bits of owner, group
 * and others (s/S, t/T for set-id and sticky).  A directory's names are
 * kept in static arrays, no malloc: up to MAX_NAMES of them, ARENA_SIZE
 * bytes in all; past that, ls says so and lists what it has.  Exit status: 0; 2 if a
 * PATH cannot be read ("ls: cannot access 'X': No such file or
 * directory"), as GNU ls; 1 for a trouble inside a directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define MAX_NAMES	8192		/* entries of one directory */
#define ARENA_SIZE	(256 * 1024)	/* the bytes of their names */

/* An array of names, with room for @max. */
struct names {
	char **v;
	size_t n, max;
};

static int opt_long, opt_all;
static int status;
static unsigned int term_width;		/* 0: stdout is no terminal */
static char *entries[MAX_NAMES];	/* the directory being listed */
static char arena[ARENA_SIZE];		/* and its names */
static size_t arena_used;

/* Add @name to @list, a copy in arena[] if @copy; 0, or -1 if no room. */
static int add_name(struct names *list, char *name, int copy)
{
	size_t len = strlen(name) + 1;

	if (list->n == list->max || (copy && len > ARENA_SIZE - arena_used))
		return -1;
	if (copy) {
		name = memcpy(arena + arena_used, name, len);
		arena_used += len;
	}
	list->v[list->n++] = name;
	return 0;
}

/* qsort() order of two names: bytewise, as GNU ls in the C locale. */
static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "drwxr-xr-x" for @mode into @buf (11 bytes). */
static void mode_string(mode_t mode, char *buf)
{
	static const char rwx[] = "rwxrwxrwx";

	buf[0] = S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l' : S_ISCHR(mode) ? 'c' :
		 S_ISBLK(mode) ? 'b' : S_ISFIFO(mode) ? 'p' : S_ISSOCK(mode) ? 's' : '-';
	for (int i = 0; i < 9; i++)
		buf[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	if (mode & S_ISUID)
		buf[3] = mode & S_IXUSR ? 's' : 'S';
	if (mode & S_ISGID)
		buf[6] = mode & S_IXGRP ? 's' : 'S';
	if (mode & S_ISVTX)
		buf[9] = mode & S_IXOTH ? 't' : 'T';
	buf[10] = '\0';
}

/* Print the -l line of @name, which is at @path and has status @st. */
static void print_long(const char *path, const char *name, const struct stat *st)
{
	char mode[11], target[4096];
	ssize_t len;

	mode_string(st->st_mode, mode);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		printf("%s %6lu %3u, %3u %s", mode, (unsigned long)st->st_nlink,
		       major(st->st_rdev), minor(st->st_rdev), name);
	else
		printf("%s %6lu %8lld %s", mode, (unsigned long)st->st_nlink,
		       (long long)st->st_size, name);
	if (S_ISLNK(st->st_mode)) {
		len = readlink(path, target, sizeof(target) - 1);
		if (len >= 0)
			printf(" -> %.*s", (int)len, target);
	}
	putchar('\n');
}

/* Print the names @v[0..@n) in columns filling the terminal's width. */
static void print_columns(char **v, size_t n)
{
	size_t width = 1, cols, rows;

	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) + 2 > width)
			width = strlen(v[i]) + 2;
	cols = term_width / width ? term_width / width : 1;
	rows = (n + cols - 1) / cols;
	for (size_t r = 0; r < rows; r++) {
		for (size_t i = r; i < n; i += rows)
			printf("%-*s", i + rows < n ? (int)width : 0, v[i]);
		putchar('\n');
	}
}

/* Print the names in @list (sorted first), those in directory @dir if any. */
static void print_names(struct names *list, const char *dir)
{
	char path[4096];
	struct stat st;

	qsort(list->v, list->n, sizeof(*list->v), compare_names);
	if (!opt_long && term_width) {
		print_columns(list->v, list->n);
		return;
	}
	for (size_t i = 0; i < list->n; i++) {
		const char *name = list->v[i];

		if (!opt_long) {
			puts(name);
			continue;
		}
		snprintf(path, sizeof(path), "%s%s%s", dir ? dir : "",
			 dir && dir[strlen(dir) - 1] != '/' ? "/" : "", name);
		if (lstat(path, &st) < 0) {
			fprintf(stderr, "ls: cannot access '%s': %s\n", path,
				strerror(errno));
			status = status ? status : 1;
			continue;
		}
		print_long(path, name, &st);
	}
}

/* List the contents of directory @dir. */
static void list_dir(const char *dir)
{
	struct names list = { entries, 0, MAX_NAMES };
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (!dp) {
		fprintf(stderr, "ls: cannot open directory '%s': %s\n", dir,
			strerror(errno));
		status = 2;
		return;
	}
	arena_used = 0;
	while ((d = readdir(dp))) {
		if (!opt_all && d->d_name[0] == '.')
			continue;
		if (add_name(&list, d->d_name, 1) < 0) {
			fprintf(stderr, "ls: %s: too many entries, not all shown\n", dir);
			status = status ? status : 1;
			break;
		}
	}
	closedir(dp);
	print_names(&list, dir);
}

/* Is @path a directory to list by contents, rather than by name? */
static int is_dir_operand(const char *path, int *ok)
{
	struct stat st;

	*ok = 1;
	if (lstat(path, &st) < 0) {
		fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
		status = 2;
		*ok = 0;
		return 0;
	}
	if (S_ISLNK(st.st_mode) && !opt_long && stat(path, &st) < 0)
		return 0;			/* a dangling link: list it */
	return S_ISDIR(st.st_mode);
}

/* Parse the options; returns the index of the first PATH. */
static int parse_options(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l') {
				opt_long = 1;
			} else if (*o == 'a') {
				opt_all = 1;
			} else {
				fprintf(stderr, "ls: invalid option -- '%c'\n"
					"usage: ls [-l] [-a] [PATH...]\n", *o);
				exit(2);
			}
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	static char *dot[] = { "." };
	int first = parse_options(argc, argv), ok;
	struct names files = { argv + first, 0, argc - first };
	struct names dirs = { dot, first == argc, argc - first };
	struct winsize ws;

	if (ioctl(1, TIOCGWINSZ, &ws) == 0)
		term_width = ws.ws_col ? ws.ws_col : 80;
	if (first < argc && !(dirs.v = malloc((argc - first) * sizeof(char *))))
		return 2;
	for (int i = first; i < argc; i++)	/* files overwrite argv[first..i] */
		if (is_dir_operand(argv[i], &ok))
			add_name(&dirs, argv[i], 0);
		else if (ok)
			add_name(&files, argv[i], 0);

	print_names(&files, NULL);
	qsort(dirs.v, dirs.n, sizeof(*dirs.v), compare_names);
	for (size_t i = 0; i < dirs.n; i++) {
		if (files.n || i)
			putchar('\n');
		if (argc - first > 1)
			printf("%s:\n", dirs.v[i]);
		list_dir(dirs.v[i]);
	}
	return fflush(stdout) != 0 || ferror(stdout) ? 2 : status;
}
