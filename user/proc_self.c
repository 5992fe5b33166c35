/* SPDX-License-Identifier: GPL-2.0 */
/*
 * proc_self: /proc as Linux prints it, checked against what the program
 * knows about itself.
 *
 *   maps     every line is exactly
 *                "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu "
 *            then, for a named area, spaces to column 72, a space and the
 *            name; lines ascend and do not overlap.  Areas placed with
 *            MAP_FIXED_NOREPLACE come out byte for byte as built here:
 *            anonymous rw-p and ---p, a MAP_SHARED file mapping at offset
 *            4096 and a private read-only one, with the file's device,
 *            inode and path.  main() is in an r-xp line naming this
 *            program (whose inode that is), the break in [heap], a local
 *            variable in [stack]
 *   smaps    the block of the 2-page area, one page written: Size 8 kB,
 *            Rss, Anonymous and Private_Dirty 4 kB
 *   status   Name, Pid, PPid; VmRSS grows by 4 MiB (within 10%) when
 *            4 MiB of fresh anonymous memory is touched
 *   cmdline  argv, each string ending in NUL
 *   stat     "PID (comm) R "
 *   meminfo  MemTotal and MemFree in Linux's format, MemFree <= MemTotal
 *   self     readlink("/proc/self") is the pid in decimal, also in a
 *            child; /proc/PID/ reads the same as /proc/self/
 *   names    /proc makes and removes no names: a name it does not know
 *            is ENOENT to its lookup, so mkdir, symlink and open(O_CREAT)
 *            fail so; unlink and rmdir of its own get EPERM (it has no
 *            such operation; EACCES when not root: the mode is r-x)
 */
#include <stdio.h>
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096
#define NAME_COLUMN	72		/* Linux: 25 + sizeof(void *) * 6 - 1 */
#define ANON_RW		0x10000000UL
#define ANON_NONE	0x10100000UL
#define FILE_SHARED	0x10200000UL
#define FILE_RO		0x10300000UL
#define RSS_MEM		(4 << 20)

static char buf[256 * 1024];		/* a /proc file */
static char buf2[256 * 1024];		/* another, to compare */
static char path[96], dir[64];
static const char *comm;		/* basename of argv[0], as Linux sets it */

static char *sys_brk(char *addr)
{
	return (char *)syscall(SYS_brk, addr);
}

