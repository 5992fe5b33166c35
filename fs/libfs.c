// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers for simple file systems (Linux: fs/libfs.c): a directory whose
 * dcache holds all its names lists them straight from d_subdirs.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>

/* dir_emit_dots - "." and ".." at positions 0 and 1; false if the caller must stop. */
bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *d = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 0, d->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 1, d->d_parent->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/* The d_type getdents64 reports for @mode (Linux: fs_umode_to_dtype). */
unsigned int fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/*
 * dcache_readdir - the names of a ramfs directory: ".", "..", then each
 * name in d_subdirs in the order it was made.  A name's position is its
 * d_seq, so names removed meanwhile move no one else's (Linux keeps a
 * cursor dentry in the list for the same reason).  The caller
 * (iterate_dir) holds the directory's i_rwsem, under which ramfs names
 * cannot change.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *d;

	if (!dir_emit_dots(file, ctx))
		return 0;
	list_for_each_entry(d, &dir->d_subdirs, d_child) {
		struct inode *inode = d->d_inode;

		if (!inode || (loff_t)d->d_seq < ctx->pos)
			continue;
		if (!ctx->actor(ctx, d->d_name.name, d->d_name.len, d->d_seq, inode->i_ino,
				fs_umode_to_dtype(inode->i_mode)))
			return 0;
		ctx->pos = d->d_seq + 1;
	}
	return 0;
}

/* dcache_dir_lseek - a directory's position is a d_seq: SEEK_SET and SEEK_CUR only. */
static loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	return file->f_pos = offset;
}

const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.iterate = dcache_readdir,
};

/* stream_open - a file with no position: pipes, terminals (-ESPIPE to seek). */
int stream_open(struct inode *inode, struct file *file)
{
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}
