// SPDX-License-Identifier: GPL-2.0
/* Wait queues (Linux: kernel/sched/wait.c); see include/wait.h. */
#include <sched.h>
#include <wait.h>
#include <asm/irqflags.h>

/* prepare_to_wait - queue @wait on @wq (once) and set the task's sleep state. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, long state)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!wait->entry.next || list_empty(&wait->entry)) {
		if (!wait->entry.next)
			INIT_LIST_HEAD(&wait->entry);
		list_add_tail(&wait->entry, &wq->head);
	}
	set_current_state(state);
	local_irq_restore(flags);
}

/* finish_wait - running again: leave @wq. */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	set_current_state(TASK_RUNNING);
	local_irq_save(flags);
	if (wait->entry.next && !list_empty(&wait->entry))
		list_del_init(&wait->entry);
	local_irq_restore(flags);
}

/* wake_up - wake every task waiting on @wq; they re-check their conditions. */
void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
	local_irq_restore(flags);
}

/* add_wait_queue, remove_wait_queue - queue @wait without sleeping (poll). */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	local_irq_save(flags);
	list_add_tail(&wait->entry, &wq->head);
	local_irq_restore(flags);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del_init(&wait->entry);
	local_irq_restore(flags);
}
