// SPDX-License-Identifier: GPL-2.0
/*
 * fork and copy-on-write, inspected from the kernel (as KAIST Pintos'
 * cow-simple does): after copy_process() both page tables map the same
 * page read-only with refcount 2; a write in the child copies it; once
 * the child is gone the parent's write reuses its page.  Also: shared
 * mappings stay shared, the zero page, CLONE_VM, and every allocation
 * inside fork made to fail in turn.
 *
 * A kernel thread plays the parent: it adopts a prepared mm
 * (kthread_use_mm) and user registers pointing at a 9-byte program,
 * "mov eax, 60; xor edi, edi; syscall" (exit(0)), which is where the
 * forked child starts -- so it leaves cleanly when woken.
 */
#include <ktest.h>
#include <errno.h>
#include <fault-inject.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <completion.h>
#include <asm/segment.h>
#include <asm/irqflags.h>

#define CODE_ADDR	0x400000UL
#define DATA_ADDR	0x600000UL
#define SHARED_ADDR	0x800000UL
#define ZERO_ADDR	0xa00000UL
#define DATA_PAGES	4

static const u8 exit_stub[] = { 0xb8, 0x3c, 0, 0, 0, 0x31, 0xff, 0x0f, 0x05 };

struct cow_ctx {
	struct ktest *test;
	void (*body)(struct cow_ctx *c);
	struct mm_struct *mm;
	struct completion done;
};

static struct vm_area_struct *vma_at(struct mm_struct *mm, unsigned long addr)
{
	return find_vma(mm, addr);
}

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte ? *pte : __pte(0);
}

static void write_byte(struct mm_struct *mm, unsigned long addr, u8 v)
{
	handle_mm_fault(vma_at(mm, addr), addr, FAULT_FLAG_WRITE);
	*((u8 *)page_address(pfn_to_page(pte_pfn(pte_at(mm, addr)))) + offset_in_page(addr)) = v;
}

static u8 read_byte(struct mm_struct *mm, unsigned long addr)
{
	return *((u8 *)page_address(pfn_to_page(pte_pfn(pte_at(mm, addr)))) + offset_in_page(addr));
}

