// SPDX-License-Identifier: GPL-2.0
/* The exception table: probes of bad kernel addresses return -EFAULT. */
#include <ktest.h>
#include <errno.h>
#include <kernel.h>
#include <asm/extable.h>
#include <asm/page.h>
#include <asm/uaccess.h>

extern char _end[];

static void probe_reads_mapped_memory(struct ktest *test)
{
	static const unsigned long value = 0x0123456789abcdefUL;
	unsigned long got = 0;

	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, &value, sizeof(got)), 0);
	KTEST_EXPECT_UEQ(test, got, value);
}

/* A #PF on an unmapped kernel address is fixed up. */
static void probe_unmapped_is_efault(struct ktest *test)
{
	unsigned long got = 0x5a5a;

	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)0xffffc90000000000UL, 8), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)PFN_ALIGN(_end), 8), -EFAULT);
	KTEST_EXPECT_UEQ(test, got, 0x5a5a);
}

/* A #GP on a non-canonical address is fixed up too. */
static void probe_noncanonical_is_efault(struct ktest *test)
{
	unsigned long got;

	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)0x8000000000000000UL, 8), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)0xffff7fffffff0000UL, 8), -EFAULT);
}

/* A read that runs off the end of the mapping fails as a whole. */
static void probe_crossing_into_hole(struct ktest *test)
{
	char buf[16];

	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(buf, (void *)(PFN_ALIGN(_end) - 8), 16), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(buf, (void *)(PFN_ALIGN(_end) - 16), 16), 0);
}

/* The probe never touches user addresses. */
static void probe_refuses_user_addresses(struct ktest *test)
{
	unsigned long got;

	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)0x1000, 8), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)-4UL, 8), -EFAULT);
}

static void extable_has_the_copy_routine(struct ktest *test)
{
	unsigned long start = (unsigned long)copy_user_generic;
	const struct exception_table_entry *e;
	int found = 0;

	for (unsigned long ip = start; ip < start + 16; ip++) {
		e = search_exception_tables(ip);
		if (e) {
			found++;
			KTEST_EXPECT_GT(test, e->fixup, e->insn);
		}
	}
	KTEST_EXPECT_EQ(test, found, 1);
	KTEST_EXPECT_NULL(test, search_exception_tables((unsigned long)probe_reads_mapped_memory));
}

static struct ktest_case extable_cases[] = {
	KTEST_CASE(probe_reads_mapped_memory),
	KTEST_CASE(probe_unmapped_is_efault),
	KTEST_CASE(probe_noncanonical_is_efault),
	KTEST_CASE(probe_crossing_into_hole),
	KTEST_CASE(probe_refuses_user_addresses),
	KTEST_CASE(extable_has_the_copy_routine),
	{}
};

static struct ktest_suite extable_suite = {
	.name = "extable",
	.test_cases = extable_cases,
};
ktest_suite(extable_suite);
