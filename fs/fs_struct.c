// SPDX-License-Identifier: GPL-2.0
/*
 * A task's root, working directory and umask (Linux: fs/fs_struct.c).
 * fork copies them; clone(CLONE_FS) shares them.
 */
#include <kernel.h>
#include <fdtable.h>
#include <fs.h>
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
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	if (fs->root.dentry)
		path_get(&fs->root);
	if (fs->pwd.dentry)
		path_get(&fs->pwd);
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

/* set_fs_pwd - @path becomes the working directory (chdir). */
void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old = fs->pwd;

	path_get(path);
	fs->pwd = *path;
	if (old.dentry)
		path_put(&old);
}
