// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo (Linux: fs/proc/meminfo.c), in Linux's format, the lines
 * dissect can fill honestly.  There is no swap and nothing can be
 * reclaimed (the page cache is ramfs and shmem: it is the files
 * themselves), so MemAvailable is MemFree.
 */
#include <kernel.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <asm/irqflags.h>
#include "internal.h"

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

/* The page-table pages of every address space, init_mm's included. */
static unsigned long nr_pagetable_pages(void)
{
	struct mm_struct *mm;
	unsigned long flags, bytes = 0;

	local_irq_save(flags);
	list_for_each_entry(mm, &init_mm.mmlist, mmlist)
		bytes += mm_pgtables_bytes(mm) + PAGE_SIZE;	/* + the pgd */
	local_irq_restore(flags);
	return bytes >> PAGE_SHIFT;
}

static unsigned long nr_tasks(void)
{
	struct task_struct *p;
	unsigned long flags, n = 0;

	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks)
		n++;
	local_irq_restore(flags);
	return n;
}

static void show_val_kb(struct seq_file *m, const char *s, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", s, K(pages));
}

int meminfo_proc_show(struct seq_file *m, pid_t pid)
{
	unsigned long free = nr_free_pages(), cached = nr_pagecache_pages();

	show_val_kb(m, "MemTotal:", totalram_pages);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	show_val_kb(m, "Buffers:", 0);
	show_val_kb(m, "Cached:", cached);
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Shmem:", shmem_pages);
	show_val_kb(m, "Slab:", slab_nr_pages());
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:", nr_tasks() * (THREAD_SIZE >> 10));
	show_val_kb(m, "PageTables:", nr_pagetable_pages());
	return 0;
}
