// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/ (Linux: fs/proc/base.c): one process's entries.
 *
 *   cmdline  environ   its argv and envp, NUL-separated, read from its memory
 *   comm               its name
 *   cwd  exe           symlinks: its working directory, its program
 *   maps  smaps        its areas (task_mmu.c)
 *   stat  statm  status   numbers about it (array.c)
 *
 * The process may exit at any moment: its task is looked up afresh, with
 * interrupts off, whenever one of these is opened, and its mm is held
 * (mmget) only while the text is made.  A process that is gone: -ESRCH.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>
#include "internal.h"

/**
 * get_pid_task_mm - the mm of process @pid, with a user reference (mmput it)
 * Return: the mm, or NULL if the process is gone or has none.
 */
struct mm_struct *get_pid_task_mm(pid_t pid)
{
	struct mm_struct *mm = NULL;
	struct task_struct *p;
	unsigned long flags;

	local_irq_save(flags);
	p = find_task_by_pid(pid);
	if (p && p->mm) {
		mm = p->mm;
		mmget(mm);
	}
	local_irq_restore(flags);
	return mm;
}

/* proc_pid_mem_range - the bytes [start, end) of @pid's memory: cmdline, environ. */
static int proc_pid_mem_range(struct seq_file *m, pid_t pid, bool env)
{
	struct mm_struct *mm = get_pid_task_mm(pid);
	unsigned long start, end;
	char buf[256];

	if (!mm)
		return 0;			/* a kernel thread, or gone: empty */
	mmap_read_lock(mm);
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	while (start < end && !m->overflow) {
		int n = min_t(unsigned long, end - start, sizeof(buf));

		n = access_remote_vm(mm, start, buf, n, false);
		if (n <= 0)
			break;
		seq_write(m, buf, n);
		start += n;
	}
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

static int proc_pid_cmdline(struct seq_file *m, pid_t pid)
{
	return proc_pid_mem_range(m, pid, false);
}

static int proc_pid_environ(struct seq_file *m, pid_t pid)
{
	return proc_pid_mem_range(m, pid, true);
}

static int proc_pid_comm(struct seq_file *m, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int err = -ESRCH;

	local_irq_save(flags);
	p = find_task_by_pid(pid);
	if (p) {
		seq_printf(m, "%s\n", p->comm);
		err = 0;
	}
	local_irq_restore(flags);
	return err;
}

/* proc_path_link - @path's name into @buf (PATH_MAX bytes). */
static int proc_path_link(const struct path *path, char *buf)
{
	char *tmp = kmalloc(PATH_MAX, GFP_ATOMIC), *p;

	if (!tmp)
		return -ENOMEM;
	p = d_path(path, tmp, PATH_MAX);
	if (!IS_ERR(p))
		strscpy(buf, p, PATH_MAX);
	kfree(tmp);
	return PTR_ERR_OR_ZERO(p);
}

static int proc_cwd_link(pid_t pid, char *buf)
{
	struct task_struct *p;
	unsigned long flags;
	int err = -ENOENT;

	local_irq_save(flags);
	p = find_task_by_pid(pid);
	if (p && p->fs)
		err = proc_path_link(&p->fs->pwd, buf);
	local_irq_restore(flags);
	return err;
}

static int proc_exe_link(pid_t pid, char *buf)
{
	struct mm_struct *mm = get_pid_task_mm(pid);
	int err = -ENOENT;

	if (!mm)
		return err;
	if (mm->exe_file)
		err = proc_path_link(&mm->exe_file->f_path, buf);
	mmput(mm);
	return err;
}

static const struct pid_entry tgid_base_stuff[] = {
	{ "cmdline", S_IFREG | 0444, proc_pid_cmdline },
	{ "comm", S_IFREG | 0644, proc_pid_comm },
	{ "cwd", S_IFLNK | 0777, NULL, proc_cwd_link },
	{ "environ", S_IFREG | 0400, proc_pid_environ },
	{ "exe", S_IFLNK | 0777, NULL, proc_exe_link },
	{ "maps", S_IFREG | 0444, proc_pid_maps },
	{ "smaps", S_IFREG | 0444, proc_pid_smaps },
	{ "stat", S_IFREG | 0444, proc_pid_stat },
	{ "statm", S_IFREG | 0444, proc_pid_statm },
	{ "status", S_IFREG | 0444, proc_pid_status },
};

static int proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry)
{
	if (!proc_pid_alive(PROC_I(dir)->pid))
		return 0;			/* the process is gone: no names (ENOENT) */
	return proc_lookup_entry(dir, dentry, tgid_base_stuff, ARRAY_SIZE(tgid_base_stuff),
				 PROC_I(dir)->pid);
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	if (!dir_emit_dots(file, ctx))
		return 0;
	return proc_readdir_entries(file, ctx, tgid_base_stuff, ARRAY_SIZE(tgid_base_stuff), 2,
				    PROC_I(file_inode(file))->pid);
}

const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

const struct file_operations proc_tgid_base_operations = {
	.llseek = generic_file_llseek,
	.iterate = proc_tgid_base_readdir,
};