/* Read all of @name into @b, NUL-terminated; return its length. */
static size_t read_proc(const char *name, char *b)
{
	int fd = open(name, O_RDONLY);
	size_t len = 0;
	ssize_t n;

	CHECK(1, fd >= 0);
	while ((n = read(fd, b + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	CHECK(2, n == 0 && len < sizeof(buf) - 1);
	b[len] = '\0';
	close(fd);
	return len;
}

/* One maps line, as Linux's show_map_vma() prints it (no newline). */
static void format_line(char *out, size_t size, unsigned long start, unsigned long end,
			const char *perms, unsigned long long off, unsigned int maj,
			unsigned int min, unsigned long ino, const char *name)
{
	int n = snprintf(out, size, "%08lx-%08lx %s %08llx %02x:%02x %lu ",
			 start, end, perms, off, maj, min, ino);

	if (name && *name) {
		while (n < NAME_COLUMN)
			out[n++] = ' ';
		snprintf(out + n, size - n, " %s", name);
	}
}

/* The line of buf (maps or smaps) whose area holds @addr, into @line. */
static int find_line(const char *text, unsigned long addr, char *line, size_t size)
{
	for (const char *p = text; *p; ) {
		const char *nl = strchr(p, '\n');
		unsigned long start, end;
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (sscanf(p, "%lx-%lx ", &start, &end) == 2 && p[0] != ' ' &&
		    start <= addr && addr < end && len < size) {
			memcpy(line, p, len);
			line[len] = '\0';
			return 1;
		}
		p += len + (nl != NULL);
	}
	return 0;
}

/* The perms field of a maps line. */
static const char *perms_of(const char *line)
{
	return strchr(line, ' ') + 1;
}

/* The name at the end of a maps line, or "". */
static const char *line_name(const char *line)
{
	return strlen(line) > NAME_COLUMN + 1 ? line + NAME_COLUMN + 1 : "";
}

/* Every line parses, reprints the same, and comes after the one before. */
static void check_maps_format(const char *text)
{
	unsigned long prev_end = 0;
	int lines = 0;

	for (const char *p = text; *p; lines++) {
		const char *nl = strchr(p, '\n');
		char line[512], again[512], perms[5];
		unsigned long start, end, ino;
		unsigned long long off;
		unsigned int maj, min;
		size_t len;

		CHECK(3, nl != NULL && (len = nl - p) < sizeof(line));	/* ends in \n */
		memcpy(line, p, len);
		line[len] = '\0';
		CHECK(4, sscanf(line, "%lx-%lx %4s %llx %x:%x %lu", &start, &end, perms,
				&off, &maj, &min, &ino) == 7);
		CHECK(5, start < end && start >= prev_end && (start | end) % PAGE == 0);
		CHECK(6, strchr("r-", perms[0]) && strchr("w-", perms[1]) &&
			 strchr("x-", perms[2]) && strchr("ps", perms[3]));
		format_line(again, sizeof(again), start, end, perms, off, maj, min, ino,
			    line_name(line));
		CHECK(7, strcmp(line, again) == 0);
		prev_end = end;
		p = nl + 1;
	}
	CHECK(8, lines >= 5);
}

/* An area of our own, where we want it. */
static void *map_at(unsigned long addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = mmap((void *)addr, len, prot, flags | MAP_FIXED_NOREPLACE, fd, off);

	CHECK(9, p == (void *)addr);
	return p;
}

static void check_maps(char *heap)
{
	char line[512], want[512];
	struct stat st, self;
	unsigned int maj, min;
	unsigned long ino;
	int local = 0, fd;
	size_t blen = strlen(comm);
	const char *name;
	char *anon;

	snprintf(dir, sizeof(dir), "/tmp/proc_self.%d", getpid());
	snprintf(path, sizeof(path), "%s/data", dir);
	CHECK(10, mkdir(dir, 0755) == 0);
	fd = open(path, O_CREAT | O_EXCL | O_RDWR, 0644);
	CHECK(11, fd >= 0 && write(fd, buf, 3 * PAGE) == 3 * PAGE && fstat(fd, &st) == 0);

	anon = map_at(ANON_RW, 2 * PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	anon[0] = 1;						/* one page of two */
	map_at(ANON_NONE, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	map_at(FILE_SHARED, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
	map_at(FILE_RO, 3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(12, mmap((void *)(ANON_RW + PAGE), PAGE, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED &&
		  errno == EEXIST);
	close(fd);						/* the mappings keep it */

	read_proc("/proc/self/maps", buf);
	check_maps_format(buf);

	CHECK(13, find_line(buf, ANON_RW, line, sizeof(line)));
	CHECK(14, strcmp(line, "10000000-10002000 rw-p 00000000 00:00 0 ") == 0);
	CHECK(15, find_line(buf, ANON_NONE, line, sizeof(line)));
	CHECK(16, strcmp(line, "10100000-10101000 ---p 00000000 00:00 0 ") == 0);
	CHECK(17, find_line(buf, FILE_SHARED, line, sizeof(line)));
	format_line(want, sizeof(want), FILE_SHARED, FILE_SHARED + PAGE, "rw-s", PAGE,
		    major(st.st_dev), minor(st.st_dev), st.st_ino, path);
	CHECK(18, strcmp(line, want) == 0);
	CHECK(19, find_line(buf, FILE_RO + PAGE, line, sizeof(line)));
	format_line(want, sizeof(want), FILE_RO, FILE_RO + 3 * PAGE, "r--p", 0,
		    major(st.st_dev), minor(st.st_dev), st.st_ino, path);
	CHECK(20, strcmp(line, want) == 0);

	/* our text: r-xp, named by a path to this program, with its inode */
	CHECK(21, find_line(buf, (unsigned long)check_maps, line, sizeof(line)));
	CHECK(22, strncmp(perms_of(line), "r-xp ", 5) == 0);
	name = line_name(line);
	CHECK(23, strlen(name) > blen && name[strlen(name) - blen - 1] == '/' &&
		  strcmp(name + strlen(name) - blen, comm) == 0);
	CHECK(24, stat(name, &self) == 0 && S_ISREG(self.st_mode));
	CHECK(25, sscanf(line, "%*x-%*x %*s %*x %x:%x %lu", &maj, &min, &ino) == 3 &&
		  maj == major(self.st_dev) && min == minor(self.st_dev) && ino == self.st_ino);

	CHECK(26, find_line(buf, (unsigned long)heap, line, sizeof(line)));
	CHECK(27, strncmp(perms_of(line), "rw-p ", 5) == 0 &&
		  strcmp(line_name(line), "[heap]") == 0);
	CHECK(28, find_line(buf, (unsigned long)&local, line, sizeof(line)));
	CHECK(29, strncmp(perms_of(line), "rw-p ", 5) == 0 &&
		  strcmp(line_name(line), "[stack]") == 0);

	/* /proc/PID/maps is the same file */
	snprintf(want, sizeof(want), "/proc/%d/maps", getpid());
	read_proc(want, buf2);
	CHECK(30, strcmp(buf, buf2) == 0);
}

/* In @block (up to the next area's line), "@field" is @kb kB, Linux-style. */
static int smaps_field(const char *block, const char *field, unsigned long kb)
{
	char want[64];

	snprintf(want, sizeof(want), "\n%-16s%8lu kB\n", field, kb);
	return strstr(block, want) != NULL;
}

static void check_smaps(void)
{
	char header[128], *block, *end;

	read_proc("/proc/self/smaps", buf);
	snprintf(header, sizeof(header), "\n10000000-10002000 rw-p 00000000 00:00 0 \n");
	block = strstr(buf, header);
	CHECK(31, block != NULL);
	block += strlen(header) - 1;				/* from its \n on */
	for (end = block + 1; *end; end = strchr(end, '\n') + 1) {
		unsigned long a, b;

		if (sscanf(end, "%lx-%lx ", &a, &b) == 2 || !strchr(end, '\n'))
			break;					/* the next area's line */
	}
	*end = '\0';
	CHECK(32, strncmp(block, "\nSize:", 6) == 0);		/* first, as on Linux */
	CHECK(33, smaps_field(block, "Size:", 8));
	CHECK(34, smaps_field(block, "Rss:", 4));
	CHECK(35, smaps_field(block, "Anonymous:", 4));
	CHECK(36, smaps_field(block, "Private_Dirty:", 4));
}

/* The number after "\n@field\t" in /proc/self/status. */
static long status_field(const char *text, const char *field)
{
	char key[32];
	const char *p;
	long v;

	snprintf(key, sizeof(key), "\n%s\t", field);
	p = strstr(text, key);
	if (!p || sscanf(p + strlen(key), "%ld", &v) != 1)
		return -1;
	return v;
}

static void check_status(void)
{
	char want[64];
	long rss0, rss1, grew;
	char *mem;

	read_proc("/proc/self/status", buf);
	snprintf(want, sizeof(want), "Name:\t%.15s\n", comm);
	CHECK(37, strncmp(buf, want, strlen(want)) == 0);	/* the first line */
	CHECK(38, status_field(buf, "Pid:") == getpid());
	CHECK(39, status_field(buf, "PPid:") == getppid());
	rss0 = status_field(buf, "VmRSS:");
	CHECK(40, rss0 > 0 && strstr(strstr(buf, "\nVmRSS:\t"), " kB\n"));

	mem = mmap(NULL, RSS_MEM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(41, mem != MAP_FAILED);
	for (int i = 0; i < RSS_MEM; i += PAGE)
		mem[i] = 1;
	read_proc("/proc/self/status", buf);
	rss1 = status_field(buf, "VmRSS:");
	grew = rss1 - rss0;
	if (grew < RSS_MEM / 1024 * 9 / 10 || grew > RSS_MEM / 1024 * 11 / 10)
		fprintf(stderr, "VmRSS %ld kB -> %ld kB\n", rss0, rss1);
	CHECK(42, grew >= RSS_MEM / 1024 * 9 / 10 && grew <= RSS_MEM / 1024 * 11 / 10);
	CHECK(43, munmap(mem, RSS_MEM) == 0);
}

static void check_cmdline_stat(int argc, char **argv)
{
	char want[256], pidpath[64];
	size_t len = 0, n;

	for (int i = 0; i < argc; i++) {
		n = strlen(argv[i]) + 1;
		CHECK(44, len + n < sizeof(want));
		memcpy(want + len, argv[i], n);
		len += n;
	}
	n = read_proc("/proc/self/cmdline", buf);
	CHECK(45, n == len && memcmp(buf, want, len) == 0);
	snprintf(pidpath, sizeof(pidpath), "/proc/%d/cmdline", getpid());
	CHECK(46, read_proc(pidpath, buf2) == len && memcmp(buf2, want, len) == 0);

	read_proc("/proc/self/stat", buf);
	snprintf(want, sizeof(want), "%d (%.15s) R ", getpid(), comm);
	CHECK(47, strncmp(buf, want, strlen(want)) == 0);
}

/* "@label" then the value right-aligned in 8 columns and " kB". */
static unsigned long meminfo_kb(const char *text, const char *label, int code)
{
	char want[64];
	unsigned long v = 0;
	const char *p = strstr(text, label);

	CHECK(code, p != NULL && (p == text || p[-1] == '\n'));
	CHECK(code + 1, sscanf(p + strlen(label), "%lu", &v) == 1);
	snprintf(want, sizeof(want), "%-16s%8lu kB\n", label, v);
	CHECK(code + 2, strncmp(p, want, strlen(want)) == 0);
	return v;
}

static void check_meminfo(void)
{
	unsigned long total, free;

	read_proc("/proc/meminfo", buf);
	CHECK(48, strncmp(buf, "MemTotal:", 9) == 0);		/* the first line */
	total = meminfo_kb(buf, "MemTotal:", 49);
	free = meminfo_kb(buf, "MemFree:", 52);
	CHECK(55, total > 0 && free <= total);
}

/* readlink("/proc/self"): our pid, and a child's its own. */
static void check_self_link(void)
{
	char link[32], want[32];
	int status;
	ssize_t n;
	pid_t pid, parent = getpid();

	snprintf(want, sizeof(want), "%d", getpid());
	n = readlink("/proc/self", link, sizeof(link));
	CHECK(56, n == (ssize_t)strlen(want) && memcmp(link, want, n) == 0);
	CHECK(57, readlink("/proc/self", link, 1) == 1 && link[0] == want[0]);	/* cut */

	pid = fork();
	if (pid == 0) {
		snprintf(want, sizeof(want), "%d", getpid());
		n = readlink("/proc/self", link, sizeof(link));
		CHECK(58, n == (ssize_t)strlen(want) && memcmp(link, want, n) == 0);
		read_proc("/proc/self/status", buf);
		CHECK(59, status_field(buf, "Pid:") == getpid());
		CHECK(60, status_field(buf, "PPid:") == parent);
		_exit(0);
	}
	CHECK(61, pid > 0 && waitpid(pid, &status, 0) == pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		exit(WEXITSTATUS(status));
	CHECK(62, WIFEXITED(status));
}

/* /proc's names are the kernel's: a user can neither add nor remove one. */
static void check_no_new_names(void)
{
	int none = getuid() ? EACCES : EPERM;	/* root passes the mode check */
	char pid_dir[32];

	snprintf(pid_dir, sizeof(pid_dir), "/proc/%d", getpid());
	CHECK_ERRNO(68, mkdir("/proc/dissect-dir", 0755), ENOENT);
	CHECK_ERRNO(69, symlink("x", "/proc/dissect-link"), ENOENT);
	CHECK_ERRNO(70, unlink("/proc/self"), none);
	CHECK_ERRNO(71, rmdir(pid_dir), none);
	CHECK_ERRNO(72, open("/proc/dissect-file", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERRNO(73, mkdir("/proc/self/dissect-dir", 0755), ENOENT);
	CHECK_ERRNO(74, unlink("/proc/self/maps"), none);
}

static void cleanup(void)
{
	CHECK(63, munmap((void *)ANON_RW, 0x400000) == 0);	/* all four areas */
	CHECK(64, unlink(path) == 0);
	CHECK(65, rmdir(dir) == 0);
}

int main(int argc, char **argv)
{
	char *heap = sys_brk(NULL);
	const char *slash;

	CHECK(66, sys_brk(heap + 4 * PAGE) == heap + 4 * PAGE);	/* a [heap] to see */
	memset(heap, 0x11, 4 * PAGE);
	CHECK(67, argc >= 1);
	slash = strrchr(argv[0], '/');
	comm = slash ? slash + 1 : argv[0];

	check_maps(heap);
	check_smaps();
	check_status();
	check_cmdline_stat(argc, argv);
	check_meminfo();
	check_self_link();
	check_no_new_names();
	cleanup();
	printf("proc_self: maps, smaps, status, cmdline, stat, meminfo, /proc/self and no new names ok\n");
	return 0;
}
