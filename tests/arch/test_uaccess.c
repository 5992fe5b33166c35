// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's access to user memory (arch/x86/lib/uaccess.c): SMEP and
 * SMAP are on when the CPU has them, and SMAP does its job -- a kernel
 * read of a user page outside the STAC..CLAC window of the uaccess
 * routines faults (and, here, is fixed up through the exception table).
 * And the uaccess routines meet unmapped and read-only user memory with
 * -EFAULT or the count of bytes not copied, never an oops.
 *
 * The cases run in a kernel thread that has adopted a user mm
 * (kthread_use_mm), as tests/mm/test_cow.c does, so user addresses mean
 * something while they run.
 */
#include <ktest.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <string.h>
#include <completion.h>
#include <asm/irqflags.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/uaccess.h>

#define USER_ADDR	0x600000UL	/* one mapped page of user memory ... */
#define UNMAPPED	(USER_ADDR + PAGE_SIZE)	/* ... nothing after it */
#define RO_ADDR		0x800000UL	/* one read-only page */

struct uaccess_ctx {
	struct ktest *test;
	void (*body)(struct ktest *test);
	struct mm_struct *mm;
	struct completion done;
};

static int uaccess_thread(void *arg)
{
	struct uaccess_ctx *c = arg;

	kthread_use_mm(c->mm);
	c->body(c->test);
	kthread_unuse_mm(c->mm);
	drop_lazy_mm();
	complete(&c->done);
	return 0;
}

