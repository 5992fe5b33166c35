// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores on one CPU: the count changes with interrupts
 * off, and a task that finds the lock taken sleeps on its wait queue
 * until an unlock wakes it to try again.
 */
#include <kernel.h>
#include <rwsem.h>
#include <sched.h>
#include <asm/irqflags.h>

/* Take the lock if @want_write ? free : not write-held; false if taken. */
static bool rwsem_try(struct rw_semaphore *sem, bool want_write)
{
	unsigned long flags;
	bool ok;

	local_irq_save(flags);
	ok = want_write ? sem->count == 0 : sem->count >= 0;
	if (ok)
		sem->count += want_write ? -1 : 1;
	local_irq_restore(flags);
	return ok;
}

void down_read(struct rw_semaphore *sem)
{
	if (!rwsem_try(sem, false))
		wait_event(sem->wait, rwsem_try(sem, false));
}

void down_write(struct rw_semaphore *sem)
{
	if (!rwsem_try(sem, true))
		wait_event(sem->wait, rwsem_try(sem, true));
}

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags;

	local_irq_save(flags);
	BUG_ON(sem->count <= 0);
	sem->count--;
	local_irq_restore(flags);
	wake_up(&sem->wait);
}

void up_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	local_irq_save(flags);
	BUG_ON(sem->count != -1);
	sem->count = 0;
	local_irq_restore(flags);
	wake_up(&sem->wait);
}
