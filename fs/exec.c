// SPDX-License-Identifier: GPL-2.0
/*
 * A new program's arguments and stack (Linux: fs/exec.c).
 *
 * Before the binary format loader maps anything else, exec puts the
 * strings at the very top of the new address space:
 *
 *   bprm_mm_init()     counts argv and envp, refuses too many bytes
 *                      (-E2BIG), maps a stack area at STACK_TOP just big
 *                      enough, and copies the filename, the envp strings
 *                      and the argv strings into it, top down
 *   setup_arg_pages()  grows the area by 128 KiB, the room for the
 *                      loader's tables and the program's first frames,
 *                      and records where the argv strings start
 *
 * The loader then writes its tables below the strings (binfmt_elf.c's
 * create_elf_tables() draws the finished stack).  Linux copies the
 * strings in do_execveat_common() before it knows the binary's format;
 * here load_elf_binary() calls both steps itself.
 *
 * The new mm belongs to the caller alone until exec installs it, so
 * nothing here takes its mmap_lock.
 */
#include <asm/switch_to.h>
#include <asm/special_insns.h>
#include <asm/irqflags.h>
#include <signal.h>
#include <sched.h>
#include <fdtable.h>
#include <slab.h>
#include <fs.h>
#include <syscalls.h>
#include <asm/uaccess.h>
#include <kernel.h>
#include <binfmts.h>
#include <errno.h>
#include <mm.h>
#include <string.h>
#include "internal.h"

/* How much setup_arg_pages() grows the stack below the strings (Linux's). */
#define STACK_EXPAND	(128UL * 1024)

/* count - the number of strings in @argv (NULL: none), or -E2BIG past @max. */
static int count(const char *const *argv, int max)
{
	int i = 0;

	if (!argv)
		return 0;
	for (; argv[i]; i++)
		if (i >= max)
			return -E2BIG;
	return i;
}

/*
 * strings_size - the bytes @n strings take with their NULs
 * Return: the size, or -E2BIG if one string is longer than MAX_ARG_STRLEN
 * (NUL included, as Linux's valid_arg_len()) or all exceed @limit.
 */
static long strings_size(int n, const char *const *strings, long limit)
{
	long size = 0;

	for (int i = 0; i < n; i++) {
		size_t len = strnlen(strings[i], MAX_ARG_STRLEN) + 1;

		if (len > MAX_ARG_STRLEN)
			return -E2BIG;
		size += len;
		if (size > limit)
			return -E2BIG;
	}
	return size;
}

/*
 * bprm_stack_limits - count the strings into @stack and check them
 * against MAX_ARG_STRLEN and ARG_MAX_BYTES (argv and envp together, with
 * their pointers)
 * Return: the bytes the stack needs for the filename and the strings,
 * the end marker included; or -E2BIG.
 */
static long bprm_stack_limits(const struct linux_binprm *bprm, struct bprm_stack *stack)
{
	long filename = strnlen(bprm->filename, MAX_ARG_STRLEN) + 1;
	long argv_bytes, envp_bytes, limit = ARG_MAX_BYTES;

	if (filename > MAX_ARG_STRLEN)
		return -E2BIG;
	stack->argc = count(bprm->argv, MAX_ARG_STRINGS);
	stack->envc = count(bprm->envp, MAX_ARG_STRINGS);
	if (stack->argc < 0 || stack->envc < 0)
		return -E2BIG;
	/* the pointers count against the limit too (Linux: ptr_size) */
	limit -= (max(stack->argc, 1) + stack->envc) * sizeof(void *);
	if (limit <= 0)
		return -E2BIG;
	argv_bytes = strings_size(stack->argc, bprm->argv, limit);
	if (argv_bytes < 0)
		return argv_bytes;
	envp_bytes = strings_size(stack->envc, bprm->envp, limit - argv_bytes);
	if (envp_bytes < 0)
		return envp_bytes;
	return sizeof(void *) + filename + argv_bytes + envp_bytes;
}

/*
 * copy_string_kernel - push @arg, NUL included, just below stack->p
 * Return: 0, or -EFAULT if the stack area does not hold it.
 */
