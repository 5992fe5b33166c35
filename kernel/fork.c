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
 * fork, as the walk-through tells it:
 *
 *   fork() / vfork() / clone()
 *     kernel_clone()
 *       copy_process()
 *         dup_task_struct()      a copy of current with its own kernel stack
 *         sched_fork()           not yet runnable
 *         copy_signal()          CLONE_THREAD: join current's thread group;
 *                                else a new signal_struct, a new group
 *         copy_mm()              CLONE_VM: share the mm (mmget) -- a thread;
 *           dup_mm()             else a copy:
 *             allocate_mm()        from mm_cachep
 *             memcpy               the descriptor
 *             mm_init()            its own pgd, counters, lists
 *             dup_mmap()           every area: vm_area_cachep, link into the
 *               copy_page_range()  list and tree, share its pages (COW)
 *         copy_thread()          the child's stack frame; it returns 0
 *       wake_up_new_task()       the child runs
 *
 * Every failure unwinds completely: the caller sees -ENOMEM (or -EAGAIN
 * when pids run out, -EPERM for a CLONE_SETTLS pointer outside user
 * space) and nothing is left allocated.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>
#include <asm/switch_to.h>
#include <asm/uaccess.h>
#include <completion.h>
#include <syscalls.h>

struct kmem_cache *task_struct_cachep;
struct kmem_cache *signal_cachep;
struct kmem_cache *mm_cachep;
struct kmem_cache *vm_area_cachep;

#define allocate_mm()	((struct mm_struct *)kmem_cache_alloc(mm_cachep, GFP_KERNEL))
#define free_mm(mm)	kmem_cache_free(mm_cachep, (mm))

/* vm_area_alloc - a zeroed area belonging to @mm, or NULL. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->shared);
	}
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
		INIT_LIST_HEAD(&new->shared);
	}
	return new;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/*
 * mm_init - make @mm an address space with no areas and one user; the
 * layout fields (mmap_base, start_brk...) are the caller's
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
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		atomic_long_set(&mm->rss_stat[i], 0);
	atomic_long_set(&mm->pgtables_bytes, 0);
	mm->hiwater_rss = mm->hiwater_vm = 0;
	init_rwsem(&mm->mmap_lock);
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		free_mm(mm);
		return NULL;
	}
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
	if (!mm_init(mm))
		return NULL;
	setup_mmap_layout(mm);
	return mm;
}

/*
 * dup_mmap - copy every area of @oldmm into the empty @mm, and share its
 * pages (copy_page_range).  VM_DONTCOPY areas are left out.
 * Return: 0 or -ENOMEM; on failure the areas copied so far stay linked in
 * @mm, and the caller's mmput() frees them.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp, *prev = NULL, **pprev = &mm->mmap;
	struct rb_node **rb_link = &mm->mm_rb.rb_node, *rb_parent = NULL;
	int retval = 0;

	mmap_write_lock(oldmm);
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		if (mpnt->vm_flags & VM_DONTCOPY) {
			vm_stat_account(mm, mpnt->vm_flags, -(long)vma_pages(mpnt));
			continue;
		}
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		if (tmp->vm_file) {
			get_file(tmp->vm_file);
			vma_link_file(tmp);
		}
		*pprev = tmp;			/* appended: the list stays sorted */
		pprev = &tmp->vm_next;
		tmp->vm_prev = prev;
		prev = tmp;
		__vma_link_rb(mm, tmp, rb_link, rb_parent);
		rb_link = &tmp->vm_rb.rb_right;
		rb_parent = &tmp->vm_rb;
		mm->map_count++;
		retval = copy_page_range(mm, oldmm, mpnt);
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);
		if (retval)
			break;
	}
	mmap_write_unlock(oldmm);
	return retval;
}

/* dup_mm - a copy of @oldmm for a new process; NULL on failure (nothing left over). */
static struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = allocate_mm();

	if (!mm)
		return NULL;
	memcpy(mm, oldmm, sizeof(*mm));
	if (!mm_init(mm))
		return NULL;
	if (mm->exe_file) {
		get_file(mm->exe_file);
		atomic_dec(&file_inode(mm->exe_file)->i_writecount);	/* it runs here too */
	}
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return mm;
}

/* copy_mm - the new task's address space: shared (CLONE_VM) or copied. */
static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (!oldmm || (tsk->flags & PF_KTHREAD))	/* kernel threads have none */
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(tsk, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

/* copy_files - CLONE_FILES shares the descriptor table; else a copy (dup_fd). */
static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files;
	int error;

	if (clone_flags & CLONE_FILES) {
		atomic_inc(&oldf->count);
		return 0;
	}
	tsk->files = dup_fd(oldf, &error);
	return tsk->files ? 0 : error;
}

/* copy_fs - CLONE_FS shares root, cwd and umask; else a copy. */
static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (clone_flags & CLONE_FS) {
		atomic_inc(&fs->users);
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
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
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		fput(mm->exe_file);
	}
	mm->exe_file = NULL;
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
 * copy_signal - a new process (not CLONE_THREAD) gets its own
 * signal_struct, with no thread on it yet; a thread shares current's.
 * Return: 0 or -ENOMEM.
 */
static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD)
		return 0;
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	INIT_LIST_HEAD(&sig->thread_head);
	tsk->signal = sig;
	return 0;
}

void free_signal_struct(struct signal_struct *sig)
{
	kmem_cache_free(signal_cachep, sig);
}

