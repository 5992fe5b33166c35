// SPDX-License-Identifier: GPL-2.0
/*
 * From a path name to a dentry (Linux: fs/namei.c).
 *
 * A walk starts at the root ("/...") or at a directory (the working
 * directory, or the dirfd of an *at() call) and takes one component at a
 * time:
 *
 *   "."           stays
 *   ".."          goes to the parent, stepping out of a mount at its root
 *   a name        d_lookup() in the dcache, else the directory's
 *                 ->lookup() (proc makes its entries so); then into a
 *                 mount that sits on it; a symlink is followed (its
 *                 target walked from the directory it is in) unless it is
 *                 the last component and LOOKUP_FOLLOW is not set
 *
 * Creating and removing names (open with O_CREAT, mkdir, unlink, rmdir,
 * mknod) walk to the parent, take its i_rwsem, and look the last
 * component up under it.
 *
 * Every task is root, so permission checks are root's: anything may be
 * read or written, but only a file with an x bit may be executed.
 */
#include <kernel.h>
#include <preempt.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <asm/uaccess.h>

/**
 * getname - copy a path name from user memory
 * Return: a kmalloc'd copy (free it with putname()), or ERR_PTR(-EFAULT,
 * -ENAMETOOLONG, or -ENOENT for the empty name).
 */
