// SPDX-License-Identifier: GPL-2.0
/*
 * The parts every /proc directory and file share (Linux: fs/proc/generic.c,
 * fs/proc/inode.c): making inodes from table entries, looking names up in
 * a table, listing it, and the text files.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <uio.h>
#include "internal.h"

/*
 * proc_make_inode - the inode for entry @e of process @pid, numbered @ino:
 * the same number every time, as stat() users expect (proc_ino()).
 */
struct inode *proc_make_inode(struct super_block *sb, pid_t pid, const struct pid_entry *e,
			      unsigned long ino)
{
	struct inode *inode = new_inode(sb, e->mode);

	if (!inode)
		return NULL;
	inode->i_ino = ino;
	PROC_I(inode)->pid = pid;
	PROC_I(inode)->entry = e;
	if (S_ISDIR(e->mode)) {
		inode->i_op = &proc_tgid_base_inode_operations;
		inode->i_fop = &proc_tgid_base_operations;
		inode->i_nlink = 2;
	} else if (S_ISLNK(e->mode)) {
		inode->i_op = &proc_link_inode_operations;
	} else {
		inode->i_fop = &proc_text_operations;
	}
	return inode;
}

/* proc_lookup_entry - @dentry's name in the table @ents of process @pid, or -ENOENT. */
int proc_lookup_entry(struct inode *dir, struct dentry *dentry, const struct pid_entry *ents,
		      int n, pid_t pid)
{
	for (int i = 0; i < n; i++) {
		if (strlen(ents[i].name) != dentry->d_name.len ||
		    memcmp(ents[i].name, dentry->d_name.name, dentry->d_name.len))
			continue;
		struct inode *inode = proc_make_inode(dir->i_sb, pid, &ents[i],
						      proc_ino(pid, i + 1));

		if (!inode)
			return -ENOMEM;
		d_instantiate(dentry, inode);
		return 0;
	}
	return -ENOENT;			/* as Linux: not even a name to create */
}

/* proc_readdir_entries - list @ents at positions @first, @first + 1, ... */
int proc_readdir_entries(struct file *file, struct dir_context *ctx,
			 const struct pid_entry *ents, int n, loff_t first, pid_t pid)
{
	for (int i = ctx->pos - first; i >= 0 && i < n; i++) {
		if (!ctx->actor(ctx, ents[i].name, strlen(ents[i].name), ctx->pos,
				proc_ino(pid, i + 1), fs_umode_to_dtype(ents[i].mode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}

#define PROC_TEXT_MIN	4096
#define PROC_TEXT_MAX	(4UL << 20)

/*
 * proc_text_open - print the entry's text for its process now: into a
 * buffer that doubles until the text fits.  The process gone: -ESRCH.
 */
static int proc_text_open(struct inode *inode, struct file *file)
{
	const struct pid_entry *e = PROC_I(inode)->entry;
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int err = -ENOMEM;

	if (!m)
		return -ENOMEM;
	if (PROC_I(inode)->pid && !proc_pid_alive(PROC_I(inode)->pid)) {
		kfree(m);
		return -ESRCH;			/* reached through a stale /proc/PID */
	}
	for (size_t size = PROC_TEXT_MIN; size <= PROC_TEXT_MAX; size *= 2) {
		m->buf = kmalloc(size, GFP_KERNEL);
		if (!m->buf)
			break;
		m->size = size;
		m->count = m->line_start = 0;
		m->overflow = false;
		err = e->show(m, PROC_I(inode)->pid);
		if (err || !m->overflow)
			break;
		kfree(m->buf);
		m->buf = NULL;
		err = -ENOMEM;
	}
	if (err) {
		kfree(m->buf);
		kfree(m);
		return err;
	}
	file->private_data = m;
	return 0;
}

static ssize_t proc_text_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct seq_file *m = file->private_data;
	size_t n, got;

	if (*pos >= (loff_t)m->count)
		return 0;
	n = min_t(size_t, m->count - *pos, iov_iter_count(to));
	got = copy_to_iter(m->buf + *pos, n, to);
	*pos += got;
	return got ? (ssize_t)got : -EFAULT;
}

static loff_t proc_text_llseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? file->f_pos : (loff_t)m->count;

	if (whence > SEEK_END || base + offset < 0)
		return -EINVAL;
	return file->f_pos = base + offset;
}

static int proc_text_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}

const struct file_operations proc_text_operations = {
	.open = proc_text_open,
	.read_iter = proc_text_read,
	.llseek = proc_text_llseek,
	.release = proc_text_release,
};

static int proc_get_link(struct dentry *dentry, char *buf)
{
	struct proc_inode *pi = PROC_I(dentry->d_inode);

	return pi->entry->link(pi->pid, buf);
}

const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};
