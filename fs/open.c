// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing, and the calls about a path's access (Linux:
 * fs/open.c).
 *
 *   open / openat / creat   getname -> do_filp_open -> fd_install
 *   close                   the descriptor goes; the file with its last one
 *   access / faccessat      does the name exist, may it be executed
 *   chdir / fchdir          the working directory
 *   truncate / ftruncate    a regular file's size
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <sched.h>
#include <syscalls.h>

/* filp_close - a descriptor's reference to @file is gone. */
int filp_close(struct file *file)
{
	fput(file);
	return 0;
}

/* filp_open - kernel code opening a file by name (the console, exec). */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, filename, flags, mode);
}

/* do_sys_open - the body of open(2)/openat(2): a new descriptor, or -errno. */
static long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct file *f;
	char *name;
	int fd;

	flags &= VALID_OPEN_FLAGS;		/* unknown bits are ignored, as Linux's open() */
	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return -EINVAL;			/* Linux since 6.4 */
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = do_filp_open(dfd, name, flags, mode);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	putname(name);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

/*
 * do_faccessat - does the file exist, and may current (root) do @mode to
 * it?  Root may read and write anything; executing needs an x bit.
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	struct path path;
	long err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	set_fs_pwd(current->fs, &path);
	path_put(&path);
	return 0;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget(fd);
	long err = -EBADF;

	if (f) {
		err = -ENOTDIR;
		if (S_ISDIR(file_inode(f)->i_mode)) {
			set_fs_pwd(current->fs, &f->f_path);
			err = 0;
		}
		fput(f);
	}
	return err;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & S_IRWXUGO;
	return old;
}

/* vfs_truncate_inode - set a regular file's size; pages past it go. */
int vfs_truncate_inode(struct inode *inode, loff_t size)
{
	int err;

	if (size < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_op || !inode->i_op->setsize)
		return -EINVAL;
	if (atomic_read(&inode->i_writecount) < 0)
		return -ETXTBSY;			/* a running program */
	down_write(&inode->i_rwsem);
	err = inode->i_op->setsize(inode, size);
	up_write(&inode->i_rwsem);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct path p;
	long err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &p);

	if (err)
		return err;
	err = vfs_truncate_inode(p.dentry->d_inode, length);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *f = fget(fd);
	long err = -EBADF;

	if (f) {
		err = (f->f_mode & FMODE_WRITE) ? vfs_truncate_inode(file_inode(f), length) : -EINVAL;
		fput(f);
	}
	return err;
}

/* --- chmod and chown ------------------------------------------------------------- */

/* chmod_common - the permission bits of @path's inode become @mode's. */
static long chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;

	down_write(&inode->i_rwsem);
	inode->i_mode = (inode->i_mode & S_IFMT) | (mode & S_IALLUGO);
	inode->i_ctime = current_time();
	up_write(&inode->i_rwsem);
	return 0;
}

static long do_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	long err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	long err = -EBADF;

	if (f) {
		err = chmod_common(&f->f_path, mode);
		fput(f);
	}
	return err;
}

/*
 * chown: every file belongs to root, the only user there is; a new owner
 * of 0 (or -1: unchanged) is accepted, any other is not a user here.
 */
static long chown_ok(unsigned int user, unsigned int group)
{
	return (user == 0 || user == (unsigned int)-1) && (group == 0 || group == (unsigned int)-1) ?
	       0 : -EINVAL;
}

static long do_fchownat(int dfd, const char __user *filename, unsigned int user,
			unsigned int group, int flag)
{
	struct path path;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flag & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			   (flag & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	path_put(&path);
	return chown_ok(user, group);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, unsigned int, user, unsigned int, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, unsigned int, user, unsigned int, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, unsigned int, user,
		unsigned int, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, unsigned int, user, unsigned int, group)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return chown_ok(user, group);
}
