/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores (Linux: include/linux/rwsem.h): many readers or
 * one writer; a task that cannot have it sleeps.  mm->mmap_lock is one:
 * page faults and /proc read the areas, mmap() and friends change them.
 */
#ifndef _RWSEM_H
#define _RWSEM_H

#include <wait.h>

struct rw_semaphore {
	long count;			/* >0: readers, -1: a writer, 0: free */
	struct wait_queue_head wait;
};

#define __RWSEM_INITIALIZER(name) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((name).wait) }

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	init_waitqueue_head(&sem->wait);
}

void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

#define mmap_read_lock(mm)	down_read(&(mm)->mmap_lock)
#define mmap_read_unlock(mm)	up_read(&(mm)->mmap_lock)
#define mmap_write_lock(mm)	down_write(&(mm)->mmap_lock)
#define mmap_write_unlock(mm)	up_write(&(mm)->mmap_lock)

#endif /* _RWSEM_H */