char *getname_flags(const char __user *filename, bool empty_ok)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || (len == 0 && !empty_ok)) {
		kfree(name);
		return ERR_PTR(len < 0 ? -EFAULT : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

char *getname(const char __user *filename)
{
	return getname_flags(filename, false);
}

void putname(char *name)
{
	kfree(name);
}

/* inode_permission - may current do @mask (MAY_*: the R_OK/W_OK/X_OK bits) to @inode? */
int inode_permission(struct inode *inode, int mask)
{
	if ((mask & X_OK) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & S_IXUGO))
		return -EACCES;
	return 0;
}

/*
 * get_write_access, deny_write_access - the writers of a file and the
 * programs running it exclude each other (i_writecount's sign says which
 * it has): opening for writing fails with -ETXTBSY while it runs, and exec
 * fails with -ETXTBSY while it is open for writing.  One CPU: a
 * preemption-free check-and-change is atomic.
 */
int get_write_access(struct inode *inode)
{
	int err = 0;

	preempt_disable();
	if (atomic_read(&inode->i_writecount) < 0)
		err = -ETXTBSY;
	else
		atomic_inc(&inode->i_writecount);
	preempt_enable();
	return err;
}

void put_write_access(struct inode *inode)
{
	atomic_dec(&inode->i_writecount);
}

int deny_write_access(struct file *file)
{
	struct inode *inode = file_inode(file);
	int err = 0;

	preempt_disable();
	if (atomic_read(&inode->i_writecount) > 0)
		err = -ETXTBSY;
	else
		atomic_dec(&inode->i_writecount);
	preempt_enable();
	return err;
}

void allow_write_access(struct file *file)
{
	atomic_inc(&file_inode(file)->i_writecount);
}

/*
 * struct nameidata - a walk in progress: where it is, how deep in
 * symlinks it is (@depth, at most MAX_NESTED_LINKS) and how many it has
 * followed in all (@total_links, at most MAXSYMLINKS: -ELOOP beyond).
 */
struct nameidata {
	struct path path;
	unsigned int flags;
	int depth;
	int total_links;
	const char *last;	/* LOOKUP_PARENT: the last component */
	int last_len;
};

/*
 * The directory a walk of @name starts from: "/", the cwd, or @dfd's
 * file -- which, for an empty name (LOOKUP_EMPTY, AT_EMPTY_PATH: getname
 * refuses "" otherwise), is what is looked up, of whatever type.
 */
static int path_init(struct nameidata *nd, int dfd, const char *name)
{
	struct fs_struct *fs = current->fs;

	if (*name == '/' || dfd == AT_FDCWD) {
		get_fs_path(fs, *name == '/', &nd->path);
		return 0;
	} else {
		struct file *f = fget(dfd);

		if (!f)
			return -EBADF;
		if (*name && !S_ISDIR(file_inode(f)->i_mode)) {
			fput(f);
			return -ENOTDIR;
		}
		nd->path = f->f_path;
		path_get(&nd->path);
		fput(f);
		return 0;
	}
}

/* Step into whatever is mounted on nd->path, repeatedly. */
static void follow_mount(struct path *path)
{
	while (path->dentry->d_flags & DCACHE_MOUNTED) {
		struct vfsmount *mnt = lookup_mnt(path);

		if (!mnt)
			break;
		path_put(path);
		path->mnt = mntget(mnt);
		path->dentry = dget(mnt->mnt_root);
	}
}

/* "..": up one level, out of a mount at its root, never above "/". */
static void follow_dotdot(struct path *path)
{
	struct dentry *parent;

	for (;;) {
		if (path->dentry == current->fs->root.dentry && path->mnt == current->fs->root.mnt)
			return;
		if (path->dentry != path->mnt->mnt_root)
			break;
		if (path->mnt->mnt_parent == path->mnt)
			return;
		parent = dget(path->mnt->mnt_mountpoint);
		path->mnt = path->mnt->mnt_parent;
		dput(path->dentry);
		path->dentry = parent;
	}
	parent = dget(path->dentry->d_parent);
	dput(path->dentry);
	path->dentry = parent;
}

/*
 * __lookup_one - the positive dentry @name in the directory @dir
 * @locked: the caller holds @dir's i_rwsem (creating or removing a name);
 *	else it is taken here, only to ask ->lookup()
 * Return: the dentry, with a reference; or ERR_PTR(-ENOENT), or the file
 * system's error.
 */
static struct dentry *__lookup_one(struct dentry *dir, const char *name, int len, bool locked)
{
	struct inode *inode = dir->d_inode;
	struct dentry *d = d_lookup(dir, name, len);
	int err = 0;

	/*
	 * None, or a negative one: that may be another task's ->lookup under
	 * way (d_alloc links the dentry before ->lookup fills it, and /proc's
	 * may sleep), so look again under the directory's lock.
	 */
	if ((!d || !d->d_inode) && inode->i_op && inode->i_op->lookup) {
		if (!locked)
			down_write(&inode->i_rwsem);
		if (d)
			dput(d);
		d = d_lookup(dir, name, len);
		if (!d) {
			d = d_alloc(dir, name, len);
			err = d ? inode->i_op->lookup(inode, d) : -ENOMEM;
		}
		if (!locked)
			up_write(&inode->i_rwsem);
		if (err) {
			dput(d);
			return ERR_PTR(err);
		}
	}
	if (d && !d->d_inode) {
		dput(d);
		d = NULL;
	}
	return d ? d : ERR_PTR(-ENOENT);
}

static struct dentry *lookup_one(struct dentry *dir, const char *name, int len)
{
	return __lookup_one(dir, name, len, false);
}

static int link_path_walk(struct nameidata *nd, const char *name);

/* follow_link - walk the target of the symlink @link from the directory nd->path. */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	unsigned int flags = nd->flags;
	char *buf;
	int err;

	if (nd->depth >= MAX_NESTED_LINKS || ++nd->total_links > MAXSYMLINKS)
		return -ELOOP;
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	nd->depth++;
	err = link->d_inode->i_op && link->d_inode->i_op->get_link ?
	      link->d_inode->i_op->get_link(link, buf) : -EINVAL;
	if (!err) {
		if (*buf == '/') {
			path_put(&nd->path);
			get_fs_path(current->fs, true, &nd->path);
		}
		/* the target's last name is followed too: the link was not the end */
		nd->flags |= LOOKUP_FOLLOW;
		err = link_path_walk(nd, buf);
		nd->flags = flags;
	}
	kfree(buf);
	nd->depth--;
	return err;
}

/* walk_component - one step: @name (@len bytes) from nd->path. */
static int walk_component(struct nameidata *nd, const char *name, int len, bool last)
{
	struct path next;

	if (len == 1 && name[0] == '.')
		return 0;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		follow_dotdot(&nd->path);
		return 0;
	}
	next.dentry = lookup_one(nd->path.dentry, name, len);
	if (IS_ERR(next.dentry))
		return PTR_ERR(next.dentry);
	next.mnt = nd->path.mnt;
	follow_mount(&next);
	if (S_ISLNK(next.dentry->d_inode->i_mode) && (!last || (nd->flags & LOOKUP_FOLLOW))) {
		int err = follow_link(nd, next.dentry);

		path_put(&next);
		return err;
	}
	path_put(&nd->path);
	nd->path = next;
	return 0;
}

