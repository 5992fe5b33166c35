// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptor tables (Linux: fs/file.c).  See include/fdtable.h.
 *
 * fork copies the table (dup_fd): the child's descriptors name the same
 * open files, so parent and child share each file's position.  exec
 * closes the descriptors marked close-on-exec; exit closes them all.
 * The table is changed with preemption off: nothing under it sleeps.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <preempt.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

#define BITS_PER_LONG	64

struct files_struct init_files = { .count = { 1 } };

static bool test_fd_bit(const unsigned long *map, unsigned int fd)
{
	return map[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static void set_fd_bit(unsigned long *map, unsigned int fd, bool on)
{
	if (on)
		map[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
	else
		map[fd / BITS_PER_LONG] &= ~(1UL << (fd % BITS_PER_LONG));
}

/*
 * expand_fdtable - give @files room for @nr descriptors
 * The arrays are allocated first (that may not be done with preemption
 * off), then swapped in if the table is still smaller -- a thread sharing
 * it (CLONE_FILES) may have grown it meanwhile: then ours go.
 * Return: 0, or -ENOMEM with @files unchanged.
 */
static int expand_fdtable(struct files_struct *files, unsigned int nr)
{
	struct file **fd = kcalloc(nr, sizeof(*fd), GFP_KERNEL);
	unsigned long *cloexec = kcalloc(nr / BITS_PER_LONG, sizeof(long), GFP_KERNEL);

	if (!fd || !cloexec) {
		kfree(fd);
		kfree(cloexec);
		return -ENOMEM;
	}
	preempt_disable();
	if (files->max_fds < nr) {
		if (files->max_fds) {
			memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
			memcpy(cloexec, files->close_on_exec,
			       files->max_fds / BITS_PER_LONG * sizeof(long));
		}
		swap(files->fd, fd);
		swap(files->close_on_exec, cloexec);
		files->max_fds = nr;
	}
	preempt_enable();
	kfree(fd);				/* the old arrays, or ours if unused */
	kfree(cloexec);
	return 0;
}

/* The soft RLIMIT_NOFILE: descriptors must stay below it (at most NR_OPEN). */
static unsigned int nofile_limit(void)
{
	return min_t(unsigned long, current->rlim[RLIMIT_NOFILE].rlim_cur, NR_OPEN);
}

/* Make room for descriptor @fd: grow by doubling.  -EMFILE past NR_OPEN. */
static int expand_files(struct files_struct *files, unsigned int fd)
{
	unsigned int nr = files->max_fds ? files->max_fds : NR_OPEN_DEFAULT;

	if (fd >= nofile_limit())
		return -EMFILE;
	while (nr <= fd)
		nr *= 2;
	return nr == files->max_fds ? 0 : expand_fdtable(files, nr);
}

/*
 * alloc_fd - the lowest free descriptor >= @start, reserved (with a NULL
 * file until fd_install) and with FD_CLOEXEC as @flags says
 * Return: the descriptor, or -EMFILE / -ENOMEM.
 */
static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned int fd;
	int err;

	for (;;) {
		preempt_disable();
		fd = max(start, files->next_fd);
		while (fd < files->max_fds && files->fd[fd])
			fd++;
		if (fd < files->max_fds)
			break;
		preempt_enable();
		err = expand_files(files, fd);
		if (err)
			return err;
	}
	if (fd >= nofile_limit()) {		/* RLIMIT_NOFILE was lowered */
		preempt_enable();
		return -EMFILE;
	}
	files->fd[fd] = ERR_PTR(-EBUSY);	/* reserved */
	set_fd_bit(files->close_on_exec, fd, flags & O_CLOEXEC);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	preempt_enable();
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	files->fd[fd] = NULL;
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	preempt_disable();
	__put_unused_fd(current->files, fd);
	preempt_enable();
}

/* fd_install - the reserved descriptor @fd now names @file (its reference). */
void fd_install(unsigned int fd, struct file *file)
{
	preempt_disable();		/* a CLONE_FILES thread may swap the array */
	current->files->fd[fd] = file;
	preempt_enable();
}

/* The file at @fd in @files, NULL if none (or only reserved). */
static struct file *files_lookup_fd(struct files_struct *files, unsigned int fd)
{
	struct file *f = fd < files->max_fds ? files->fd[fd] : NULL;

	return IS_ERR(f) ? NULL : f;
}

/**
 * fget - the open file of descriptor @fd, with a reference (fput() it)
 * Return: the file, or NULL for a bad descriptor.
 */
struct file *fget(unsigned int fd)
{
	struct file *f;

	preempt_disable();
	f = files_lookup_fd(current->files, fd);
	if (f)
		get_file(f);
	preempt_enable();
	return f;
}

/* set_close_on_exec - fcntl(F_SETFD): FD_CLOEXEC on or off for an open @fd. */
void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	preempt_disable();
	if (fd < files->max_fds)
		set_fd_bit(files->close_on_exec, fd, on);
	preempt_enable();
}

bool close_on_exec(unsigned int fd, const struct files_struct *files)
{
	bool on;

	preempt_disable();
	on = fd < files->max_fds && test_fd_bit(files->close_on_exec, fd);
	preempt_enable();
	return on;
}

unsigned int nr_open_fds(const struct files_struct *files)
{
	unsigned int n = 0;

	for (unsigned int fd = 0; fd < files->max_fds; fd++)
		n += files_lookup_fd((struct files_struct *)files, fd) != NULL;
	return n;
}

/* pick_file - take @fd's file out of the table; the caller fput()s it. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *f;

	preempt_disable();
	f = files_lookup_fd(files, fd);
	if (f) {
		__put_unused_fd(files, fd);
		set_fd_bit(files->close_on_exec, fd, false);
	}
	preempt_enable();
	return f;
}

/* close_fd - close(2): -EBADF if @fd is not open. */
int close_fd(unsigned int fd)
{
	struct file *f = pick_file(current->files, fd);

	if (!f)
		return -EBADF;
	return filp_close(f);
}

/**
 * dup_fd - fork: a copy of @oldf naming the same open files
 * Return: the new table, or NULL with *@errorp = -ENOMEM.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf = kzalloc(sizeof(*newf), GFP_KERNEL);

	*errorp = -ENOMEM;
	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	for (;;) {			/* oldf may grow while ours is allocated */
		unsigned int n = READ_ONCE(oldf->max_fds);

		if (n && expand_fdtable(newf, n)) {
			kfree(newf->fd);
			kfree(newf->close_on_exec);
			kfree(newf);
			return NULL;
		}
		preempt_disable();
		if (oldf->max_fds <= newf->max_fds)
			break;
		preempt_enable();
	}
	for (unsigned int fd = 0; fd < oldf->max_fds; fd++) {
		struct file *f = files_lookup_fd(oldf, fd);

		if (f) {
			newf->fd[fd] = get_file(f);
			set_fd_bit(newf->close_on_exec, fd, test_fd_bit(oldf->close_on_exec, fd));
		}
	}
	newf->next_fd = oldf->next_fd;
	preempt_enable();
	*errorp = 0;
	return newf;
}

