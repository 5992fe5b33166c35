// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm, the kernel's own address space (Linux: mm/init-mm.c).  Its pgd
 * is swapper_pg_dir, built by init_mem_mapping().  mm_users starts at 2
 * and mm_count at 1, as in Linux, so it is never freed.  Every other mm
 * is linked on init_mm.mmlist.
 */
#include <mm_types.h>

struct mm_struct init_mm = {
	.mm_rb		= RB_ROOT,
	.pgd		= swapper_pg_dir,
	.mm_users	= ATOMIC_INIT(2),
	.mm_count	= ATOMIC_INIT(1),
	.mmlist		= LIST_HEAD_INIT(init_mm.mmlist),
	.mmap_lock	= __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.task_size	= TASK_SIZE,
};
