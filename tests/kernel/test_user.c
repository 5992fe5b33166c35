// SPDX-License-Identifier: GPL-2.0
/*
 * User programs from user/ (static musl binaries, in the initrd's /bin)
 * run as processes and end as user/expected.txt says -- the same table
 * scripts/run_user_on_linux.py checks them against on Linux.  Around
 * each program, free pages, slab objects and open files must come back
 * exactly.
 */
#include <ktest.h>
#include <binfmts.h>
#include <fs.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>
#include <asm/serial.h>

#define MAX_WORDS	16

struct expectation {
	char line[160];			/* the words point into it */
	const char *name;
	bool by_signal;			/* "signal S", else "exit N" */
	int value;
	const char *argv[MAX_WORDS + 1];
	const char *envp[MAX_WORDS + 1];
};

struct run_args {
	const char *name;
	const char *const *argv, *const *envp;
};



static int run_program(void *arg)
{
	struct run_args *a = arg;
	if (!kernel_execve(a->name, a->argv, a->envp))
		return 0;		/* to user mode: the program starts */
	do_exit(127 << 8);		/* exec failed: "command not found" */
}

/* run_user_pid - run @name as a child of the caller; its wait status, and its pid in *@pid. */
static int run_user_pid(const char *name, const char *const *argv, const char *const *envp,
			pid_t *pid)
{
	struct run_args a = { name, argv, envp };
	int status = -1;

	*pid = kernel_thread(run_program, &a, name, SIGCHLD);
	if (*pid < 0 || kernel_wait(*pid, &status) != *pid)
		return -1;
	return status;
}

/* run_user - run @name as a child of the caller; returns its wait status. */
static int run_user(const char *name, const char *const *argv, const char *const *envp)
{
	pid_t pid;

	return run_user_pid(name, argv, envp, &pid);
}

/*
 * parse_expectation - one line of user/expected.txt into @e, read as
 * scripts/user_expected.py reads it: "NAME exit N" or "NAME signal S",
 * then "args: WORD..." and "env: WORD..." lists.  1 for a line parsed, 0
 * for a comment or blank line, -EINVAL for one this parser cannot hold
 * whole (too long, too many words) or that breaks the grammar.
 */
static int parse_expectation(const char *line, size_t len, struct expectation *e)
{
	const char **list = NULL;
	char *p, *word;
	int n = 0, argc = 1, envc = 0, *count = NULL;

	memset(e, 0, sizeof(*e));
	if (len >= sizeof(e->line))
		return -EINVAL;
	memcpy(e->line, line, len);
	p = e->line;
	while ((word = strsep(&p, " \t"))) {
		if (!*word)
			continue;
		if (n == 0 && word[0] == '#')
			return 0;
		if (n == 0) {
			e->name = e->argv[0] = word;
		} else if (n == 1) {
			if (strcmp(word, "exit") && strcmp(word, "signal"))
				return -EINVAL;
			e->by_signal = word[0] == 's';
		} else if (n == 2) {
			if (kstrtoint(word, 10, &e->value) || e->value < 0)
				return -EINVAL;
		} else if (!strcmp(word, "args:")) {
			list = e->argv, count = &argc;
		} else if (!strcmp(word, "env:")) {
			list = e->envp, count = &envc;
		} else if (!list || *count >= MAX_WORDS) {
			return -EINVAL;
		} else {
			list[(*count)++] = word;
		}
		n++;
	}
	if (n == 0)
		return 0;
	return n >= 3 ? 1 : -EINVAL;
}

/* Run one program as expected.txt says; fail @test with the details if it differs. */
static void check_program(struct ktest *test, struct expectation *e)
{
	unsigned long free_before = nr_free_pages(), objs_before = slab_objects_in_use();
	unsigned long files_before = nr_files();
	int status = run_user(e->name, e->argv, e->envp);
	bool ok = e->by_signal ? (WIFSIGNALED(status) && WTERMSIG(status) == e->value)
			       : (WIFEXITED(status) && WEXITSTATUS(status) == e->value);

	drop_lazy_mm();
	if (!ok)
		KTEST_FAIL(test, "%s: status %#x, expected %s %d", e->name, status,
			   e->by_signal ? "signal" : "exit", e->value);
	if (nr_free_pages() != free_before || slab_objects_in_use() != objs_before ||
	    nr_files() != files_before)
		KTEST_FAIL(test, "%s: leaked %ld pages, %ld slab objects, %ld files", e->name,
			   (long)(free_before - nr_free_pages()),
			   (long)(slab_objects_in_use() - objs_before),
			   (long)(nr_files() - files_before));
}