/*
 * link_path_walk - walk @name from nd->path; with LOOKUP_PARENT stop
 * before the last component and leave it in nd->last.
 */
static int link_path_walk(struct nameidata *nd, const char *name)
{
	bool trailing_slash;

	while (*name == '/')
		name++;
	while (*name) {
		const char *end = strchrnul(name, '/'), *next = end;
		int len = end - name, err;
		bool last;

		while (*next == '/')
			next++;
		last = !*next;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(nd->path.dentry->d_inode->i_mode))
			return -ENOTDIR;
		if (last && (nd->flags & LOOKUP_PARENT) && nd->depth == 0) {
			nd->last = name;
			nd->last_len = len;
			return 0;
		}
		trailing_slash = *end == '/';
		err = walk_component(nd, name, len, last && !trailing_slash);
		if (err)
			return err;
		if (trailing_slash && last && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
			return -ENOTDIR;
		name = next;
	}
	return 0;
}

/**
 * path_lookupat - look @name up from @dfd (AT_FDCWD: the working directory)
 * @flags: LOOKUP_FOLLOW (follow a final symlink), LOOKUP_DIRECTORY
 * Return: 0 and *@path (with references: path_put() it), or -errno.
 */
int path_lookupat(int dfd, const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd = { .flags = flags & ~LOOKUP_PARENT };
	int err = path_init(&nd, dfd, name);

	if (err)
		return err;
	err = link_path_walk(&nd, name);
	if (!err && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (err) {
		path_put(&nd.path);
		return err;
	}
	*path = nd.path;
	return 0;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return path_lookupat(AT_FDCWD, name, flags, path);
}

/* user_path_at - look a user's @name up from @dfd; LOOKUP_EMPTY: "" is @dfd's file. */
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	char *kname = getname_flags(name, flags & LOOKUP_EMPTY);
	int err;

	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = path_lookupat(dfd, kname, flags, path);
	putname(kname);
	return err;
}

/*
 * path_parentat - walk to the directory that holds @name's last
 * component.  Return: 0 with nd->path (the directory, referenced) and
 * nd->last; -EEXIST-like errors for "/" ("." and ".." as the last
 * component are refused by the callers).
 */
