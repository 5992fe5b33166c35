/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system (Linux: include/linux/fs.h, dcache.h, mount.h).
 *
 * Five objects, as in Linux:
 *
 *   super_block   one mounted file system (rootfs, proc, the shmem mount)
 *   inode         one file: its type, size, and for regular files the page
 *                 cache holding its contents (i_data, an address_space)
 *   dentry        one name in a directory, pointing at an inode; the
 *                 dentries of a directory are its d_subdirs.  For rootfs
 *                 (a ramfs) the dentries *are* the directory: there is no
 *                 disk, names live only here.
 *   vfsmount      where a super_block is attached in the tree
 *   file          one open file: a path, the position, the open flags and
 *                 the file_operations; shared by dup() and fork()
 *
 * A struct path names a place in the tree: (vfsmount, dentry).
 *
 * Reference counts: dentries hold their inode and their parent; an open
 * file holds its dentry and mount.  A ramfs name pins its dentry until
 * unlink(), so a file lives while it has a name or an opener.  /proc's
 * dentries and inodes are made on lookup and freed on their last dput().
 *
 * Locking: each directory inode's i_rwsem serializes changes to its
 * names; a page cache is changed with preemption off (one CPU, and
 * nothing in it sleeps).
 */
#ifndef _FS_H
#define _FS_H

#include <types.h>
#include <fs_types.h>
#include <atomic.h>
#include <list.h>
#include <rwsem.h>
#include <wait.h>
#include <fcntl.h>
#include <stat.h>

struct page;
struct vm_area_struct;
struct iov_iter;
struct kstat;
struct poll_table_struct;
struct pipe_inode_info;
struct super_block;
struct vfsmount;
struct dentry;
struct inode;
struct file;

#define PATH_MAX	4096	/* a path, its NUL included */
#define NAME_MAX	255	/* one component */
#define MAX_NESTED_LINKS 40	/* symlinks within symlinks: ~120 bytes of stack each */
#define MAXSYMLINKS	40	/* symlinks followed in one lookup, as Linux */

/* struct file's f_mode */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10
#define FMODE_EXEC	0x20
#define FMODE_WRITER	0x10000		/* holds the inode's write access */

/* poll() events (Linux's values) */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100
typedef unsigned int __poll_t;

/*
 * A file's page cache is a radix tree (Linux: the xarray i_pages) of
 * nodes of 512 slots, a page each, that takes the page index apart the
 * way a page table takes an address, nine bits per level:
 *
 *	page index:  | ... | level 2 | level 1 | level 0 |
 *	                      9 bits    9 bits    9 bits
 *
 * A tree of height h holds the indices below 512^h: the root is a level
 * h-1 node, the slots of a level-n node point at level n-1 nodes, those
 * of level 0 at pages.  A NULL slot at any level is a hole (reads as
 * zeros).  Nodes are added on the way to a new page and freed when
 * truncation empties them, so one page at 8 GiB costs three nodes.
 */
#define PAGECACHE_SHIFT		9
#define PAGECACHE_SLOTS		(1UL << PAGECACHE_SHIFT)
#define PAGECACHE_MAX_HEIGHT	6	/* 54 bits: every index below MAX_LFS_FILESIZE */

struct pagecache_node {
	void *slots[PAGECACHE_SLOTS];
};

/**
 * struct address_space - the pages of one file's contents (its page cache)
 * @host: the inode whose contents these are
 * @i_pages: the root of the radix tree of its pages, NULL when it has none
 * @height: the tree's levels; it holds the page indices below 512^@height
 * @nrpages: pages present
 * @i_mmap: the areas that map the file MAP_SHARED or MAP_PRIVATE
 *	(vm_area_struct.shared), so truncation can unmap what it frees
 * @swapbacked: shmem: its pages are PageSwapBacked (counted MM_SHMEMPAGES)
 */
struct address_space {
	struct inode *host;
	struct pagecache_node *i_pages;
	unsigned int height;
	unsigned long nrpages;
	struct list_head i_mmap;
	bool swapbacked;
};

#define MAX_LFS_FILESIZE	((loff_t)0x7fffffffffffffffLL)

struct inode_operations {
	/* find @dentry's name in @dir: d_instantiate() it, or leave it negative */
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/* @old in @old_dir becomes @name in @new_dir, replacing @target if not NULL */
	int (*rename)(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
		      struct dentry *new_parent, struct dentry *target, const char *name, int len);
	/* a second name @dentry (negative) for @old's inode */
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *dentry);
	/* a symlink's target, written into @buf (PATH_MAX bytes); or -errno */
	int (*get_link)(struct dentry *dentry, char *buf);
	/* change the size (O_TRUNC, a write past the end) */
	int (*setsize)(struct inode *inode, loff_t size);
};

struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);
/* What getdents64() hands a directory's ->iterate: a callback, and where to go on. */
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct file *file, struct iov_iter *to, loff_t *pos);
	ssize_t (*write_iter)(struct file *file, struct iov_iter *from, loff_t *pos);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