extern const char builtin_expected_txt[];	/* user/expected.txt, embedded */

/* Does expected.txt have a line for @name? */
static bool has_expectation(const char *name, int len)
{
	static struct expectation e;
	const char *line = builtin_expected_txt;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		if (parse_expectation(line, n, &e) > 0 && (int)strlen(e.name) == len &&
		    !memcmp(e.name, name, len))
			return true;
		line += n + (nl ? 1 : 0);
	}
	return false;
}

struct bin_listing {
	struct dir_context ctx;
	struct ktest *test;
	int programs;
};

/* A name in /bin: it must have a line in expected.txt. */
static bool check_bin_entry(struct dir_context *ctx, const char *name, int len, loff_t off,
			    u64 ino, unsigned int d_type)
{
	struct bin_listing *b = container_of(ctx, struct bin_listing, ctx);

	if (d_type != DT_REG)
		return true;
	b->programs++;
	if (!has_expectation(name, len))
		KTEST_FAIL(b->test, "/bin/%.*s has no line in user/expected.txt", len, name);
	return true;
}

/* Every line of expected.txt is one run; every program in /bin must have one. */
static void user_programs_end_as_expected(struct ktest *test)
{
	static struct expectation e;
	struct bin_listing b = { .ctx.actor = check_bin_entry, .test = test };
	const char *line = builtin_expected_txt;
	struct file *bin = filp_open("/bin", O_RDONLY | O_DIRECTORY, 0);
	int runs = 0;

	KTEST_ASSERT_FALSE(test, IS_ERR(bin));
	KTEST_EXPECT_EQ(test, iterate_dir(bin, &b.ctx), 0);
	fput(bin);
	KTEST_EXPECT_GT(test, b.programs, 10);
	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		int parsed = parse_expectation(line, len, &e);

		if (parsed < 0)
			KTEST_FAIL(test, "user/expected.txt: cannot read %.*s", (int)len, line);
		if (parsed > 0) {
			check_program(test, &e);
			runs++;
		}
		line += len + (nl ? 1 : 0);
	}
	ktest_printk(test, "%d programs in /bin, %d runs", b.programs, runs);
}

/* What the log says after a program ran: it must contain @needle, @times times. */
static int count_in_log_since(unsigned long start, const char *needle)
{
	extern char log_buf[];
	extern unsigned long log_next;
	static char tail[8192];
	unsigned long n = min(log_next - start, sizeof(tail) - 1);
	int count = 0;
	char *p = tail;

	for (unsigned long i = 0; i < n; i++)
		tail[i] = log_buf[(log_next - n + i) % (1 << 16)];
	tail[n] = '\0';
	while ((p = strstr(p, needle))) {
		count++;
		p += strlen(needle);
	}
	return count;
}

/* printf() in a program reaches the serial port: the UART's last bytes say so. */
static void user_printf_reaches_console(struct ktest *test)
{
	const char *argv[] = { "hello", NULL }, *envp[] = { NULL };
	char last[32];

	KTEST_EXPECT_EQ(test, run_user("hello", argv, envp), 0);
	serial_tx_tail(last, sizeof(last));
	KTEST_EXPECT_NOT_NULL(test, strstr(last, "hello, world\r\n"));
	drop_lazy_mm();
}

