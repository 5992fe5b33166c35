// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes (Linux: fs/pipe.c).
 *
 * A pipe is a ring of up to PIPE_DEF_BUFFERS page-sized buffers between
 * two open files, the read end and the write end, both on one inode of
 * the internal "pipefs".  A named FIFO (mknod) is the same pipe on a
 * ramfs inode.
 *
 *   read    takes what is there (at most the caller's count), or sleeps
 *           until a writer adds some; with no writers left: 0 (end of file)
 *   write   adds everything, sleeping while the ring is full; a write of
 *           at most PIPE_BUF bytes goes into one buffer, so it is never
 *           interleaved with another writer's; with no readers left:
 *           SIGPIPE, and -EPIPE if that did not kill the writer
 *   O_NONBLOCK  -EAGAIN instead of sleeping
 *
 * pipe->mutex (a sleeping lock: copies may fault) guards the ring;
 * readers sleep on rd_wait, writers on wr_wait.
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <mm.h>
#include <poll.h>
#include <preempt.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uio.h>
#include <asm/uaccess.h>

#define PIPE_DEF_BUFFERS	16
#define PIPE_BUF		PAGE_SIZE	/* writes this small are atomic */

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

/**
 * struct pipe_inode_info - a pipe
 * @mutex: guards the ring
 * @rd_wait, @wr_wait: readers waiting for data, writers for room
 * @head, @tail: the ring: buffers [tail, head) hold data (indexes mod
 *	PIPE_DEF_BUFFERS; head - tail buffers are in use)
 * @readers, @writers: open read and write ends
 */
struct pipe_inode_info {
	struct rw_semaphore mutex;
	struct wait_queue_head rd_wait, wr_wait;
	unsigned int head, tail;
	unsigned int readers, writers;
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
};

static struct vfsmount *pipe_mnt;

static bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return pipe->head == pipe->tail;
}

static bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail >= PIPE_DEF_BUFFERS;
}

static struct pipe_buffer *pipe_buf(struct pipe_inode_info *pipe, unsigned int slot)
{
	return &pipe->bufs[slot % PIPE_DEF_BUFFERS];
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (pipe) {
		init_rwsem(&pipe->mutex);
		init_waitqueue_head(&pipe->rd_wait);
		init_waitqueue_head(&pipe->wr_wait);
	}
	return pipe;
}

/* free_pipe_info - the inode is gone: its buffers and the pipe go. */
void free_pipe_info(struct pipe_inode_info *pipe)
{
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		__free_page(pipe_buf(pipe, i)->page);
	kfree(pipe);
}

/* pipe_read_some - take up to @to's count from the ring; bytes taken, or -EFAULT. */
static ssize_t pipe_read_some(struct pipe_inode_info *pipe, struct iov_iter *to)
{
	ssize_t done = 0;

	while (!pipe_empty(pipe) && iov_iter_count(to)) {
		struct pipe_buffer *buf = pipe_buf(pipe, pipe->tail);
		size_t n = min_t(size_t, buf->len, iov_iter_count(to));
		size_t got = copy_to_iter((char *)page_address(buf->page) + buf->offset, n, to);

		buf->offset += got;
		buf->len -= got;
		done += got;
		if (!buf->len) {
			__free_page(buf->page);
			pipe->tail++;
		}
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

static ssize_t pipe_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	ssize_t ret;

	down_write(&pipe->mutex);
	for (;;) {
		ret = pipe_read_some(pipe, to);
		if (ret || !pipe->writers)
			break;			/* data, a fault, or end of file */
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		up_write(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait, !pipe_empty(pipe) || !pipe->writers))
			return -EINTR;
		down_write(&pipe->mutex);
	}
	up_write(&pipe->mutex);
	if (ret > 0)
		wake_up(&pipe->wr_wait);
	return ret;
}

/*
 * pipe_write_buf - one new buffer of up to a page from @from
 * Return: bytes added, or -ENOMEM / -EFAULT.
 */
static ssize_t pipe_write_buf(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	size_t n = min_t(size_t, PAGE_SIZE, iov_iter_count(from)), got;
	struct page *page = alloc_page(GFP_KERNEL);
	struct pipe_buffer *buf;

	if (!page)
		return -ENOMEM;
	got = copy_from_iter(page_address(page), n, from);
	if (!got) {
		__free_page(page);
		return -EFAULT;
	}
	buf = pipe_buf(pipe, pipe->head++);
	*buf = (struct pipe_buffer){ .page = page, .offset = 0, .len = got };
	return got;
}

/* pipe_merge - a small write fits whole after the last buffer's data: put it there. */
static ssize_t pipe_merge(struct pipe_inode_info *pipe, struct iov_iter *from)
{
	size_t chars = iov_iter_count(from) & (PAGE_SIZE - 1);
	struct pipe_buffer *buf;

	if (pipe_empty(pipe) || !chars)
		return 0;
	buf = pipe_buf(pipe, pipe->head - 1);
	if (buf->offset + buf->len + chars > PAGE_SIZE)
		return 0;
	chars = copy_from_iter((char *)page_address(buf->page) + buf->offset + buf->len,
			       chars, from);
	buf->len += chars;
	return chars ? (ssize_t)chars : -EFAULT;
}

