// SPDX-License-Identifier: GPL-2.0
/*
 * Creating and destroying address spaces (Linux: kernel/fork.c).
 *
 * An mm_struct has two reference counts:
 *   mm_users  the users of the address space: tasks (threads) running in
 *             it.  When the last goes (mmput), the areas and pages go
 *             (exit_mmap) and the users together drop their one mm_count.
 *   mm_count  references to the struct itself: the users (as one), and
 *             kernel threads borrowing it as active_mm (mmgrab).  When the
 *             last goes (mmdrop), the pgd and the struct are freed.
 *
 * copy_process() makes a new task: a copy of the current one with its own
 * pid and kernel stack.  (Issue 5's fork adds copying the address space.)
 */
#include <kernel.h>
#include <errno.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>
#include <asm/switch_to.h>

struct kmem_cache *task_struct_cachep;
struct kmem_cache *mm_cachep;
struct kmem_cache *vm_area_cachep;

#define allocate_mm()	((struct mm_struct *)kmem_cache_alloc(mm_cachep, GFP_KERNEL))
#define free_mm(mm)	kmem_cache_free(mm_cachep, (mm))

/* vm_area_alloc - a zeroed area belonging to @mm, or NULL. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

/* vm_area_dup - a copy of @orig, not yet linked anywhere, or NULL. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (new) {
		*new = *orig;
		new->vm_next = new->vm_prev = NULL;
		RB_CLEAR_NODE(&new->vm_rb);
	}
	return new;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/*
 * mm_init - make @mm (zeroed) an empty address space with one user
 * Return: @mm, or NULL (and @mm freed) if its pgd cannot be allocated.
 */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->map_count = 0;
	mm->task_size = TASK_SIZE;
	init_rwsem(&mm->mmap_lock);
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		free_mm(mm);
		return NULL;
	}
	setup_mmap_layout(mm);
	list_add_tail(&mm->mmlist, &init_mm.mmlist);
	return mm;
}

/**
 * mm_alloc - a new, empty address space
 * Return: the mm with mm_users == mm_count == 1, or NULL.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = allocate_mm();

	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	return mm_init(mm);
}

/* Counters that must be back to zero when an mm dies (Linux: check_mm()). */
static void check_mm(struct mm_struct *mm)
{
	for (int i = 0; i < NR_MM_COUNTERS; i++) {
		long v = atomic_long_read(&mm->rss_stat[i]);

		if (v)
			pr_alert("BUG: Bad rss-counter state mm:%p type:%d val:%ld\n", mm, i, v);
	}
	if (mm_pgtables_bytes(mm))
		pr_alert("BUG: non-zero pgtables_bytes on freeing mm: %lu\n",
			 mm_pgtables_bytes(mm));
}

/* __mmdrop - the last reference to @mm's struct is gone: free it. */
void __mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	pgd_free(mm, mm->pgd);
	check_mm(mm);
	free_mm(mm);
}

/* __mmput - the last user is gone: tear down the areas and pages. */
static void __mmput(struct mm_struct *mm)
{
	exit_mmap(mm);
	list_del(&mm->mmlist);
	mmdrop(mm);
}

/**
 * mmput - drop a user of @mm; the last one frees its memory
 */
void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users))
		__mmput(mm);
}

/* dup_task_struct - a copy of @orig with a fresh kernel stack, or NULL. */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	unsigned long stack;

	if (!tsk)
		return NULL;
	stack = __get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	tsk->stack = (void *)stack;
	return tsk;
}

/*
 * copy_process - create a new task as a copy of current
 * @fn: for a kernel thread, the function it runs (@arg its argument);
 *	NULL for a copy of a user task that returns to user mode
 *
 * The new task is not yet runnable: the caller wakes it with
 * wake_up_new_task().  Return: the task, or NULL (nothing is left over).
 */
struct task_struct *copy_process(unsigned long clone_flags, int (*fn)(void *), void *arg)
{
	struct task_struct *p = dup_task_struct(current);
	unsigned long flags;

	if (!p)
		return NULL;
	p->pid = alloc_pid();
	if (p->pid < 0) {
		free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	p->tgid = p->pid;
	p->flags = fn ? PF_KTHREAD : 0;
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = clone_flags & CSIGNAL ? (int)(clone_flags & CSIGNAL) : -1;
	p->pending = 0;
	p->real_parent = current;
	INIT_LIST_HEAD(&p->children);
	init_waitqueue_head(&p->wait_chldexit);
	sched_fork(p);
	p->mm = NULL;				/* kernel thread: copy_mm() later */
	p->active_mm = NULL;
	copy_thread(p, fn, arg);

	local_irq_save(flags);
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &task_list);
	local_irq_restore(flags);
	return p;
}

/**
 * kernel_thread - start a kernel thread running @fn(@arg)
 * @flags: the signal the parent gets when it exits (SIGCHLD to wait for
 *	it), or 0 to let it reap itself
 *
 * @fn must not simply return: it ends with do_exit(), or after a
 * successful exec, when returning takes it to user mode (kernel_init).
 * Return: the new pid, or -ENOMEM.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct task_struct *p = copy_process(flags, fn, arg);

	if (!p)
		return -ENOMEM;
	strscpy(p->comm, name, sizeof(p->comm));
	wake_up_new_task(p);
	return p->pid;
}

/* proc_caches_init - the slab caches of this file (Linux names them so). */
void proc_caches_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 16,
					       SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct),
					   0, SLAB_PANIC, NULL);
}
