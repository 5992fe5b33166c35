// SPDX-License-Identifier: GPL-2.0
/*
 * Dentries: the names of the tree (Linux: fs/dcache.c).
 *
 * A dentry is in its parent's d_subdirs from d_alloc() until it is
 * unlinked (d_delete) or freed.  The dcache lock (preemption off: one CPU,
 * and nothing under it sleeps) covers those lists and the step of a
 * count to or from zero, so d_lookup() never finds a dentry being freed.
 *
 *   d_alloc()         a new name under a parent, one reference, negative
 *   d_instantiate()   give it its inode (the dentry takes the reference)
 *   d_pin()           ramfs: the name holds itself until unlink
 *   d_delete()        unlink: out of the directory, unpinned
 *   dput()            the last reference frees it, then drops its parent
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <preempt.h>
#include <slab.h>
#include <string.h>
#include <sched.h>
#include <fdtable.h>
#include <syscalls.h>
#include <asm/uaccess.h>

static struct kmem_cache *dentry_cachep;
static unsigned long next_d_seq = 2;	/* readdir positions 0 and 1 are "." and ".." */

static inline void dcache_lock(void)
{
	preempt_disable();
}

static inline void dcache_unlock(void)
{
	preempt_enable();
}

/* __d_alloc - a dentry named @name of @sb, alone: its own parent. */
static struct dentry *__d_alloc(struct super_block *sb, const char *name, int len)
{
	struct dentry *d = kmem_cache_zalloc(dentry_cachep, GFP_KERNEL);
	char *dname = d ? d->d_iname : NULL;

	if (!d)
		return NULL;
	if (len >= DNAME_INLINE_LEN) {
		dname = kmalloc(len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cachep, d);
			return NULL;
		}
	}
	memcpy(dname, name, len);
	dname[len] = '\0';
	d->d_name = (struct qstr){ dname, len };
	atomic_set(&d->d_count, 1);
	d->d_parent = d;
	d->d_sb = sb;
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	return d;
}

/**
 * d_alloc - a new, negative name @name in the directory @parent
 * Return: the dentry (one reference; it holds @parent), or NULL.
 */
struct dentry *d_alloc(struct dentry *parent, const char *name, int len)
{
	struct dentry *d = __d_alloc(parent->d_sb, name, len);

	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	dcache_lock();
	d->d_seq = next_d_seq++;
	list_add_tail(&d->d_child, &parent->d_subdirs);
	dcache_unlock();
	return d;
}

/* d_alloc_root - the root dentry "/" of @sb, for @inode (whose reference it takes). */
struct dentry *d_alloc_root(struct super_block *sb, struct inode *inode)
{
	struct dentry *d = __d_alloc(sb, "/", 1);

	if (d)
		d->d_inode = inode;
	return d;
}

/* d_instantiate - @dentry names @inode now; the dentry owns that reference. */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	BUG_ON(dentry->d_inode);
	dentry->d_inode = inode;
}

/**
 * d_lookup - the name @name in @parent, if the dcache has it
 * Return: the dentry with a new reference, or NULL.
 */
struct dentry *d_lookup(struct dentry *parent, const char *name, int len)
{
	struct dentry *d, *found = NULL;

	dcache_lock();
	list_for_each_entry(d, &parent->d_subdirs, d_child) {
		if (d->d_name.len == (unsigned int)len && !memcmp(d->d_name.name, name, len)) {
			atomic_inc(&d->d_count);
			found = d;
			break;
		}
	}
	dcache_unlock();
	return found;
}

/* d_pin - a ramfs name: it keeps a reference of its own until d_delete(). */
void d_pin(struct dentry *dentry)
{
	dget(dentry);
	dentry->d_flags |= DCACHE_PINNED;
}

/* d_delete - unlink @dentry: out of its directory; its pin (if any) goes. */
void d_delete(struct dentry *dentry)
{
	bool pinned;

	dcache_lock();
	pinned = dentry->d_flags & DCACHE_PINNED;
	dentry->d_flags = (dentry->d_flags & ~DCACHE_PINNED) | DCACHE_UNHASHED;
	list_del_init(&dentry->d_child);
	dcache_unlock();
	if (pinned)
		dput(dentry);
}

/**
 * d_move - rename: @dentry becomes the name @name (@len bytes) in the
 * directory @parent.  The caller holds the rename lock and both
 * directories' i_rwsem.  Return: 0, or -ENOMEM (nothing changed).
 */