static ssize_t pipe_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	ssize_t ret = 0, n;

	down_write(&pipe->mutex);
	if (pipe->readers)
		ret = pipe_merge(pipe, from);
	while (ret >= 0 && iov_iter_count(from)) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			ret = ret ? ret : -EPIPE;
			break;
		}
		if (!pipe_full(pipe)) {
			n = pipe_write_buf(pipe, from);
			if (n < 0) {
				ret = ret ? ret : n;
				break;
			}
			ret += n;
			continue;
		}
		if ((file->f_flags & O_NONBLOCK) || signal_pending(current)) {
			ret = ret ? ret : (file->f_flags & O_NONBLOCK) ? -EAGAIN : -EINTR;
			break;
		}
		up_write(&pipe->mutex);
		wake_up(&pipe->rd_wait);
		wait_event_interruptible(pipe->wr_wait, !pipe_full(pipe) || !pipe->readers);
		down_write(&pipe->mutex);
	}
	up_write(&pipe->mutex);
	if (ret > 0)
		wake_up(&pipe->rd_wait);
	return ret;
}

static __poll_t pipe_poll(struct file *file, struct poll_table_struct *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &pipe->rd_wait, pt);
	poll_wait(file, &pipe->wr_wait, pt);
	if ((file->f_mode & FMODE_READ) && !pipe_empty(pipe))
		mask |= POLLIN | POLLRDNORM;
	if ((file->f_mode & FMODE_READ) && !pipe->writers)
		mask |= POLLHUP;
	if ((file->f_mode & FMODE_WRITE) && !pipe_full(pipe))
		mask |= POLLOUT | POLLWRNORM;
	if ((file->f_mode & FMODE_WRITE) && !pipe->readers)
		mask |= POLLERR;
	return mask;
}

#define FIONREAD	0x541b

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	int count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	down_write(&pipe->mutex);
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		count += pipe_buf(pipe, i)->len;
	up_write(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

/* pipe_release - an end is closed: the other side may now see EOF or EPIPE. */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	down_write(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	up_write(&pipe->mutex);
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	return 0;
}

/* fifo_open - opening a named FIFO: its pipe, made on the first open. */
static int fifo_open(struct inode *inode, struct file *file)
{
	if (!inode->i_pipe) {
		struct pipe_inode_info *pipe = alloc_pipe_info();

		if (!pipe)
			return -ENOMEM;
		preempt_disable();		/* another opener may have made one */
		if (!inode->i_pipe) {
			inode->i_pipe = pipe;
			pipe = NULL;
		}
		preempt_enable();
		if (pipe)
			free_pipe_info(pipe);
	}
	file->private_data = inode->i_pipe;
	down_write(&inode->i_pipe->mutex);
	if (file->f_mode & FMODE_READ)
		inode->i_pipe->readers++;
	if (file->f_mode & FMODE_WRITE)
		inode->i_pipe->writers++;
	up_write(&inode->i_pipe->mutex);
	return stream_open(inode, file);
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/*
 * create_pipe_files - a new pipe and its two ends, @res[0] for reading and
 * @res[1] for writing.  Return: 0 or -ENOMEM (nothing left over).
 */
static int create_pipe_files(struct file **res, int flags)
{
	struct super_block *sb = pipe_mnt->mnt_sb;
	struct inode *inode = new_inode(sb, S_IFIFO | 0600);
	struct dentry *dentry;
	struct path path;

	if (!inode)
		return -ENOMEM;
	inode->i_fop = &pipefifo_fops;
	inode->i_pipe = alloc_pipe_info();
	dentry = inode->i_pipe ? d_alloc(sb->s_root, "pipe:", 5) : NULL;
	if (!dentry) {
		iput(inode);
		return -ENOMEM;
	}
	d_instantiate(dentry, inode);
	d_delete(dentry);
	path = (struct path){ pipe_mnt, dentry };
	res[0] = alloc_file(&path, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	res[1] = IS_ERR(res[0]) ? res[0] :
		 alloc_file(&path, O_WRONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	dput(dentry);
	if (IS_ERR(res[1])) {
		if (!IS_ERR(res[0])) {
			res[0]->f_op = NULL;	/* no ->release: no end was counted */
			fput(res[0]);
		}
		return -ENOMEM;
	}
	inode->i_pipe->readers = inode->i_pipe->writers = 1;
	res[0]->private_data = res[1]->private_data = inode->i_pipe;
	return 0;
}

/* do_pipe2 - pipe(2)/pipe2(2): two descriptors, written to @fildes. */
static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags);
	if (fd[1] < 0 || copy_to_user(fildes, fd, sizeof(fd))) {
		err = fd[1] < 0 ? fd[1] : -EFAULT;
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
		if (fd[1] >= 0)
			put_unused_fd(fd[1]);
		fput(files[0]);
		fput(files[1]);
		return err;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

void pipe_init(void)
{
	struct super_block *sb = ramfs_fill_super("pipefs");

	pipe_mnt = sb ? kern_mount(sb) : NULL;
	if (!pipe_mnt)
		panic("pipe_init: cannot mount pipefs");
}