/*
 * unshare_files - @tsk's descriptor table becomes its own, if it shares it
 * (CLONE_FILES), so exec's close-on-exec closes nothing of the others'.
 * Return: 0 or -ENOMEM (the table still shared).
 */
int unshare_files(struct task_struct *tsk)
{
	struct files_struct *old = tsk->files, *copy;
	int err;

	if (atomic_read(&old->count) == 1)
		return 0;
	copy = dup_fd(old, &err);
	if (!copy)
		return err;
	tsk->files = copy;
	put_files_struct(old);
	return 0;
}

/* close_files - every open file of @files closed. */
static void close_files(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->max_fds; fd++) {
		struct file *f = pick_file(files, fd);

		if (f)
			filp_close(f);
	}
}

void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	close_files(files);
	kfree(files->fd);
	kfree(files->close_on_exec);
	if (files != &init_files)
		kfree(files);
}

/* exit_files - the task gives up its table (the last user closes everything). */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

/* do_close_on_exec - exec: close every descriptor marked FD_CLOEXEC. */
void do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->max_fds; fd++) {
		if (test_fd_bit(files->close_on_exec, fd)) {
			struct file *f = pick_file(files, fd);

			if (f)
				filp_close(f);
		}
	}
}

/* --- dup, dup2, dup3, and fcntl's F_DUPFD ----------------------------------- */

/* f_dupfd - the lowest free descriptor >= @from, naming @file. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= nofile_limit())
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

/* do_dup2 - make @newfd name @oldfd's file, closing what @newfd had. */
static int do_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *file, *old;
	int err;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (newfd >= nofile_limit())
		return -EBADF;
	err = expand_files(files, newfd);
	if (err)
		return err;
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	preempt_disable();
	old = files->fd[newfd];
	if (IS_ERR(old)) {			/* being opened right now */
		preempt_enable();
		fput(file);
		return -EBUSY;
	}
	files->fd[newfd] = file;
	set_fd_bit(files->close_on_exec, newfd, flags & O_CLOEXEC);
	preempt_enable();
	if (old)
		filp_close(old);
	return newfd;
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget(fildes);
	int ret;

	if (!file)
		return -EBADF;
	ret = f_dupfd(0, file, 0);
	fput(file);
	return ret;
}