static int copy_string_kernel(struct mm_struct *mm, struct bprm_stack *stack,
			      const char *arg)
{
	int len = strlen(arg) + 1;

	stack->p -= len;
	if (access_remote_vm(mm, stack->p, (void *)arg, len, true) != len)
		return -EFAULT;
	return 0;
}

/*
 * copy_strings - push @n strings, the last first, so that they end up in
 * order, back to back, at the new stack->p
 */
static int copy_strings(struct mm_struct *mm, struct bprm_stack *stack, int n,
			const char *const *strings)
{
	while (n-- > 0) {
		int retval = copy_string_kernel(mm, stack, strings[n]);

		if (retval)
			return retval;
	}
	return 0;
}

/**
 * bprm_mm_init - map the new stack and copy the program's strings into it
 * @bprm: the program; bprm->mm is empty
 * @stack: filled in: the area, where the strings went and how many
 *
 * The area is [STACK_TOP - size, STACK_TOP), size the strings rounded up
 * to pages; the top 8 bytes stay zero as the end marker.  Linux's
 * bprm_mm_init() makes a one-page area that grows as copy_strings()
 * fills it; this one is mapped at its final size at once.
 *
 * Return: 0, -E2BIG (too many bytes), -ENOMEM, -EFAULT.
 */
int bprm_mm_init(struct linux_binprm *bprm, struct bprm_stack *stack)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long len, addr;
	long size;
	int retval;

	size = bprm_stack_limits(bprm, stack);
	if (size < 0)
		return size;
	len = PAGE_ALIGN(size);
	addr = do_mmap(mm, NULL, STACK_TOP - len, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, 0);
	if (IS_ERR_VALUE(addr))
		return (int)addr;
	stack->vma = find_vma(mm, addr);
	stack->p = STACK_TOP - sizeof(void *);

	retval = copy_string_kernel(mm, stack, bprm->filename);
	if (retval)
		return retval;
	stack->exec = stack->p;
	retval = copy_strings(mm, stack, stack->envc, bprm->envp);
	if (retval)
		return retval;
	return copy_strings(mm, stack, stack->argc, bprm->argv);
}

/**
 * setup_arg_pages - make the stack area ready for the program
 * @executable_stack: the binary asked for it (PT_GNU_STACK with PF_X)
 *
 * Grows the area down by 128 KiB below the strings, as Linux does, and
 * sets mm->arg_start to the first argv string.
 *
 * Return: 0, or -EFAULT if the area cannot grow, or mprotect's error.
 */
int setup_arg_pages(struct linux_binprm *bprm, struct bprm_stack *stack,
		    bool executable_stack)
{
	struct mm_struct *mm = bprm->mm;
	struct vm_area_struct *vma = stack->vma;
	int retval;

	if (expand_stack(vma, vma->vm_start - STACK_EXPAND))
		return -EFAULT;
	if (executable_stack) {
		retval = do_mprotect(mm, vma->vm_start, vma->vm_end - vma->vm_start,
				     PROT_READ | PROT_WRITE | PROT_EXEC);
		if (retval)
			return retval;
		stack->vma = find_vma(mm, STACK_TOP - 1);
	}
	mm->arg_start = stack->p;
	return 0;
}

/* --- running a program: the task side (after load_elf_binary) ------------ */

/*
 * exec_mmap - make @mm the current task's address space (Linux: the same
 * name).  The old one is given up (mmput); a kernel thread becoming a
 * process gives up the mm it borrowed (mmdrop).
 */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;
	unsigned long flags;

	if (old_mm)
		mm_release(tsk, old_mm);	/* a vfork parent may go on now */
	local_irq_save(flags);
	active_mm = tsk->active_mm;
	tsk->mm = mm;
	tsk->active_mm = mm;
	write_cr3(__pa(mm->pgd));
	local_irq_restore(flags);
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm);
}

/* Actions go back to default, except "ignore", as exec requires. */
static void flush_signal_handlers(struct task_struct *tsk)
{
	for (int i = 0; i < _NSIG; i++)
		if (tsk->sighand[i].handler != SIG_IGN)
			tsk->sighand[i] = (struct k_sigaction){ 0 };
}

static const char *kbasename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Is any thread of @tsk's group but @tsk still alive? */
static bool other_threads_alive(struct task_struct *tsk)
{
	struct task_struct *t;
	unsigned long flags;
	bool alive = false;

	local_irq_save(flags);
	for_each_thread(tsk, t)
		alive |= t != tsk && !t->exit_state;
	local_irq_restore(flags);
	return alive;
}

