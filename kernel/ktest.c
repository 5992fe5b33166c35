// SPDX-License-Identifier: GPL-2.0
/*
 * The self-test runner (see include/ktest.h for the output format).
 *
 * Each case runs under setjmp(): a failed ASSERT, an unexpected exception
 * (die() calls ktest_case_crashed()) or the watchdog longjmp()s back here,
 * so one broken case never stops the run.  Around each case the runner
 * compares free pages before and after: a leak fails the case.
 */
#include <kernel.h>
#include <glob.h>
#include <jiffies.h>
#include <ktest.h>
#include <mm.h>
#include <sched.h>
#include <moduleparam.h>
#include <setjmp.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>

#define KTEST_TIMEOUT_SECONDS	60

extern struct ktest_suite *const __start_ktest_suites[];
extern struct ktest_suite *const __stop_ktest_suites[];

bool ktest_enabled;
static const char *ktest_filter;

static struct ktest *current_test;
static struct task_struct *ktest_task;		/* the task running the cases */
static jmp_buf case_jmp;
static bool case_running;
static unsigned long case_started;

/* "ktest": run the suites; slab poisoning catches use-after-free meanwhile. */
static int ktest_setup(char *val)
{
	ktest_enabled = true;
	slab_debug = true;
	return 0;
}
__setup("ktest", ktest_setup);

static int ktest_filter_setup(char *val)
{
	ktest_filter = val;
	return 0;
}
__setup("ktest.filter", ktest_filter_setup);

/* Print @msg with every line indented and marked as a KTAP diagnostic. */
static void ktest_print_diag(const char *msg)
{
	while (*msg) {
		const char *nl = strchr(msg, '\n');
		int len = nl ? nl - msg : (int)strlen(msg);

		printk("    # %.*s\n", len, msg);
		msg += len + (nl ? 1 : 0);
	}
}

static void ktest_vfail(struct ktest *test, const char *file, int line,
			const char *fmt, va_list args)
{
	char buf[512];
	int n;

	test->status = KTEST_FAILURE;
	n = scnprintf(buf, sizeof(buf), "%s: EXPECTATION FAILED at %s:%d\n",
		      test->name, file, line);
	vscnprintf(buf + n, sizeof(buf) - n, fmt, args);
	ktest_print_diag(buf);
}

void ktest_fail(struct ktest *test, const char *file, int line, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	ktest_vfail(test, file, line, fmt, args);
	va_end(args);
}

void ktest_fail_values(struct ktest *test, const char *file, int line,
		       const char *left, const char *op, const char *right,
		       long long lv, long long rv)
{
	ktest_fail(test, file, line,
		   "Expected %s %s %s, but\n%s == %lld (%#llx)\n%s == %lld (%#llx)",
		   left, op, right, left, lv, (unsigned long long)lv,
		   right, rv, (unsigned long long)rv);
}

void ktest_printk(struct ktest *test, const char *fmt, ...)
{
	char buf[512];
	va_list args;
	int n;

	n = scnprintf(buf, sizeof(buf), "%s: ", test->name);
	va_start(args, fmt);
	vscnprintf(buf + n, sizeof(buf) - n, fmt, args);
	va_end(args);
	ktest_print_diag(buf);
}

void ktest_skip(struct ktest *test, const char *reason)
{
	test->status = KTEST_SKIPPED;
	test->skip_reason = reason;
}

/*
 * An ASSERT gave up: back to the runner, on the runner's stack.  From a
 * thread the case started, that jump would land on another task's stack,
 * so it is a bug in the test, said loudly: such threads use EXPECT.
 */
void ktest_abort(struct ktest *test)
{
	if (current != ktest_task)
		panic("ktest: %s: KTEST_ASSERT failed in task %d (%s), not the case's own",
		      test->name, current->pid, current->comm);
	longjmp(case_jmp, 1);
}

/* A case runs, and the CPU is on its task (not a thread it started). */
bool ktest_case_running(void)
{
	return case_running && current == ktest_task;
}

void ktest_case_crashed(const char *what)
{
	char buf[128];

	case_running = false;
	current_test->status = KTEST_FAILURE;
	snprintf(buf, sizeof(buf), "%s: crashed: %s", current_test->name, what);
	ktest_print_diag(buf);
	longjmp(case_jmp, 1);
}

/* From the timer tick: end a case that has run for too long. */
void ktest_watchdog_tick(void)
{
	if (ktest_case_running() && time_after(jiffies, case_started + KTEST_TIMEOUT_SECONDS * HZ))
		ktest_case_crashed("timeout: case ran for over " __stringify(KTEST_TIMEOUT_SECONDS) " s");
}

/* Does @glob ("suite" or "suite.case") select @suite, and @kcase if given? */
static bool glob_selects(const char *glob, const char *suite, const char *kcase)
{
	const char *dot = strchr(glob, '.');
	char suite_glob[64];

	if (!dot)
		return glob_match(glob, suite);
	snprintf(suite_glob, sizeof(suite_glob), "%.*s", (int)(dot - glob), glob);
	return glob_match(suite_glob, suite) && (!kcase || glob_match(dot + 1, kcase));
}

