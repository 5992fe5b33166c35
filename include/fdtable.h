/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A process's open files (Linux: include/linux/fdtable.h, fs/file.c).
 *
 * A file descriptor is an index into @fd; the same struct file may sit at
 * several indexes (dup) and in several tables (fork copies the table, the
 * files are shared: one f_pos).  clone(CLONE_FILES) shares the table
 * itself, counted by @count.  The table grows by doubling from
 * NR_OPEN_DEFAULT slots up to NR_OPEN (RLIMIT_NOFILE).
 */
#ifndef _FDTABLE_H
#define _FDTABLE_H

#include <types.h>
#include <atomic.h>
#include <fs.h>

struct task_struct;

#define NR_OPEN_DEFAULT	64
#define NR_OPEN		1024

/**
 * struct files_struct - a file descriptor table
 * @count: tasks sharing it (CLONE_FILES)
 * @max_fds: slots in @fd and bits in @close_on_exec
 * @fd: the open files by descriptor, NULL where free
 * @close_on_exec: FD_CLOEXEC, one bit per descriptor
 * @next_fd: no free descriptor below this one
 */
struct files_struct {
	atomic_t count;
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;
	unsigned int next_fd;
};

extern struct files_struct init_files;

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void put_files_struct(struct files_struct *files);
int unshare_files(struct task_struct *tsk);
void exit_files(struct task_struct *tsk);
void do_close_on_exec(struct files_struct *files);
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
struct file *fget(unsigned int fd);
int close_fd(unsigned int fd);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
bool close_on_exec(unsigned int fd, const struct files_struct *files);
void set_close_on_exec(unsigned int fd, bool on);
unsigned int nr_open_fds(const struct files_struct *files);

/* fs/fs_struct.c: root, working directory and umask (CLONE_FS shares them) */
struct fs_struct {
	atomic_t users;
	int umask;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void exit_fs(struct task_struct *tsk);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
void get_fs_path(struct fs_struct *fs, bool root, struct path *path);

#endif /* _FDTABLE_H */