static void user_segfault_is_reported(struct ktest *test)
{
	extern unsigned long log_next;
	const char *argv[] = { "fault_null", NULL }, *envp[] = { NULL };
	unsigned long start = log_next;
	int status = run_user("fault_null", argv, envp);

	KTEST_EXPECT_TRUE(test, WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	/* "fault_null[PID]: segfault at 0 ip ... sp ... error 4 in fault_null[401000+...]" */
	KTEST_EXPECT_EQ(test, count_in_log_since(start, "]: segfault at 0 ip "), 1);
	KTEST_EXPECT_EQ(test, count_in_log_since(start, " error 4 in fault_null["), 1);
	drop_lazy_mm();
}

/*
 * An unknown system call is logged once per number, with the program's
 * name and pid.  The numbers (two in the bitmap, one above it) are new
 * to this boot: the runs from expected.txt use others.
 */
static void user_enosys_logged_once(struct ktest *test)
{
	extern unsigned long log_next;
	static const char *const nrs[] = { "601", "1001", "2001" };
	const char *argv[] = { "enosys", nrs[0], nrs[1], nrs[2], NULL }, *envp[] = { NULL };
	unsigned long start = log_next;
	char line[80];
	pid_t pid, pid2;

	KTEST_EXPECT_EQ(test, run_user_pid("enosys", argv, envp, &pid), 0);
	KTEST_EXPECT_EQ(test, run_user_pid("enosys", argv, envp, &pid2), 0);
	for (int i = 0; i < (int)ARRAY_SIZE(nrs); i++) {
		snprintf(line, sizeof(line), "enosys[%d]: system call %s is not implemented", pid,
			 nrs[i]);
		KTEST_EXPECT_EQ(test, count_in_log_since(start, line), 1);
		snprintf(line, sizeof(line), "]: system call %s is not implemented", nrs[i]);
		KTEST_EXPECT_EQ(test, count_in_log_since(start, line), 1);	/* not again */
	}
	drop_lazy_mm();
}

/*
 * EFLAGS.AC, which user mode may set, must never reach kernel code: with
 * SMAP it lets the kernel touch user memory anywhere.  eflags_ac spins
 * with AC set while this task sleeps a tick at a time.  When the tick
 * preempts the spinner, this task runs next, switched to from the
 * interrupt's way out -- and a switch keeps RFLAGS as it is.
 */
static void user_eflags_ac_stays_in_user_mode(struct ktest *test)
{
	const char *argv[] = { "eflags_ac", "40000000", NULL }, *envp[] = { NULL };
	struct run_args a = { "eflags_ac", argv, envp };
	int status = -1, checks = 0, with_ac = 0;
	pid_t pid = kernel_thread(run_program, &a, "eflags_ac", SIGCHLD);

	KTEST_ASSERT_GT(test, pid, 1);
	while (do_wait(pid, &status, WNOHANG, NULL) == 0) {
		msleep(1);
		checks++;
		if (arch_local_save_flags() & X86_EFLAGS_AC)
			with_ac++;
	}
	ktest_printk(test, "%d wake-ups while it spun, %d with AC set", checks, with_ac);
	KTEST_EXPECT_EQ(test, status, 0);
	KTEST_EXPECT_GE(test, checks, 5);
	KTEST_EXPECT_EQ(test, with_ac, 0);
	drop_lazy_mm();
}

static void user_exec_of_missing_program_fails(struct ktest *test)
{
	const char *argv[] = { "no_such_program", NULL }, *envp[] = { NULL };
	int status = run_user("no_such_program", argv, envp);

	KTEST_EXPECT_TRUE(test, WIFEXITED(status));
	KTEST_EXPECT_EQ(test, WEXITSTATUS(status), 127);
	KTEST_EXPECT_EQ(test, kernel_execve("no_such_program", argv, envp), -ENOENT);
}

static struct ktest_case user_cases[] = {
	KTEST_CASE(user_programs_end_as_expected),
	KTEST_CASE(user_printf_reaches_console),
	KTEST_CASE(user_segfault_is_reported),
	KTEST_CASE(user_enosys_logged_once),
	KTEST_CASE(user_eflags_ac_stays_in_user_mode),
	KTEST_CASE(user_exec_of_missing_program_fails),
	{}
};

static struct ktest_suite user_suite = {
	.name = "user",
	.test_cases = user_cases,
};
ktest_suite(user_suite);
