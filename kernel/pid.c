// SPDX-License-Identifier: GPL-2.0
/*
 * Process ids (Linux: kernel/pid.c, much reduced): a bitmap of the ids in
 * use, handed out cyclically after the last one given, so a freed id is
 * not reused at once.
 */
#include <kernel.h>
#include <sched.h>
#include <asm/irqflags.h>

static unsigned long pid_map[PID_MAX / (8 * sizeof(unsigned long))] = { 1 };	/* pid 0 */
static pid_t last_pid;

static bool pid_test_and_set(pid_t pid)
{
	unsigned long bit = 1UL << (pid % 64), *word = &pid_map[pid / 64];
	bool was = *word & bit;

	*word |= bit;
	return was;
}

/* alloc_pid - the next free pid after the last one given; -1 if none. */
pid_t alloc_pid(void)
{
	unsigned long flags;
	pid_t pid;

	local_irq_save(flags);
	pid = last_pid;
	for (int tries = 0; tries < PID_MAX; tries++) {
		pid = pid + 1 < PID_MAX ? pid + 1 : 1;
		if (!pid_test_and_set(pid)) {
			last_pid = pid;
			local_irq_restore(flags);
			return pid;
		}
	}
	local_irq_restore(flags);
	return -1;
}

void free_pid(pid_t pid)
{
	pid_map[pid / 64] &= ~(1UL << (pid % 64));
}

/*
 * find_task_by_pid - the live (or zombie) task with @pid, or NULL.  The
 * walk runs with interrupts off: a task that reaps itself is freed at the
 * next switch, and a walk preempted on it would go on through freed memory.
 */
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == pid) {
			found = p;
			break;
		}
	local_irq_restore(flags);
	return found;
}