/**
 * struct inode - one file
 * @i_mode: type and permission bits
 * @i_nlink: names it has (a directory: 2 + its subdirectories)
 * @i_ino: its number within @i_sb
 * @i_rdev: for a device node, the device
 * @i_size: its length in bytes
 * @i_count: references (dentries, and the code using it)
 * @i_rwsem: serializes changes to a directory's names, or to a file's size
 * @i_op, @i_fop: what the file system does with it and with its open files
 * @i_mapping: where its pages are (&@i_data)
 * @i_pipe: a FIFO's pipe; @i_link: a symlink's target
 * @i_private: the file system's own
 * @i_mtime, @i_ctime: seconds since the epoch
 * @i_writecount: > 0: open for writing that many times; < 0: that many
 *	address spaces run it as their program (exec: no writer allowed,
 *	-ETXTBSY, as in Linux)
 */
struct inode {
	umode_t i_mode;
	unsigned int i_nlink;
	unsigned long i_ino;
	dev_t i_rdev;
	loff_t i_size;
	atomic_t i_count;
	struct rw_semaphore i_rwsem;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct address_space *i_mapping;
	struct address_space i_data;
	struct pipe_inode_info *i_pipe;
	char *i_link;
	void *i_private;
	long long i_mtime, i_ctime;
	atomic_t i_writecount;
};

struct qstr {
	const char *name;
	unsigned int len;
};

#define DNAME_INLINE_LEN	32

/* struct dentry's d_flags */
#define DCACHE_PINNED		0x1	/* a ramfs name: holds a reference of its own */
#define DCACHE_UNHASHED		0x2	/* removed from its directory (unlinked) */
#define DCACHE_MOUNTED		0x4	/* something is mounted here */

/**
 * struct dentry - one name in the tree
 * @d_count: references; the last dput() of a name nobody pins frees it
 * @d_parent: the directory it is in (itself for a file system's root)
 * @d_name: the name (in @d_iname when short)
 * @d_inode: the file, or NULL (a negative dentry: nothing by this name)
 * @d_child: its place in the parent's @d_subdirs
 * @d_subdirs: for a directory, the names in it
 * @d_sb: the file system
 * @d_fsdata: the file system's own (proc: which entry this is)
 * @d_seq: its place in the parent's d_subdirs order, for readdir
 *	positions that stay right when other names are removed
 */
struct dentry {
	atomic_t d_count;
	unsigned int d_flags;
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
	struct list_head d_child;
	struct list_head d_subdirs;
	struct super_block *d_sb;
	void *d_fsdata;
	unsigned long d_seq;
	char d_iname[DNAME_INLINE_LEN];
};

/* What a file system does with its inodes' memory (proc embeds them). */
struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*free_inode)(struct inode *inode);
};

/**
 * struct super_block - one mounted file system
 * @s_dev: its device number (anonymous: 0:N, as Linux's get_anon_bdev())
 * @s_root: its root directory
 * @s_name: its type, for messages ("rootfs", "proc", "shmem")
 * @s_next_ino: the next inode number to hand out
 * @s_op: how its inodes are allocated (NULL: plain ones)
 */
struct super_block {
	const struct super_operations *s_op;
	dev_t s_dev;
	struct dentry *s_root;
	const char *s_name;
	unsigned long s_next_ino;
};

/**
 * struct vfsmount - a file system attached to the tree
 * @mnt_root: the root of its tree
 * @mnt_sb: its super_block
 * @mnt_parent: the mount it sits on (itself for the root mount)
 * @mnt_mountpoint: the dentry of @mnt_parent it covers
 * @mnt_list: in the list of all mounts
 */
struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	struct vfsmount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct list_head mnt_list;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/**
 * struct file - an open file
 * @f_count: references: file descriptors (dup, fork share one file),
 *	mappings (vm_file), and code using it
 * @f_path: what was opened
 * @f_inode: its inode
 * @f_op: what read(), write()... do with it
 * @f_flags: the open flags (O_APPEND, O_NONBLOCK...; F_SETFL changes some)
 * @f_mode: FMODE_READ, FMODE_WRITE...
 * @f_pos: the position read() and write() use
 * @f_mapping: its page cache (the inode's)
 * @private_data: the opener's own (a pipe end, a /proc file's text)
 */