/* Is @suite (and @kcase, if not NULL) selected by ktest.filter=GLOB[,GLOB...]? */
static bool ktest_filter_match(const char *suite, const char *kcase)
{
	const char *f = ktest_filter;
	bool filtered = f && *f;
	char glob[128];

	while (f && *f) {
		const char *comma = strchr(f, ',');
		int len = comma ? comma - f : (int)strlen(f);

		snprintf(glob, sizeof(glob), "%.*s", len, f);
		if (glob_selects(glob, suite, kcase))
			return true;
		f += len + (comma ? 1 : 0);
	}
	return !filtered;
}

/* Suites marked explicit_only need a filter that selects them. */
static bool ktest_suite_selected(const struct ktest_suite *suite)
{
	if (suite->explicit_only && (!ktest_filter || !*ktest_filter))
		return false;
	return ktest_filter_match(suite->name, NULL);
}

/* Fail @test if pages or slab objects are missing since the snapshot. */
static void ktest_check_leaks(struct ktest *test, unsigned long free_before,
			      unsigned long objs_before)
{
	unsigned long free_after = nr_free_pages(), objs_after = slab_objects_in_use();

	if (objs_after != objs_before)
		KTEST_FAIL(test, "leak check: %ld slab objects not freed (%lu in use before, %lu after)",
			   (long)(objs_after - objs_before), objs_before, objs_after);
	else if (free_after != free_before)
		KTEST_FAIL(test, "leak check: %ld pages not returned (free %lu before, %lu after)",
			   (long)(free_before - free_after), free_before, free_after);
}

/* Run one case under setjmp, with the leak check; returns its status. */
static enum ktest_status ktest_run_case(struct ktest_suite *suite,
					struct ktest_case *kcase, int index)
{
	struct ktest test = { .name = kcase->name, .status = KTEST_SUCCESS };
	unsigned long free_before = nr_free_pages();
	unsigned long objs_before = slab_objects_in_use();
	volatile bool init_done = false;

	current_test = &test;
	ktest_task = current;
	case_started = jiffies;
	if (!setjmp(case_jmp)) {
		case_running = true;
		if (suite->init && suite->init(&test)) {
			KTEST_FAIL(&test, "suite init failed");
		} else {
			init_done = true;
			kcase->run_case(&test);
		}
	}
	case_running = false;
	local_irq_enable();
	if (init_done && suite->exit)
		suite->exit(&test);
	drop_lazy_mm();		/* an mm the case freed may still be borrowed */
	if (!suite->no_leak_check && test.status != KTEST_SKIPPED)
		ktest_check_leaks(&test, free_before, objs_before);

	if (test.status == KTEST_SKIPPED)
		printk("    ok %d %s # SKIP %s\n", index, kcase->name,
		       test.skip_reason ? test.skip_reason : "");
	else
		printk("    %s %d %s\n", test.status == KTEST_SUCCESS ? "ok" : "not ok",
		       index, kcase->name);
	return test.status;
}

struct ktest_totals {
	int pass, fail, skip;
};

/* Run the selected cases of @suite as KTAP subtest @index; true if none failed. */
static bool ktest_run_suite(struct ktest_suite *suite, int index, struct ktest_totals *t)
{
	struct ktest_case *c;
	int n = 0, i = 0, failed = 0, skipped = 0;

	for (c = suite->test_cases; c->run_case; c++)
		n += ktest_filter_match(suite->name, c->name);
	printk("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite->name, n);
	for (c = suite->test_cases; c->run_case; c++) {
		enum ktest_status st;

		if (!ktest_filter_match(suite->name, c->name))
			continue;
		st = ktest_run_case(suite, c, ++i);
		failed += st == KTEST_FAILURE;
		skipped += st == KTEST_SKIPPED;
	}
	t->fail += failed;
	t->skip += skipped;
	t->pass += n - failed - skipped;
	printk("# %s: pass:%d fail:%d skip:%d total:%d\n", suite->name,
	       n - failed - skipped, failed, skipped, n);
	if (n && skipped == n)
		printk("ok %d %s # SKIP\n", index, suite->name);
	else
		printk("%s %d %s\n", failed ? "not ok" : "ok", index, suite->name);
	return !failed;
}

/**
 * ktest_run_all - run every selected suite, printing KTAP
 * Return: the number of suites with a failed case.
 */
int ktest_run_all(void)
{
	struct ktest_suite *const *s;
	struct ktest_totals t = { 0 };
	int n = 0, i = 0, failed = 0;

	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		n += ktest_suite_selected(*s);
	printk("KTAP version 1\n1..%d\n", n);
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (ktest_suite_selected(*s))
			failed += !ktest_run_suite(*s, ++i, &t);
	printk("# Totals: pass:%d fail:%d skip:%d total:%d\n",
	       t.pass, t.fail, t.skip, t.pass + t.fail + t.skip);
	return failed;
}