/* The parent's mm: exit stub, written private data, shared data, a zero-page read. */
static struct mm_struct *make_parent_mm(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	do_mmap(mm, NULL, CODE_ADDR, PAGE_SIZE, PROT_READ | PROT_EXEC,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	access_remote_vm(mm, CODE_ADDR, (void *)exit_stub, sizeof(exit_stub), true);
	do_mmap(mm, NULL, DATA_ADDR, DATA_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	for (int i = 0; i < DATA_PAGES; i++)
		write_byte(mm, DATA_ADDR + i * PAGE_SIZE, 0x10 + i);
	write_byte(mm, DATA_ADDR + 1, 0xab);			/* must survive the copy */
	do_mmap(mm, NULL, SHARED_ADDR, PAGE_SIZE, PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, 0);
	write_byte(mm, SHARED_ADDR, 0x55);
	do_mmap(mm, NULL, ZERO_ADDR, PAGE_SIZE, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
	handle_mm_fault(vma_at(mm, ZERO_ADDR), ZERO_ADDR, 0);	/* a read: zero page */
	return mm;
}

/* Registers the forked child returns to user mode with: the exit stub. */
static void set_user_regs(void)
{
	struct pt_regs *regs = task_pt_regs(current);

	memset(regs, 0, sizeof(*regs));
	regs->ip = CODE_ADDR;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->sp = DATA_ADDR + PAGE_SIZE;
	regs->flags = X86_EFLAGS_IF;
}

static struct task_struct *fork_child(unsigned long flags)
{
	struct kernel_clone_args args = { .flags = flags | SIGCHLD };

	return copy_process(&args);
}

/* Let @child run its exit stub; return its wait status. */
static int finish_child(struct task_struct *child)
{
	int status = -1;

	wake_up_new_task(child);
	kernel_wait(child->pid, &status);
	return status;
}

static int cow_thread(void *arg)
{
	struct cow_ctx *c = arg;

	kthread_use_mm(c->mm);
	set_user_regs();
	c->body(c);
	kthread_unuse_mm(c->mm);
	drop_lazy_mm();
	complete(&c->done);
	return 0;
}

/* Run @body in a kernel thread that acts as the parent process. */
static void run_as_parent(struct ktest *test, void (*body)(struct cow_ctx *c))
{
	struct cow_ctx c = { .test = test, .body = body };

	c.mm = make_parent_mm(test);
	init_completion(&c.done);
	KTEST_ASSERT_NOT_NULL(test, kthread_run(cow_thread, &c, "cow_parent"));
	wait_for_completion(&c.done);
	msleep(5);				/* the thread's last switch */
	mmput(c.mm);
}

static void body_share_copy_reuse(struct cow_ctx *c)
{
	struct ktest *test = c->test;
	struct task_struct *child = fork_child(0);
	unsigned long pfn, free_before;
	struct mm_struct *cmm;
	pte_t p, q;

	if (IS_ERR(child)) {		/* on the parent's thread: no ASSERT */
		KTEST_FAIL(test, "fork: %ld", PTR_ERR(child));
		return;
	}
	cmm = child->mm;
	p = pte_at(c->mm, DATA_ADDR);
	q = pte_at(cmm, DATA_ADDR);
	pfn = pte_pfn(p);
	/* after fork: one page, two read-only mappings */
	KTEST_EXPECT_EQ(test, pte_pfn(q), pfn);
	KTEST_EXPECT_FALSE(test, pte_write(p));
	KTEST_EXPECT_FALSE(test, pte_write(q));
	KTEST_EXPECT_EQ(test, page_ref_count(pfn_to_page(pfn)), 2);
	KTEST_EXPECT_EQ(test, page_mapcount(pfn_to_page(pfn)), 2);
	KTEST_EXPECT_EQ(test, get_mm_rss(cmm), get_mm_rss(c->mm));

	/* the child writes: it gets a copy, the parent keeps the old page */
	write_byte(cmm, DATA_ADDR, 0x99);
	q = pte_at(cmm, DATA_ADDR);
	KTEST_EXPECT_NE(test, pte_pfn(q), pfn);
	KTEST_EXPECT_TRUE(test, pte_write(q));
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(c->mm, DATA_ADDR)), pfn);
	KTEST_EXPECT_EQ(test, read_byte(c->mm, DATA_ADDR), 0x10);
	KTEST_EXPECT_EQ(test, read_byte(cmm, DATA_ADDR + 1), 0xab);	/* copied */
	KTEST_EXPECT_EQ(test, page_ref_count(pfn_to_page(pfn)), 1);
	KTEST_EXPECT_EQ(test, page_mapcount(pfn_to_page(pfn)), 1);

	/* the child exits; page 1 was still shared: the parent's write reuses it */
	KTEST_EXPECT_EQ(test, finish_child(child), 0);
	pfn = pte_pfn(pte_at(c->mm, DATA_ADDR + PAGE_SIZE));
	free_before = nr_free_pages();
	write_byte(c->mm, DATA_ADDR + PAGE_SIZE, 0x77);
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(c->mm, DATA_ADDR + PAGE_SIZE)), pfn);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(c->mm, DATA_ADDR + PAGE_SIZE)));
	KTEST_EXPECT_EQ(test, nr_free_pages(), free_before);		/* no copy */
}

static void cow_fork_shares_then_copies_then_reuses(struct ktest *test)
{
	run_as_parent(test, body_share_copy_reuse);
}