/* The clone() flags dissect does not support: namespaces, pidfds, ptrace. */
#define CLONE_UNSUPPORTED	(CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | \
				 CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_PIDFD | \
				 CLONE_PTRACE)

/*
 * Linux's rules on which clone() flags need which.  init may not make
 * siblings (CLONE_PARENT): their parent would be the idle task, which
 * never waits, so they would stay zombies forever.
 */
static int check_clone_flags(unsigned long flags)
{
	if (flags & CLONE_UNSUPPORTED)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & CLONE_PARENT) && is_global_init(current))
		return -EINVAL;
	return 0;
}

/* The fields a new task must not inherit. */
static void init_new_task(struct task_struct *p, const struct kernel_clone_args *args)
{
	unsigned long flags = args->flags;

	p->flags = args->fn ? PF_KTHREAD : 0;
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = (flags & CLONE_THREAD) ? -1 : (int)(flags & CSIGNAL);
	p->pending = 0;
	p->vfork_done = NULL;
	p->set_child_tid = (flags & CLONE_CHILD_SETTID) ? args->child_tid : NULL;
	p->clear_child_tid = (flags & CLONE_CHILD_CLEARTID) ? args->child_tid : NULL;
	p->real_parent = (flags & (CLONE_PARENT | CLONE_THREAD)) ? current->real_parent : current;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	init_waitqueue_head(&p->wait_chldexit);
}

/*
 * link_new_task - make @p, with its pid, one of the tasks: a thread
 * (CLONE_THREAD) joins current's group, on no children list (Linux keeps
 * threads off it: the group is its leader's parent's child); anything
 * else leads a new group and is a child of its real_parent.
 * Return: 0, or -EINTR if current is being killed: a thread made now
 * would escape exit_group()'s zap_other_threads(), which has already
 * run (Linux makes the same check at the same point).
 */
static int link_new_task(struct task_struct *p, unsigned long clone_flags)
{
	unsigned long flags;

	if (clone_flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
	} else {
		p->tgid = p->pid;
		p->group_leader = p;
	}
	local_irq_save(flags);
	if (fatal_signal_pending(current)) {
		local_irq_restore(flags);
		return -EINTR;
	}
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	if (thread_group_leader(p))
		list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &task_list);
	local_irq_restore(flags);
	return 0;
}

/*
 * copy_process - create a new task as a copy of current
 *
 * For a kernel thread, args->fn(args->fn_arg) is what it runs; else it
 * returns to user mode where current entered the kernel, with 0 in rax.
 * The new task is not yet runnable (wake_up_new_task()).
 *
 * Return: the task, or ERR_PTR(-EINVAL / -ENOMEM / -EPERM / -EAGAIN /
 * -EINTR); on failure everything allocated on the way has been freed
 * again.
 */
struct task_struct *copy_process(const struct kernel_clone_args *args)
{
	struct task_struct *p;
	int retval = check_clone_flags(args->flags);

	if (retval)
		return ERR_PTR(retval);
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	init_new_task(p, args);
	sched_fork(p);
	retval = copy_signal(args->flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_files(args->flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_fs(args->flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_mm(args->flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_mm;
	retval = -EAGAIN;
	p->pid = alloc_pid();
	if (p->pid < 0)
		goto bad_fork_cleanup_mm;
	retval = link_new_task(p, args->flags);
	if (retval)
		goto bad_fork_free_pid;
	return p;

bad_fork_free_pid:
	free_pid(p->pid);
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_signal:
	if (!(args->flags & CLONE_THREAD))
		free_signal_struct(p->signal);
bad_fork_free:
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kmem_cache_free(task_struct_cachep, p);
	return ERR_PTR(retval);
}

/* The vfork parent sleeps until the child has exec'd or exited (mm_release). */
static void wait_for_vfork_done(struct completion *vfork)
{
	wait_for_completion(vfork);
}

/**
 * kernel_clone - the common body of fork, vfork, clone and kernel_thread
 * Return: the child's pid, or a negative errno.
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p = copy_process(args);
	pid_t pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->name)
		strscpy(p->comm, args->name, sizeof(p->comm));
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(pid, args->parent_tid);
	if (args->flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
	}
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(&vfork);
	return pid;
}

/**
 * kernel_thread - start a kernel thread running @fn(@arg)
 * @flags: the signal the parent gets when it exits: SIGCHLD to wait for
 *	it with kernel_wait(); 0 sends none, and only a wait with __WALL
 *	sees it (kthread_create() makes threads that reap themselves)
 *
 * @fn must not simply return: it ends with do_exit(), or after a
 * successful exec, when returning takes it to user mode (kernel_init).
 * Return: the new pid, or a negative errno.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = { .flags = flags, .fn = fn, .fn_arg = arg, .name = name };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .flags = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = { .flags = CLONE_VFORK | CLONE_VM | SIGCHLD };

	return kernel_clone(&args);
}

/* clone(flags, stack, parent_tid, child_tid, tls): x86-64's argument order. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags,
		.stack = newsp,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.tls = tls,
	};

	return kernel_clone(&args);
}

/* proc_caches_init - the slab caches of this file (Linux names them so). */
void proc_caches_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 16,
					       SLAB_PANIC, NULL);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct), 0,
					  SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct),
					   0, SLAB_PANIC, NULL);
}
