// SPDX-License-Identifier: GPL-2.0
/*
 * The /proc directory (Linux: fs/proc/root.c, fs/proc/self.c).
 *
 *   /proc/self       a symlink to the caller's own /proc/PID
 *   /proc/meminfo    memory, as free(1) reads it
 *   /proc/uptime, /proc/version, /proc/mounts
 *   /proc/PID/       one directory per process (thread-group leader)
 *
 * Nothing here is cached: a lookup makes the dentry and inode, and the
 * last dput() frees them, so a lookup never finds a process that is gone
 * (a name /proc does not know is -ENOENT, as in Linux).  A /proc/PID
 * already held -- someone's cwd, an open file -- stays until let go.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <jiffies.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>
#include "internal.h"

static struct super_block *proc_sb;

static int proc_self_link(pid_t pid, char *buf)
{
	snprintf(buf, PATH_MAX, "%d", current->tgid);
	return 0;
}

static int proc_uptime_show(struct seq_file *m, pid_t pid)
{
	u64 ns = ktime_get_ns();

	seq_printf(m, "%llu.%02llu 0.00\n", ns / 1000000000ULL, ns / 10000000ULL % 100);
	return 0;
}

static int proc_version_show(struct seq_file *m, pid_t pid)
{
	seq_puts(m, "Linux version 5.15.0-dissect (dissect 0.1, a teaching kernel)\n");
	return 0;
}

static int proc_mounts_show(struct seq_file *m, pid_t pid)
{
	seq_puts(m, "rootfs / rootfs rw 0 0\nproc /proc proc rw 0 0\n");
	return 0;
}

static const struct pid_entry proc_root_entries[] = {
	{ "self", S_IFLNK | 0777, NULL, proc_self_link },
	{ "meminfo", S_IFREG | 0444, meminfo_proc_show },
	{ "uptime", S_IFREG | 0444, proc_uptime_show },
	{ "version", S_IFREG | 0444, proc_version_show },
	{ "mounts", S_IFREG | 0444, proc_mounts_show },
};

static const struct pid_entry proc_pid_dir = { "", S_IFDIR | 0555 };

/* proc_pid_alive - is @pid a process (a thread-group leader) right now? */
bool proc_pid_alive(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	bool found;

	local_irq_save(flags);
	p = find_task_by_pid(pid);
	found = p && p->tgid == pid && pid > 0;
	local_irq_restore(flags);
	return found;
}

/* name_to_int - a /proc/PID name: decimal digits, no leading zero; else -1. */
static pid_t name_to_int(const struct qstr *name)
{
	pid_t n = 0;

	if (!name->len || name->len > 9 || name->name[0] == '0')
		return -1;
	for (unsigned int i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		n = n * 10 + name->name[i] - '0';
	}
	return n;
}

static int proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	pid_t pid = name_to_int(&dentry->d_name);
	struct inode *inode;

	if (pid < 0 || !proc_pid_alive(pid))
		return proc_lookup_entry(dir, dentry, proc_root_entries,
					 ARRAY_SIZE(proc_root_entries), 0);
	inode = proc_make_inode(dir->i_sb, pid, &proc_pid_dir, proc_ino(pid, 0));
	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	return 0;
}

/* collect_pids - the processes' pids, ascending; returns how many (at most @max). */
static int collect_pids(pid_t *pids, int max)
{
	struct task_struct *p;
	unsigned long flags;
	int n = 0;

	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == p->tgid && p->pid > 0 && n < max)
			pids[n++] = p->pid;
	local_irq_restore(flags);
	for (int i = 1; i < n; i++)		/* insertion sort: the list is nearly sorted */
		for (int j = i; j > 0 && pids[j - 1] > pids[j]; j--)
			swap(pids[j - 1], pids[j]);
	return n;
}

/* ".", "..", the fixed entries, then one directory per process. */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	const int nfixed = ARRAY_SIZE(proc_root_entries);
	int max = 1024, n;
	pid_t *pids;
	char name[16];

	if (!dir_emit_dots(file, ctx))
		return 0;
	proc_readdir_entries(file, ctx, proc_root_entries, nfixed, 2, 0);
	if (ctx->pos < 2 + nfixed)
		return 0;
	pids = kmalloc_array(max, sizeof(*pids), GFP_KERNEL);
	if (!pids)
		return -ENOMEM;
	n = collect_pids(pids, max);
	for (int i = ctx->pos - 2 - nfixed; i < n; i++) {
		int len = snprintf(name, sizeof(name), "%d", pids[i]);

		if (!ctx->actor(ctx, name, len, ctx->pos, proc_ino(pids[i], 0), DT_DIR))
			break;
		ctx->pos++;
	}
	kfree(pids);
	return 0;
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.llseek = generic_file_llseek,
	.iterate = proc_root_readdir,
};

static struct kmem_cache *proc_inode_cachep;

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *pi = kmem_cache_zalloc(proc_inode_cachep, GFP_KERNEL);

	return pi ? &pi->vfs_inode : NULL;
}

static void proc_free_inode(struct inode *inode)
{
	kmem_cache_free(proc_inode_cachep, PROC_I(inode));
}

static const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.free_inode = proc_free_inode,
};

static const struct pid_entry proc_root_dir = { "", S_IFDIR | 0555 };

/* proc_root_init - make procfs and mount it on /proc. */
void proc_root_init(void)
{
	struct inode *root;

	proc_inode_cachep = kmem_cache_create("proc_inode_cache", sizeof(struct proc_inode), 0,
					      SLAB_PANIC, NULL);
	proc_sb = alloc_super("proc");
	if (!proc_sb)
		panic("proc_root_init: no memory");
	proc_sb->s_op = &proc_sops;
	root = proc_make_inode(proc_sb, 0, &proc_root_dir, proc_ino(0, 0));
	if (!root)
		panic("proc_root_init: no memory");
	root->i_op = &proc_root_inode_operations;
	root->i_fop = &proc_root_operations;
	proc_sb->s_root = d_alloc_root(proc_sb, root);
	if (!proc_sb->s_root || do_mount(proc_sb, "/proc"))
		panic("proc_root_init: cannot mount /proc");
}