/* Run @body in a kernel thread using an mm with a page at USER_ADDR and RO_ADDR. */
static void run_in_user_mm(struct ktest *test, void (*body)(struct ktest *test))
{
	struct uaccess_ctx c = { .test = test, .body = body };

	c.mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(test, c.mm);
	if (do_mmap(c.mm, NULL, USER_ADDR, PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != USER_ADDR ||
	    do_mmap(c.mm, NULL, RO_ADDR, PAGE_SIZE, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != RO_ADDR) {
		mmput(c.mm);
		KTEST_FAIL(test, "do_mmap of the test pages failed");
		return;
	}
	init_completion(&c.done);
	KTEST_ASSERT_NOT_NULL(test, kthread_run(uaccess_thread, &c, "uaccess"));
	wait_for_completion(&c.done);
	msleep(5);				/* the thread's last switch */
	mmput(c.mm);
}

/* CR4 forbids the kernel user pages (SMAP) and user code (SMEP); SYSCALL masks AC. */
static void uaccess_smep_smap_are_on(struct ktest *test)
{
	unsigned long cr4 = __read_cr4();

	KTEST_EXPECT_TRUE(test, rdmsr(MSR_SYSCALL_MASK) & X86_EFLAGS_AC);
	if (!boot_cpu_has(X86_FEATURE_SMEP) || !boot_cpu_has(X86_FEATURE_SMAP)) {
		ktest_skip(test, "the CPU has no SMEP or SMAP");
		return;
	}
	KTEST_EXPECT_TRUE(test, cr4 & X86_CR4_SMEP);
	KTEST_EXPECT_TRUE(test, cr4 & X86_CR4_SMAP);
	KTEST_EXPECT_FALSE(test, arch_local_save_flags() & X86_EFLAGS_AC);
}

static void body_read_outside_window(struct ktest *test)
{
	unsigned long v = 0x1234, got = 0;
	void __user *u = (void __user *)USER_ADDR;

	if (copy_to_user(u, &v, sizeof(v))) {	/* on the thread: no ASSERT */
		KTEST_FAIL(test, "copy_to_user to a mapped page failed");
		return;
	}
	KTEST_EXPECT_EQ(test, copy_from_user(&got, u, sizeof(got)), 0);
	KTEST_EXPECT_UEQ(test, got, 0x1234);
	/* the same copy without STAC: SMAP faults, the fixup says 8 bytes not copied */
	got = 0;
	KTEST_EXPECT_EQ(test, copy_user_generic(&got, (const void *)USER_ADDR, sizeof(got)), 8);
	KTEST_EXPECT_UEQ(test, got, 0);
}

/* A kernel read of a present user page outside the uaccess routines faults. */
static void uaccess_smap_faults_outside_the_window(struct ktest *test)
{
	if (!boot_cpu_has(X86_FEATURE_SMAP)) {
		ktest_skip(test, "the CPU has no SMAP");
		return;
	}
	run_in_user_mm(test, body_read_outside_window);
}

static void body_fault_paths(struct ktest *test)
{
	char __user *edge = (char __user *)(UNMAPPED - 8);	/* 8 bytes before the hole */
	void __user *hole = (void __user *)UNMAPPED;
	char buf[16], str[16];
	u64 v = 0x77;

	/* nothing mapped: nothing copied, and what was not read is zeroed */
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(test, copy_to_user(hole, buf, 16), 16);
	KTEST_EXPECT_EQ(test, copy_from_user(buf, hole, 16), 16);
	KTEST_EXPECT_EQ(test, buf[0], 0);
	KTEST_EXPECT_EQ(test, buf[15], 0);
	KTEST_EXPECT_EQ(test, get_user(v, (u64 __user *)hole), -EFAULT);
	KTEST_EXPECT_UEQ(test, v, 0);
	KTEST_EXPECT_EQ(test, put_user(v, (u64 __user *)hole), -EFAULT);
	KTEST_EXPECT_EQ(test, strncpy_from_user(str, hole, sizeof(str)), -EFAULT);
	KTEST_EXPECT_EQ(test, clear_user(hole, 100), 100);

	/* running into the hole: the first 8 bytes go, the rest is counted */
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(test, copy_to_user(edge, buf, 16), 8);
	KTEST_EXPECT_EQ(test, copy_from_user(buf, edge, 16), 8);
	KTEST_EXPECT_EQ(test, buf[7], 0x5a);			/* read from the page */
	KTEST_EXPECT_EQ(test, buf[8], 0);			/* zeroed */
	KTEST_EXPECT_EQ(test, clear_user(edge, 16), 8);
	KTEST_EXPECT_EQ(test, copy_to_user(edge + 5, "abc", 3), 0);	/* no NUL before the hole */
	KTEST_EXPECT_EQ(test, strncpy_from_user(str, edge + 5, sizeof(str)), -EFAULT);
	KTEST_EXPECT_EQ(test, copy_to_user(edge + 4, "abc", 4), 0);
	KTEST_EXPECT_EQ(test, strncpy_from_user(str, edge + 4, sizeof(str)), 3);
	KTEST_EXPECT_STREQ(test, str, "abc");

	/* a read-only page: reads work, writes fault */
	KTEST_EXPECT_EQ(test, get_user(v, (u64 __user *)RO_ADDR), 0);
	KTEST_EXPECT_UEQ(test, v, 0);
	KTEST_EXPECT_EQ(test, put_user(v, (u64 __user *)RO_ADDR), -EFAULT);
	KTEST_EXPECT_EQ(test, clear_user((void __user *)RO_ADDR, 8), 8);

	/* a kernel address is refused before any access (access_ok) */
	KTEST_EXPECT_EQ(test, copy_from_user(buf, (void __user *)buf, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)buf, "x", 1), 1);
}

/* The uaccess routines on bad user addresses, from a kthread with a user mm. */
static void uaccess_faults_return_efault(struct ktest *test)
{
	run_in_user_mm(test, body_fault_paths);
}

static struct ktest_case uaccess_cases[] = {
	KTEST_CASE(uaccess_smep_smap_are_on),
	KTEST_CASE(uaccess_smap_faults_outside_the_window),
	KTEST_CASE(uaccess_faults_return_efault),
	{}
};

static struct ktest_suite uaccess_suite = {
	.name = "uaccess",
	.test_cases = uaccess_cases,
};
ktest_suite(uaccess_suite);
