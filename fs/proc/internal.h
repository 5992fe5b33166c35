/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs internals (Linux: fs/proc/internal.h).
 *
 * Every /proc inode is a proc_inode: the VFS inode, plus which process
 * (pid; 0 for the root's entries) and which entry of the tables below it
 * stands for.  Files are text: opening one runs its ->show into a
 * seq_file, and read() copies from that text.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <fs.h>
#include <seq_file.h>

struct task_struct;
struct mm_struct;

/**
 * struct pid_entry - one name in a /proc directory
 * @name: the name
 * @mode: S_IFREG | 0444, S_IFDIR | 0555, S_IFLNK | 0777
 * @show: a file's text, for the process @pid (0: none)
 * @link: a symlink's target
 */
struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, pid_t pid);
	int (*link)(pid_t pid, char *buf);
};

struct proc_inode {
	pid_t pid;
	const struct pid_entry *entry;
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

/* fs/proc/root.c, generic.c */
/*
 * proc_ino - the inode number of entry @index (0: the directory itself)
 * of process @pid's directory (pid 0: /proc itself)
 */
static inline unsigned long proc_ino(pid_t pid, int index)
{
	return ((unsigned long)pid << 5 | index) + 1;
}

struct inode *proc_make_inode(struct super_block *sb, pid_t pid, const struct pid_entry *e,
			      unsigned long ino);
int proc_lookup_entry(struct inode *dir, struct dentry *dentry, const struct pid_entry *ents,
		      int n, pid_t pid);
int proc_readdir_entries(struct file *file, struct dir_context *ctx,
			 const struct pid_entry *ents, int n, loff_t first, pid_t pid);
extern const struct file_operations proc_text_operations;
extern const struct inode_operations proc_link_inode_operations;

/* fs/proc/root.c */
bool proc_pid_alive(pid_t pid);

/* fs/proc/base.c */
extern const struct inode_operations proc_tgid_base_inode_operations;
extern const struct file_operations proc_tgid_base_operations;
struct mm_struct *get_pid_task_mm(pid_t pid);

/* the ->show functions */
int proc_pid_status(struct seq_file *m, pid_t pid);	/* array.c */
int proc_pid_stat(struct seq_file *m, pid_t pid);
int proc_pid_statm(struct seq_file *m, pid_t pid);
int proc_pid_maps(struct seq_file *m, pid_t pid);	/* task_mmu.c */
int proc_pid_smaps(struct seq_file *m, pid_t pid);
int meminfo_proc_show(struct seq_file *m, pid_t pid);	/* meminfo.c */

#endif /* _FS_PROC_INTERNAL_H */
