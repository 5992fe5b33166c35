// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts (Linux: fs/namespace.c, fs/super.c).
 *
 * The tree starts at rootfs (a ramfs, filled from the initramfs); proc
 * is mounted on /proc.  Mounts are made at boot and never undone, so
 * they need no reference counts: mntget() and mntput() only say where
 * Linux counts.  A path walk that reaches a dentry marked DCACHE_MOUNTED
 * steps into the mount's root (lookup_mnt); ".." at a mount's root steps
 * back out to its mountpoint.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <slab.h>
#include <string.h>

struct vfsmount *root_mnt;
static LIST_HEAD(mount_list);
static unsigned int next_anon_minor;

/* get_anon_dev - a device number for a file system with no device: 0:N. */
dev_t get_anon_dev(void)
{
	return MKDEV(0, ++next_anon_minor);
}

/* alloc_super - a new, empty super_block named @name, with its own device. */
struct super_block *alloc_super(const char *name)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (sb) {
		sb->s_name = name;
		sb->s_dev = get_anon_dev();
	}
	return sb;
}

static struct vfsmount *alloc_vfsmnt(struct super_block *sb)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);

	if (!mnt)
		return NULL;
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	list_add_tail(&mnt->mnt_list, &mount_list);
	return mnt;
}

/* kern_mount - a mount of @sb that is not in the tree (shmem's). */
struct vfsmount *kern_mount(struct super_block *sb)
{
	return alloc_vfsmnt(sb);
}

/**
 * do_mount - attach @sb on the directory @path
 * Return: 0, or the lookup's error, -ENOTDIR, -EBUSY, -ENOMEM.
 */
int do_mount(struct super_block *sb, const char *path)
{
	struct vfsmount *mnt;
	struct path where;
	int err = kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &where);

	if (err)
		return err;
	err = -EBUSY;
	if (where.dentry->d_flags & DCACHE_MOUNTED)
		goto out;
	err = -ENOMEM;
	mnt = alloc_vfsmnt(sb);
	if (!mnt)
		goto out;
	mnt->mnt_parent = where.mnt;
	mnt->mnt_mountpoint = dget(where.dentry);
	where.dentry->d_flags |= DCACHE_MOUNTED;
	err = 0;
out:
	path_put(&where);
	return err;
}

/* lookup_mnt - the mount sitting on @mountpoint, or NULL. */
struct vfsmount *lookup_mnt(const struct path *mountpoint)
{
	struct vfsmount *mnt;

	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_parent == mountpoint->mnt && mnt != mnt->mnt_parent &&
		    mnt->mnt_mountpoint == mountpoint->dentry)
			return mnt;
	return NULL;
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* mnt_init - rootfs as "/", the first mount. */
void mnt_init(void)
{
	struct super_block *sb = ramfs_fill_super("rootfs");

	if (!sb)
		panic("mnt_init: cannot make rootfs");
	root_mnt = alloc_vfsmnt(sb);
	if (!root_mnt)
		panic("mnt_init: cannot mount rootfs");
}