int d_move(struct dentry *dentry, struct dentry *parent, const char *name, int len)
{
	char *dname = dentry->d_iname, *old_name = (char *)dentry->d_name.name;
	struct dentry *old_parent = dentry->d_parent;

	if (len >= DNAME_INLINE_LEN) {
		dname = kmalloc(len + 1, GFP_KERNEL);
		if (!dname)
			return -ENOMEM;
	} else if (old_name == dentry->d_iname) {
		old_name = NULL;		/* the inline buffer is reused */
	}
	dget(parent);
	dcache_lock();
	memcpy(dname, name, len);
	dname[len] = '\0';
	dentry->d_name = (struct qstr){ dname, len };
	dentry->d_parent = parent;
	dentry->d_seq = next_d_seq++;		/* last in its new directory */
	list_move_tail(&dentry->d_child, &parent->d_subdirs);
	dcache_unlock();
	if (old_name && old_name != dentry->d_iname)
		kfree(old_name);
	dput(old_parent);
	return 0;
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

/* dentry_free - the dentry's own memory, and its hold on the inode. */
static void dentry_free(struct dentry *d)
{
	iput(d->d_inode);
	if (d->d_name.name != d->d_iname)
		kfree(d->d_name.name);
	kmem_cache_free(dentry_cachep, d);
}

/**
 * dput - drop a reference to @dentry; the last one frees it and then
 * drops its reference on its parent (and so on up)
 */
void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent = dentry->d_parent;
		bool last;

		dcache_lock();
		BUG_ON(atomic_read(&dentry->d_count) <= 0);
		last = atomic_dec_and_test(&dentry->d_count);
		if (last && parent != dentry)
			list_del_init(&dentry->d_child);
		dcache_unlock();
		if (!last || parent == dentry)	/* a root stays with its mount */
			return;
		dentry_free(dentry);
		dentry = parent;
	}
}

/* prepend - put @len bytes of @s before *@end; false when there is no room. */
static bool prepend(char **end, int *room, const char *s, int len)
{
	if (*room < len)
		return false;
	*room -= len;
	*end -= len;
	memcpy(*end, s, len);
	return true;
}

/**
 * d_path - the path of @path from the root, written at the end of @buf
 * Return: where it starts in @buf, or ERR_PTR(-ENAMETOOLONG).  An
 * unlinked file's path ends " (deleted)", as in Linux.
 */
char *d_path(const struct path *path, char *buf, int buflen)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *mnt = path->mnt;
	char *end = buf + buflen;
	int room = buflen;
	bool ok = prepend(&end, &room, "", 1);

	if (d_unhashed(dentry))
		ok = ok && prepend(&end, &room, " (deleted)", 10);
	while (ok) {
		if (mnt && dentry == mnt->mnt_root && mnt->mnt_parent != mnt) {
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		if (dentry == dentry->d_parent)
			break;
		ok = prepend(&end, &room, dentry->d_name.name, dentry->d_name.len) &&
		     prepend(&end, &room, "/", 1);
		dentry = dentry->d_parent;
	}
	if (ok && *end == '\0')
		ok = prepend(&end, &room, "/", 1);
	else if (ok && *end == ' ')
		ok = prepend(&end, &room, "/", 1);
	return ok ? end : ERR_PTR(-ENAMETOOLONG);
}

void dcache_init(void)
{
	dentry_cachep = kmem_cache_create("dentry", sizeof(struct dentry), 0, SLAB_PANIC, NULL);
}

/*
 * getcwd - the working directory's path into @buf
 * Return: its length with the NUL; -ERANGE if @size is too small, -ENOENT
 * if the directory was removed.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL), *path;
	struct path pwd;
	long len;

	if (!page)
		return -ENOMEM;
	get_fs_path(current->fs, false, &pwd);
	path = d_path(&pwd, page, PATH_MAX);
	if (IS_ERR(path)) {
		len = PTR_ERR(path);
	} else if (d_unhashed(pwd.dentry)) {
		len = -ENOENT;
	} else {
		len = strlen(path) + 1;
		if ((unsigned long)len > size)
			len = -ERANGE;
		else if (copy_to_user(buf, path, len))
			len = -EFAULT;
	}
	path_put(&pwd);
	kfree(page);
	return len;
}