/*
 * de_thread - exec in a multi-threaded process: the other threads are
 * killed (Linux: the same name), and exec waits until they are gone.  The
 * group is marked exiting meanwhile, so that each killed thread only ends
 * itself (do_group_exit), not this one; then it goes on alone.
 */
static void de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	if (!other_threads_alive(tsk))
		return;
	local_irq_save(flags);
	sig->group_exit_code = SIGKILL;
	sig->flags |= SIGNAL_GROUP_EXIT;
	zap_other_threads(tsk);
	local_irq_restore(flags);
	while (other_threads_alive(tsk)) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule_timeout(1);
	}
	local_irq_save(flags);
	sig->flags &= ~SIGNAL_GROUP_EXIT;
	if (!thread_group_leader(tsk))
		sig->flags |= SIGNAL_GROUP_EXECED;	/* Linux: it takes the leader's place */
	tsk->pending &= ~sigmask(SIGKILL);	/* zap_other_threads spared us */
	local_irq_restore(flags);
}

/*
 * set_mm_exe_file - the program @mm runs (/proc/PID/exe); it takes over
 * open_exec()'s deny_write_access, given back when the mm goes (__mmput).
 */
static void set_mm_exe_file(struct mm_struct *mm, struct file *file)
{
	mm->exe_file = get_file(file);
}

/**
 * exec_binprm - replace the current program by the one in @bprm
 *
 * Everything that can fail happens before the point of no return (the
 * new mm is built aside and the caller keeps running if it fails); then
 * the new mm replaces the old, close-on-exec files are closed, signal
 * handlers reset, and the task's saved user registers set to start the
 * program.
 *
 * Return: 0 (returning to user mode starts the program), or the loader's
 * error with the caller untouched.
 */
int exec_binprm(struct linux_binprm *bprm)
{
	struct task_struct *tsk = current;
	int ret;

	ret = unshare_files(tsk);		/* CLONE_FILES: exec's closing is ours alone */
	if (ret)
		return ret;
	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	ret = load_elf_binary(bprm);
	if (ret) {
		mmput(bprm->mm);
		return ret;
	}
	/* the point of no return */
	set_mm_exe_file(bprm->mm, bprm->file);
	de_thread(tsk);
	exec_mmap(bprm->mm);
	strscpy(tsk->comm, kbasename(bprm->filename), sizeof(tsk->comm));
	tsk->flags &= ~PF_KTHREAD;
	flush_signal_handlers(tsk);
	do_close_on_exec(tsk->files);
	start_thread(task_pt_regs(tsk), bprm->entry, bprm->sp);
	return 0;
}

/**
 * open_exec - open the program @name (from @dfd) for exec
 * Return: the file, or ERR_PTR: the lookup's error, -EACCES for anything
 * but a regular file with an x bit, -ETXTBSY if it is open for writing.
 * The file is kept from writers (deny_write_access) until allow_write_access():
 * a failed exec does that at once, a successful one when the mm goes.
 */
struct file *open_exec(int dfd, const char *name, int flags)
{
	int err;

	struct file *file = do_filp_open(dfd, name, O_RDONLY | O_LARGEFILE |
					 (flags & AT_SYMLINK_NOFOLLOW ? O_NOFOLLOW : 0), 0);
	struct inode *inode;

