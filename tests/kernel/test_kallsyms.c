// SPDX-License-Identifier: GPL-2.0
/* The symbol table linked in the second pass, and %pS. */
#include <ktest.h>
#include <kallsyms.h>
#include <kernel.h>
#include <string.h>

void start_kernel(unsigned int magic, unsigned long mbi_phys);

static void kallsyms_finds_functions(struct ktest *test)
{
	unsigned long size = 0, offset = 99;
	const char *name = kallsyms_lookup((unsigned long)start_kernel, &size, &offset);

	KTEST_ASSERT_NOT_NULL(test, name);
	KTEST_EXPECT_STREQ(test, name, "start_kernel");
	KTEST_EXPECT_EQ(test, offset, 0);
	KTEST_EXPECT_GT(test, size, 16);
	name = kallsyms_lookup((unsigned long)panic + 3, &size, &offset);
	KTEST_ASSERT_NOT_NULL(test, name);
	KTEST_EXPECT_STREQ(test, name, "panic");
	KTEST_EXPECT_EQ(test, offset, 3);
}

static void kallsyms_name_round_trip(struct ktest *test)
{
	KTEST_EXPECT_UEQ(test, kallsyms_lookup_name("start_kernel"), (unsigned long)start_kernel);
	KTEST_EXPECT_UEQ(test, kallsyms_lookup_name("dump_stack"), (unsigned long)dump_stack);
	KTEST_EXPECT_UEQ(test, kallsyms_lookup_name("no_such_symbol_anywhere"), 0);
}

static void kallsyms_outside_kernel(struct ktest *test)
{
	unsigned long size, offset;

	KTEST_EXPECT_NULL(test, kallsyms_lookup(0x1000, &size, &offset));
	KTEST_EXPECT_NULL(test, kallsyms_lookup(0xffff888000000000UL, &size, &offset));
}

static void kallsyms_print_symbol(struct ktest *test)
{
	unsigned long size, offset;
	char buf[128], want[128];

	kallsyms_lookup((unsigned long)start_kernel, &size, &offset);
	snprintf(buf, sizeof(buf), "%pS", (char *)start_kernel + 0x10);
	snprintf(want, sizeof(want), "start_kernel+0x10/%#lx", size);
	KTEST_EXPECT_STREQ(test, buf, want);
	snprintf(buf, sizeof(buf), "%ps", (void *)start_kernel);
	KTEST_EXPECT_STREQ(test, buf, "start_kernel");
	snprintf(buf, sizeof(buf), "%pS", (void *)0x1234);
	KTEST_EXPECT_STREQ(test, buf, "0x1234");
}

/* The backtrace of this very case names the runner that called it. */
static void dump_stack_is_symbolized(struct ktest *test)
{
	extern char log_buf[];
	extern unsigned long log_next;
	unsigned long start = log_next;
	char tail[2048];
	unsigned long n, i;

	dump_stack();
	n = min(log_next - start, sizeof(tail) - 1);
	for (i = 0; i < n; i++)
		tail[i] = log_buf[(start + i) % (1 << 16)];
	tail[n] = '\0';
	KTEST_EXPECT_NOT_NULL(test, strstr(tail, "Call Trace:"));
	KTEST_EXPECT_NOT_NULL(test, strstr(tail, "dump_stack_is_symbolized+0x"));
	KTEST_EXPECT_NOT_NULL(test, strstr(tail, "ktest_run_case+0x"));
	KTEST_EXPECT_NOT_NULL(test, strstr(tail, "kernel_init+0x"));	/* pid 1 runs the tests */
}

static struct ktest_case kallsyms_cases[] = {
	KTEST_CASE(kallsyms_finds_functions),
	KTEST_CASE(kallsyms_name_round_trip),
	KTEST_CASE(kallsyms_outside_kernel),
	KTEST_CASE(kallsyms_print_symbol),
	KTEST_CASE(dump_stack_is_symbolized),
	{}
};

static struct ktest_suite kallsyms_suite = {
	.name = "kallsyms",
	.test_cases = kallsyms_cases,
};
ktest_suite(kallsyms_suite);