struct file {
	atomic_long_t f_count;
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;
	fmode_t f_mode;
	loff_t f_pos;
	struct rw_semaphore f_pos_lock;
	struct address_space *f_mapping;
	void *private_data;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/* --- fs/namei.c: a running program may not be written (ETXTBSY) ------------- */
int get_write_access(struct inode *inode);
void put_write_access(struct inode *inode);
int deny_write_access(struct file *file);
void allow_write_access(struct file *file);

/* --- fs/inode.c ------------------------------------------------------------ */
struct inode *new_inode(struct super_block *sb, umode_t mode);
struct inode *igrab(struct inode *inode);
void iput(struct inode *inode);
void inode_init_mode(struct inode *inode, umode_t mode, dev_t rdev);
long long current_time(void);
void inode_cache_init(void);
extern const struct file_operations def_chr_fops;

/* --- fs/dcache.c ----------------------------------------------------------- */
struct dentry *d_alloc(struct dentry *parent, const char *name, int len);
struct dentry *d_alloc_root(struct super_block *sb, struct inode *inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
struct dentry *d_lookup(struct dentry *parent, const char *name, int len);
void d_pin(struct dentry *dentry);
void d_delete(struct dentry *dentry);
int d_move(struct dentry *dentry, struct dentry *parent, const char *name, int len);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
char *d_path(const struct path *path, char *buf, int buflen);
void dcache_init(void);

static inline bool d_unhashed(const struct dentry *d)
{
	return d->d_flags & DCACHE_UNHASHED;
}

/* --- fs/namespace.c ------------------------------------------------------------ */
struct vfsmount *kern_mount(struct super_block *sb);
int do_mount(struct super_block *sb, const char *path);
struct vfsmount *lookup_mnt(const struct path *mountpoint);
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
void path_get(const struct path *path);
void path_put(const struct path *path);
extern struct vfsmount *root_mnt;	/* rootfs, "/" */
dev_t get_anon_dev(void);
struct super_block *alloc_super(const char *name);

/* --- fs/namei.c ------------------------------------------------------------ */
#define LOOKUP_FOLLOW		0x1	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY	0x2	/* the last component must be a directory */
#define LOOKUP_PARENT		0x4
#define LOOKUP_EMPTY		0x8	/* "" names the start: AT_EMPTY_PATH */

char *getname(const char __user *filename);	/* ERR_PTR or kmalloc'd; putname() */
char *getname_flags(const char __user *filename, bool empty_ok);
void putname(char *name);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
int path_lookupat(int dfd, const char *name, unsigned int flags, struct path *path);
struct file *do_filp_open(int dfd, const char *pathname, int flags, umode_t mode);
int vfs_create_path(const char *path, umode_t mode, dev_t dev, const char *target);
int kern_unlink(const char *path);
int inode_permission(struct inode *inode, int mask);
int may_open_exec(struct inode *inode);

/* --- fs/open.c, fs/file_table.c --------------------------------------------- */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop);
struct file *dentry_open(const struct path *path, int flags);
struct file *filp_open(const char *filename, int flags, umode_t mode);
struct file *get_file(struct file *f);
void fput(struct file *file);
int filp_close(struct file *file);
unsigned long nr_files(void);		/* struct files in use, for leak checks */
void files_init(void);
int vfs_truncate_inode(struct inode *inode, loff_t size);

/* --- fs/read_write.c ---------------------------------------------------------- */
ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);

/* --- fs/stat.c, fs/readdir.c ----------------------------------------------- */
int vfs_getattr(const struct path *path, struct stat *st);
int iterate_dir(struct file *file, struct dir_context *ctx);

/* --- fs/libfs.c: helpers for simple file systems --------------------------- */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
int dcache_readdir(struct file *file, struct dir_context *ctx);
unsigned int fs_umode_to_dtype(umode_t mode);
int stream_open(struct inode *inode, struct file *file);
extern const struct file_operations simple_dir_operations;
bool dir_emit_dots(struct file *file, struct dir_context *ctx);

/* --- fs/ramfs: the root file system ---------------------------------------- */
struct super_block *ramfs_fill_super(const char *name);
struct inode *ramfs_get_inode(struct super_block *sb, struct inode *dir, umode_t mode, dev_t dev);
extern const struct file_operations ramfs_file_operations;
extern const struct inode_operations ramfs_dir_inode_operations;

/* --- mm/filemap.c, mm/truncate.c: the page cache --------------------------- */
struct page *find_get_page(struct address_space *mapping, unsigned long index);
struct page *find_or_create_page(struct address_space *mapping, unsigned long index);
ssize_t filemap_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t generic_perform_write(struct file *file, struct iov_iter *from, loff_t *pos);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
struct vm_fault;
int filemap_fault(struct vm_fault *vmf);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_pagecache(struct inode *inode, loff_t newsize);
void truncate_setsize(struct inode *inode, loff_t newsize);
void pagecache_isize_extended(struct inode *inode, loff_t from, loff_t to);
unsigned long nr_pagecache_pages(void);	/* for /proc/meminfo: Cached */
void delete_from_page_cache_range(struct address_space *mapping, unsigned long first);

/* --- mm/shmem.c --------------------------------------------------------------- */
struct file *shmem_file_setup(const char *name, loff_t size);
int shmem_zero_setup(struct vm_area_struct *vma);
void shmem_init(void);
extern unsigned long shmem_pages;	/* pages of shmem files, for /proc/meminfo */

/* --- fs/pipe.c, fs/char_dev.c ------------------------------------------------ */
void free_pipe_info(struct pipe_inode_info *pipe);
void pipe_init(void);
extern const struct file_operations pipefifo_fops;
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);

/* --- init/initramfs.c ----------------------------------------------------- */
void populate_rootfs(void);

/* --- the boot-time set-up -------------------------------------------------- */
void mnt_init(void);			/* fs/namespace.c */
void proc_root_init(void);		/* fs/proc/root.c */
void chr_dev_init(void);		/* drivers/char/mem.c */

#endif /* _FS_H */
