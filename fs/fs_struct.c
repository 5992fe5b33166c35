// SPDX-License-Identifier: GPL-2.0
/*
 * A task's root, working directory and umask (Linux: fs/fs_struct.c).
 * fork copies them; clone(CLONE_FS) shares them.
 */
#include <kernel.h>
#include <fdtable.h>
#include <fs.h>
#include <preempt.h>
#include <sched.h>
#include <slab.h>

struct fs_struct init_fs = { .users = { 1 }, .umask = 0022 };

/* copy_fs_struct - a copy of @old (the same directories), or NULL. */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	atomic_set(&fs->users, 1);
	preempt_disable();		/* a CLONE_FS sibling may chdir meanwhile */
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	if (fs->root.dentry)
		path_get(&fs->root);
	if (fs->pwd.dentry)
		path_get(&fs->pwd);
	preempt_enable();
	return fs;
}

static void free_fs_struct(struct fs_struct *fs)
{
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	if (fs != &init_fs)
		kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		if (atomic_dec_and_test(&fs->users))
			free_fs_struct(fs);
	}
}

/*
 * set_fs_pwd - @path becomes the working directory (chdir).  Threads may
 * share @fs (CLONE_FS): the swap is done with preemption off, and the old
 * directory let go after.
 */
void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	preempt_disable();
	old = fs->pwd;
	fs->pwd = *path;
	preempt_enable();
	if (old.dentry)
		path_put(&old);
}

/* get_fs_path - a referenced copy of @fs's root (@root) or working directory. */
void get_fs_path(struct fs_struct *fs, bool root, struct path *path)
{
	preempt_disable();
	*path = root ? fs->root : fs->pwd;
	path_get(path);
	preempt_enable();
}