static void body_shared_and_zero(struct cow_ctx *c)
{
	struct ktest *test = c->test;
	struct task_struct *child = fork_child(0);
	struct mm_struct *cmm;
	pte_t p, q;

	if (IS_ERR(child)) {		/* on the parent's thread: no ASSERT */
		KTEST_FAIL(test, "fork: %ld", PTR_ERR(child));
		return;
	}
	cmm = child->mm;
	/* MAP_SHARED: the same page, still writable on both sides */
	p = pte_at(c->mm, SHARED_ADDR);
	q = pte_at(cmm, SHARED_ADDR);
	KTEST_EXPECT_EQ(test, pte_pfn(p), pte_pfn(q));
	KTEST_EXPECT_TRUE(test, pte_write(p) && pte_write(q));
	write_byte(cmm, SHARED_ADDR, 0x66);
	KTEST_EXPECT_EQ(test, read_byte(c->mm, SHARED_ADDR), 0x66);
	/* the zero page on both sides; a write gives the child a zeroed page */
	KTEST_EXPECT_TRUE(test, is_zero_pfn(pte_pfn(pte_at(cmm, ZERO_ADDR))));
	write_byte(cmm, ZERO_ADDR + 8, 1);
	KTEST_EXPECT_FALSE(test, is_zero_pfn(pte_pfn(pte_at(cmm, ZERO_ADDR))));
	KTEST_EXPECT_EQ(test, read_byte(cmm, ZERO_ADDR), 0);
	KTEST_EXPECT_TRUE(test, is_zero_pfn(pte_pfn(pte_at(c->mm, ZERO_ADDR))));
	KTEST_EXPECT_EQ(test, finish_child(child), 0);
}

static void cow_shared_stays_shared_zero_page_copies(struct ktest *test)
{
	run_as_parent(test, body_shared_and_zero);
}

static void body_clone_vm(struct cow_ctx *c)
{
	struct ktest *test = c->test;
	int users = atomic_read(&c->mm->mm_users);
	struct task_struct *child = fork_child(CLONE_VM);

	if (IS_ERR(child)) {		/* on the parent's thread: no ASSERT */
		KTEST_FAIL(test, "fork: %ld", PTR_ERR(child));
		return;
	}
	KTEST_EXPECT_PTR_EQ(test, child->mm, c->mm);
	KTEST_EXPECT_EQ(test, atomic_read(&c->mm->mm_users), users + 1);
	KTEST_EXPECT_EQ(test, finish_child(child), 0);
	KTEST_EXPECT_EQ(test, atomic_read(&c->mm->mm_users), users);
	KTEST_EXPECT_EQ(test, validate_mm(c->mm), 0);		/* still whole */
}

static void cow_clone_vm_shares_one_mm(struct ktest *test)
{
	run_as_parent(test, body_clone_vm);
}

/* Fail the 1st, 2nd, ... allocation inside fork until it succeeds. */
static void body_fault_injection(struct cow_ctx *c)
{
	struct ktest *test = c->test;
	int n;

	for (n = 1; n < 200; n++) {
		unsigned long pages = nr_free_pages(), objs = slab_objects_in_use();
		struct task_struct *child;

		fail_nth = n;
		child = fork_child(0);
		fail_nth = 0;
		if (!IS_ERR(child)) {
			KTEST_EXPECT_EQ(test, finish_child(child), 0);
			break;
		}
		KTEST_EXPECT_EQ(test, PTR_ERR(child), -ENOMEM);
		if (nr_free_pages() != pages || slab_objects_in_use() != objs) {
			KTEST_FAIL(test, "fail_nth=%d: %ld pages, %ld objects not given back", n,
				   (long)(pages - nr_free_pages()),
				   (long)(slab_objects_in_use() - objs));
			break;
		}
	}
	ktest_printk(test, "fork succeeded once %d allocations could fail", n - 1);
	KTEST_EXPECT_GT(test, n, 8);	/* task, stack, mm, pgd, 4 areas, tables... */
	KTEST_EXPECT_LT(test, n, 200);
}

static void cow_fork_fault_injection_unwinds(struct ktest *test)
{
	run_as_parent(test, body_fault_injection);
}

static struct ktest_case cow_cases[] = {
	KTEST_CASE(cow_fork_shares_then_copies_then_reuses),
	KTEST_CASE(cow_shared_stays_shared_zero_page_copies),
	KTEST_CASE(cow_clone_vm_shares_one_mm),
	KTEST_CASE(cow_fork_fault_injection_unwinds),
	{}
};

static struct ktest_suite cow_suite = {
	.name = "cow",
	.test_cases = cow_cases,
};
ktest_suite(cow_suite);