static int path_parentat(struct nameidata *nd, int dfd, const char *name)
{
	int err;

	nd->flags = LOOKUP_PARENT;
	nd->last = NULL;
	err = path_init(nd, dfd, name);
	if (err)
		return err;
	err = link_path_walk(nd, name);
	if (!err && !nd->last)
		err = -EEXIST;			/* the name was "/" */
	if (!err && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (err)
		path_put(&nd->path);
	return err;
}

/* A directory that was removed takes no new names (Linux: IS_DEADDIR): -ENOENT. */
static bool dir_is_dead(const struct path *dir)
{
	return d_unhashed(dir->dentry);
}

static bool is_dot_or_dotdot(const char *name, int len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

/* Does the caller's name end in '/' (so the last component must be a directory)? */
static bool has_trailing_slash(const struct nameidata *nd)
{
	return nd->last[nd->last_len] == '/';
}

/*
 * lookup_create - under the locked parent: the dentry for a new name
 * Return: a negative dentry to instantiate, ERR_PTR(-EEXIST) if the name
 * exists (*@existing then holds it when asked for), or another error.
 */
static struct dentry *lookup_create(struct nameidata *nd, struct dentry **existing)
{
	struct dentry *dir = nd->path.dentry, *d;

	d = d_lookup(dir, nd->last, nd->last_len);
	if (d && d->d_inode) {
		if (existing)
			*existing = d;
		else
			dput(d);
		return ERR_PTR(-EEXIST);
	}
	if (d)
		return d;
	d = d_alloc(dir, nd->last, nd->last_len);
	if (!d)
		return ERR_PTR(-ENOMEM);
	if (dir->d_inode->i_op && dir->d_inode->i_op->lookup) {
		/* the file system may know the name, or refuse it (/proc: -ENOENT) */
		int err = dir->d_inode->i_op->lookup(dir->d_inode, d);

		if (err) {
			dput(d);
			return ERR_PTR(err);
		}
		if (d->d_inode) {
			if (existing)
				*existing = d;
			else
				dput(d);
			return ERR_PTR(-EEXIST);
		}
	}
	return d;
}

/*
 * create_at - make the name @name (a file, directory, node or symlink:
 * @mode's type) from @dfd.  The umask applies.
 * Return: 0, or -EEXIST, -ENOENT (no parent), -ENOTDIR, -EACCES or -EPERM
 * (the file system cannot make a file, or anything else), -ENOMEM.
 */
static int create_at(int dfd, const char *name, umode_t mode, dev_t dev, const char *target)
{
	struct nameidata nd = { 0 };
	struct inode *dir;
	struct dentry *d;
	int err = path_parentat(&nd, dfd, name);

	if (err)
		return err;
	dir = nd.path.dentry->d_inode;
	if (is_dot_or_dotdot(nd.last, nd.last_len) ||
	    (has_trailing_slash(&nd) && !S_ISDIR(mode))) {
		err = is_dot_or_dotdot(nd.last, nd.last_len) ? -EEXIST : -ENOENT;
		goto out;
	}
	if (nd.last_len > NAME_MAX) {
		err = -ENAMETOOLONG;
		goto out;
	}
	if (!S_ISLNK(mode))
		mode = (mode & S_IFMT) | (mode & S_IALLUGO & ~current->fs->umask);
	down_write(&dir->i_rwsem);
	d = dir_is_dead(&nd.path) ? ERR_PTR(-ENOENT) : lookup_create(&nd, NULL);
	err = PTR_ERR_OR_ZERO(d);
	if (!err) {
		err = S_ISREG(mode) ? -EACCES : -EPERM;	/* Linux's, with no such operation */
		if (S_ISDIR(mode) && dir->i_op->mkdir)
			err = dir->i_op->mkdir(dir, d, mode);
		else if (S_ISLNK(mode) && dir->i_op->symlink)
			err = dir->i_op->symlink(dir, d, target);
		else if (S_ISREG(mode) && dir->i_op->create)
			err = dir->i_op->create(dir, d, mode);
		else if (!S_ISDIR(mode) && !S_ISLNK(mode) && !S_ISREG(mode) && dir->i_op->mknod)
			err = dir->i_op->mknod(dir, d, mode, dev);
		dput(d);
	}
	up_write(&dir->i_rwsem);
out:
	path_put(&nd.path);
	return err;
}

/* vfs_create_path - for kernel code (the initramfs, /dev): make @path. */
int vfs_create_path(const char *path, umode_t mode, dev_t dev, const char *target)
{
	return create_at(AT_FDCWD, path, mode, dev, target);
}

/*
 * open_create - O_CREAT: the name, made if missing
 * Return: 0 and *@path, or -errno (-EEXIST with O_EXCL, -EISDIR for a
 * directory's name).
 */
static int open_create(int dfd, const char *name, int flags, umode_t mode, struct path *path)
{
	struct nameidata nd = { 0 };
	struct dentry *d, *existing = NULL;
	struct inode *dir;
	int err = path_parentat(&nd, dfd, name);

	if (err == -EEXIST)
		return -EISDIR;			/* "/" */
	if (err)
		return err;
	dir = nd.path.dentry->d_inode;
	err = -EISDIR;
	if (is_dot_or_dotdot(nd.last, nd.last_len) || has_trailing_slash(&nd))
		goto out;
	err = -ENAMETOOLONG;
	if (nd.last_len > NAME_MAX)
		goto out;
	down_write(&dir->i_rwsem);
	d = dir_is_dead(&nd.path) ? ERR_PTR(-ENOENT) : lookup_create(&nd, &existing);
	if (!IS_ERR(d)) {
		err = dir->i_op->create ?
		      dir->i_op->create(dir, d, S_IFREG | (mode & S_IALLUGO & ~current->fs->umask)) :
		      -EACCES;
		if (err)
			dput(d);
		else
			existing = d;
	} else {
		err = PTR_ERR(d);
		if (err == -EEXIST && !(flags & O_EXCL))
			err = 0;
	}
	up_write(&dir->i_rwsem);
	if (err) {
		if (existing)
			dput(existing);
		goto out;
	}
	path->mnt = nd.path.mnt;
	path->dentry = existing;
	follow_mount(path);
	if (S_ISLNK(path->dentry->d_inode->i_mode)) {	/* an existing symlink */
		path_put(path);
		err = (flags & O_NOFOLLOW) ? -ELOOP :
		      path_lookupat(dfd, name, LOOKUP_FOLLOW, path);
	}
out:
	path_put(&nd.path);
	return err;
}

/**
 * do_filp_open - open(2)'s body: find (or create) the file and open it
 * Return: the file, or ERR_PTR(-errno) as Linux's open() would say.
 */
struct file *do_filp_open(int dfd, const char *pathname, int flags, umode_t mode)
{
	struct path path;
	struct inode *inode;
	struct file *f;
	int acc = flags & O_ACCMODE, err;

	if (flags & O_CREAT)
		err = open_create(dfd, pathname, flags, mode, &path);
	else
		err = path_lookupat(dfd, pathname, (flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
				    (flags & O_DIRECTORY ? LOOKUP_DIRECTORY : 0), &path);
	if (err)
		return ERR_PTR(err);
	inode = path.dentry->d_inode;
	err = -ELOOP;
	if (S_ISLNK(inode->i_mode))
		goto out;
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		goto out;
	err = -EISDIR;
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT))))
		goto out;
	f = dentry_open(&path, flags);
	path_put(&path);
	if (!IS_ERR(f) && (flags & O_TRUNC) && S_ISREG(inode->i_mode)) {	/* even O_RDONLY, as Linux */
		err = vfs_truncate_inode(inode, 0);
		if (err) {
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
out:
	path_put(&path);
	return ERR_PTR(err);
}

/*
 * do_unlinkat - unlink(2) and rmdir(2): remove the name @pathname; @rmdir
 * says which (a directory must be empty: -ENOTEMPTY; unlink of one is
 * -EISDIR, rmdir of a file -ENOTDIR).
 */
static long do_unlinkat(int dfd, const char *name, bool rmdir)
{
	struct nameidata nd = { 0 };
	struct dentry *d;
	struct inode *dir;
	long err;

	err = path_parentat(&nd, dfd, name);
	if (err)
		return err != -EEXIST ? err : rmdir ? -EBUSY : -EISDIR;	/* "/" */
	dir = nd.path.dentry->d_inode;
	err = rmdir ? (nd.last_len == 1 ? -EINVAL : -ENOTEMPTY) : -EISDIR;
	if (is_dot_or_dotdot(nd.last, nd.last_len))
		goto out;
	down_write(&dir->i_rwsem);
	d = __lookup_one(nd.path.dentry, nd.last, nd.last_len, true);
	err = PTR_ERR_OR_ZERO(d);
	if (!err) {
		struct inode *inode = d->d_inode;

		if (d->d_flags & DCACHE_MOUNTED)
			err = -EBUSY;
		else if (rmdir)
			err = !S_ISDIR(inode->i_mode) ? -ENOTDIR :
			      dir->i_op->rmdir ? dir->i_op->rmdir(dir, d) : -EPERM;
		else if (S_ISDIR(inode->i_mode))
			err = -EISDIR;
		else if (!rmdir && has_trailing_slash(&nd))
			err = -ENOTDIR;
		else
			err = dir->i_op->unlink ? dir->i_op->unlink(dir, d) : -EPERM;
		dput(d);
	}
	up_write(&dir->i_rwsem);
out:
	path_put(&nd.path);
	return err;
}

/* kern_unlink - unlink(2) for kernel code (the self-tests' scratch files). */
int kern_unlink(const char *path)
{
	return do_unlinkat(AT_FDCWD, path, false);
}

static long user_unlinkat(int dfd, const char __user *pathname, bool rmdir)
{
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_unlinkat(dfd, name, rmdir);
	putname(name);
	return err;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return user_unlinkat(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return user_unlinkat(AT_FDCWD, pathname, true);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return user_unlinkat(dfd, pathname, flag & AT_REMOVEDIR);
}

/* do_mknodat - mkdir(2), mknod(2): a new name of @mode's type. */
static long do_mknodat(int dfd, const char __user *pathname, umode_t mode, dev_t dev)
{
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = create_at(dfd, name, mode, dev, NULL);
	putname(name);
	return err;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mknodat(AT_FDCWD, pathname, S_IFDIR | (mode & S_IALLUGO), 0);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mknodat(dfd, pathname, S_IFDIR | (mode & S_IALLUGO), 0);
}

/* mknod: FIFOs and regular files; device nodes too (everyone is root). */
SYSCALL_DEFINE3(mknod, const char __user *, pathname, umode_t, mode, unsigned int, dev)
{
	umode_t type = mode & S_IFMT;

	if (type == 0)
		mode |= S_IFREG;
	else if (type != S_IFREG && type != S_IFIFO && type != S_IFCHR)
		return type == S_IFDIR ? -EPERM : -EINVAL;
	return do_mknodat(AT_FDCWD, pathname, mode, MKDEV((dev >> 8) & 0xfff, dev & 0xff));
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	char *target = getname(oldname), *name;
	long err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	name = getname(newname);
	err = PTR_ERR_OR_ZERO(name);
	if (!err) {
		err = create_at(AT_FDCWD, name, S_IFLNK | 0777, 0, target);
		putname(name);
	}
	putname(target);
	return err;
}

/* --- rename and link ------------------------------------------------------------ */

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)

/* Renames take this first, then the two directories: no two renames deadlock. */
static struct rw_semaphore rename_lock = __RWSEM_INITIALIZER(rename_lock);

/* Is @d @ancestor or below it? */
static bool is_subdir(struct dentry *d, struct dentry *ancestor)
{
	for (;; d = d->d_parent) {
		if (d == ancestor)
			return true;
		if (d == d->d_parent)
			return false;
	}
}

/* lock_rename - the rename lock and both directories (once if the same). */
static void lock_rename(struct inode *a, struct inode *b)
{
	down_write(&rename_lock);
	down_write(&a->i_rwsem);
	if (b != a)
		down_write(&b->i_rwsem);
}

static void unlock_rename(struct inode *a, struct inode *b)
{
	if (b != a)
		up_write(&b->i_rwsem);
	up_write(&a->i_rwsem);
	up_write(&rename_lock);
}

/* rename_checks - may @old replace @target (NULL: none) in @new_parent?  Linux's errnos. */
static int rename_checks(struct dentry *old, struct dentry *target, struct dentry *new_parent)
{
	bool dir = S_ISDIR(old->d_inode->i_mode);

	if (dir && is_subdir(new_parent, old))
		return -EINVAL;			/* into itself */
	if ((old->d_flags | (target ? target->d_flags : 0)) & DCACHE_MOUNTED)
		return -EBUSY;
	if (!target)
		return 0;
	if (dir && !S_ISDIR(target->d_inode->i_mode))
		return -ENOTDIR;
	if (!dir && S_ISDIR(target->d_inode->i_mode))
		return -EISDIR;
	return 0;
}

/* do_renameat2 - rename(2): the name @from becomes @to (both kernel strings). */
static long do_renameat2(int olddfd, const char *from, int newdfd, const char *to,
			 unsigned int flags)
{
	struct nameidata o = { 0 }, n = { 0 };
	struct dentry *old, *target;
	struct inode *odir, *ndir;
	long err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;			/* RENAME_EXCHANGE, RENAME_WHITEOUT: not here */
	err = path_parentat(&o, olddfd, from);
	if (err)
		return err == -EEXIST ? -EBUSY : err;
	err = path_parentat(&n, newdfd, to);
	if (err) {
		path_put(&o.path);
		return err == -EEXIST ? -EBUSY : err;
	}
	err = -EXDEV;
	if (o.path.mnt != n.path.mnt)
		goto out;
	err = -EBUSY;
	if (is_dot_or_dotdot(o.last, o.last_len) || is_dot_or_dotdot(n.last, n.last_len))
		goto out;
	err = -ENAMETOOLONG;
	if (n.last_len > NAME_MAX)
		goto out;
	odir = o.path.dentry->d_inode;
	ndir = n.path.dentry->d_inode;
	lock_rename(odir, ndir);
	old = dir_is_dead(&n.path) ? ERR_PTR(-ENOENT) :
	      __lookup_one(o.path.dentry, o.last, o.last_len, true);
	err = PTR_ERR_OR_ZERO(old);
	if (!err) {
		target = __lookup_one(n.path.dentry, n.last, n.last_len, true);
		if (IS_ERR(target)) {
			err = PTR_ERR(target) == -ENOENT ? 0 : PTR_ERR(target);
			target = NULL;
		}
		if (err)
			;
		else if (target && (flags & RENAME_NOREPLACE))
			err = -EEXIST;
		else if (!S_ISDIR(old->d_inode->i_mode) &&
			 (has_trailing_slash(&o) || has_trailing_slash(&n)))
			err = -ENOTDIR;			/* "file/" names a directory */
		else if (target == old)
			err = 0;			/* the same name: nothing to do */
		else if (!(err = rename_checks(old, target, n.path.dentry)))
			err = odir->i_op->rename ? odir->i_op->rename(odir, old, ndir, n.path.dentry,
					target, n.last, n.last_len) : -EPERM;
		if (target)
			dput(target);
		dput(old);
	}
	unlock_rename(odir, ndir);
out:
	path_put(&o.path);
	path_put(&n.path);
	return err;
}

static long user_renameat2(int olddfd, const char __user *oldname, int newdfd,
			   const char __user *newname, unsigned int flags)
{
	char *from = getname(oldname), *to;
	long err = PTR_ERR_OR_ZERO(from);

	if (err)
		return err;
	to = getname(newname);
	err = PTR_ERR_OR_ZERO(to);
	if (!err) {
		err = do_renameat2(olddfd, from, newdfd, to, flags);
		putname(to);
	}
	putname(from);
	return err;
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return user_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return user_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return user_renameat2(olddfd, oldname, newdfd, newname, flags);
}

/* do_linkat - link(2): a second name @to for the file @from (not a directory). */
static long do_linkat(int olddfd, const char *from, int newdfd, const char *to, int flags)
{
	struct nameidata nd = { 0 };
	struct path old;
	struct inode *dir;
	struct dentry *d;
	long err;

	err = path_lookupat(olddfd, from, flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0, &old);
	if (err)
		return err;
	err = path_parentat(&nd, newdfd, to);
	if (err) {
		path_put(&old);
		return err;
	}
	dir = nd.path.dentry->d_inode;
	if (S_ISDIR(old.dentry->d_inode->i_mode))
		err = -EPERM;
	else if (old.mnt != nd.path.mnt)
		err = -EXDEV;
	else if (is_dot_or_dotdot(nd.last, nd.last_len) || has_trailing_slash(&nd))
		err = -EEXIST;
	if (!err) {
		down_write(&dir->i_rwsem);
		d = dir_is_dead(&nd.path) ? ERR_PTR(-ENOENT) : lookup_create(&nd, NULL);
		err = PTR_ERR_OR_ZERO(d);
		if (!err) {
			err = dir->i_op->link ? dir->i_op->link(old.dentry, dir, d) : -EPERM;
			dput(d);
		}
		up_write(&dir->i_rwsem);
	}
	path_put(&nd.path);
	path_put(&old);
	return err;
}

static long user_linkat(int olddfd, const char __user *oldname, int newdfd,
			const char __user *newname, int flags)
{
	char *from, *to;
	long err;

	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL;
	from = getname(oldname);
	err = PTR_ERR_OR_ZERO(from);
	if (err)
		return err;
	to = getname(newname);
	err = PTR_ERR_OR_ZERO(to);
	if (!err) {
		err = do_linkat(olddfd, from, newdfd, to, flags);
		putname(to);
	}
	putname(from);
	return err;
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return user_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return user_linkat(olddfd, oldname, newdfd, newname, flags);
}

/* readlinkat - a symlink's target, not NUL-terminated; -EINVAL if not a symlink. */
static long do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct path path;
	char *target;
	long err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, 0, &path);
	if (err)
		return err;
	err = -EINVAL;
	target = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!target) {
		err = -ENOMEM;
	} else if (S_ISLNK(path.dentry->d_inode->i_mode) && path.dentry->d_inode->i_op->get_link) {
		err = path.dentry->d_inode->i_op->get_link(path.dentry, target);
		if (!err) {
			err = min_t(long, strlen(target), bufsiz);
			if (copy_to_user(buf, target, err))
				err = -EFAULT;
		}
	}
	kfree(target);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, path, buf, bufsiz);
}