	if (IS_ERR(file))
		return file;
	inode = file_inode(file);
	if (!S_ISREG(inode->i_mode) || inode_permission(inode, X_OK)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	err = deny_write_access(file);		/* -ETXTBSY while open for writing */
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/* do_open_execve - the file, then the program: 0, or the caller's errno. */
static int do_open_execve(int dfd, const char *filename, const char *const *argv,
			  const char *const *envp, int flags)
{
	struct linux_binprm bprm = { .filename = filename, .argv = argv, .envp = envp };
	char fdpath[24];
	int ret;

	if (!*filename) {			/* execveat(fd, "", AT_EMPTY_PATH): fexecve */
		snprintf(fdpath, sizeof(fdpath), "/dev/fd/%d", dfd);
		bprm.filename = fdpath;		/* as Linux names it: AT_EXECFN, comm */
	}
	bprm.file = open_exec(dfd, filename, flags);
	if (IS_ERR(bprm.file))
		return PTR_ERR(bprm.file);
	bprm.size = file_inode(bprm.file)->i_size;
	ret = exec_binprm(&bprm);
	if (ret)
		allow_write_access(bprm.file);	/* else mm->exe_file keeps it denied */
	fput(bprm.file);
	return ret;
}

/**
 * kernel_execve - run a program from kernel code (kernel_init, the
 * self-tests); a name without a '/' is looked for in /bin.  Returning 0
 * to ret_from_fork enters user mode.
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	char path[64];

	if (!strchr(filename, '/')) {
		if (snprintf(path, sizeof(path), "/bin/%s", filename) >= (int)sizeof(path))
			return -ENAMETOOLONG;
		filename = path;
	}
	return do_open_execve(AT_FDCWD, filename, argv, envp, 0);
}

/* --- execve from user space ----------------------------------------------- */

/*
 * copy_user_strings - argv or envp from user memory: a NULL-terminated
 * array of kernel copies, pointers and strings in one kmalloc'd block
 * @budget: bytes the strings may take, NULs and pointers included; what
 *	they took is subtracted (argv and envp share ARG_MAX_BYTES, as in Linux)
 * Return: the array (kfree() it), or ERR_PTR(-EFAULT, -E2BIG, -ENOMEM).
 */
static const char **copy_user_strings(const char __user *const __user *uargv, long *budget)
{
	long count = 0, total = 0, left;
	const char **vec;
	char *p;

	for (; uargv; count++) {			/* count and measure */
		char __user *s;
		long len;

		if (get_user(s, (char __user * __user *)uargv + count))
			return ERR_PTR(-EFAULT);
		if (!s)
			break;
		len = strnlen_user(s, MAX_ARG_STRLEN + 1);	/* NUL included */
		if (!len)
			return ERR_PTR(-EFAULT);
		/* each string costs its bytes and its pointer on the new stack */
		if (len > MAX_ARG_STRLEN || total + len + (count + 2) * (long)sizeof(void *) > *budget)
			return ERR_PTR(-E2BIG);
		total += len;
	}
	vec = kmalloc((count + 1) * sizeof(*vec) + total, GFP_KERNEL);
	if (!vec)
		return ERR_PTR(-ENOMEM);
	p = (char *)(vec + count + 1);
	left = total;
	for (long i = 0; i < count; i++) {		/* copy */
		char __user *s;
		long n = -EFAULT;

		if (!get_user(s, (char __user * __user *)uargv + i))
			n = strncpy_from_user(p, s, left);
		if (n < 0 || n >= left) {		/* a fault, or it grew meanwhile */
			kfree(vec);
			return ERR_PTR(-EFAULT);
		}
		vec[i] = p;
		p += n + 1;
		left -= n + 1;
	}
	vec[count] = NULL;
	*budget -= total + (count + 1) * (long)sizeof(void *);
	return vec;
}

/*
 * do_execveat_common - execve(2): copy the name, argv and envp in (the
 * caller's memory may go away), then open and load.  Any failure returns
 * to the caller with everything as it was.
 */
static long do_execveat_common(int fd, const char __user *filename,
			       const char __user *const __user *argv,
			       const char __user *const __user *envp, int flags)
{
	long budget = ARG_MAX_BYTES, ret;
	const char **kargv, **kenvp = NULL;
	char *name;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname_flags(filename, flags & AT_EMPTY_PATH);
	if (IS_ERR(name))
		return PTR_ERR(name);
	kargv = copy_user_strings(argv, &budget);
	ret = PTR_ERR_OR_ZERO(kargv);
	if (!ret) {
		kenvp = copy_user_strings(envp, &budget);
		ret = PTR_ERR_OR_ZERO(kenvp);
	}
	if (!ret)
		ret = do_open_execve(fd, name, kargv, kenvp, flags);
	if (!IS_ERR(kargv))
		kfree(kargv);
	if (!IS_ERR_OR_NULL(kenvp))
		kfree(kenvp);
	putname(name);
	return ret;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execveat_common(AT_FDCWD, filename, argv, envp, 0);
}

SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	return do_execveat_common(fd, filename, argv, envp, flags);
}
