// SPDX-License-Identifier: GPL-2.0
/*
 * Creating and destroying address spaces (Linux: kernel/fork.c).
 *
 * An mm_struct has two reference counts:
 *   mm_users  the users of the address space: tasks (threads) running in
 *             it.  When the last goes (mmput), the areas and pages go
 *             (exit_mmap) and the users together drop their one mm_count.
 *   mm_count  references to the struct itself: the users (as one), and
 *             kernel threads borrowing it as active_mm (mmgrab).  When the
 *             last goes (mmdrop), the pgd and the struct are freed.
 *
 * The fork path proper (copy_process ... dup_mmap) joins this file with
 * processes.
 */
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

struct kmem_cache *mm_cachep;
struct kmem_cache *vm_area_cachep;

#define allocate_mm()	((struct mm_struct *)kmem_cache_alloc(mm_cachep, GFP_KERNEL))
#define free_mm(mm)	kmem_cache_free(mm_cachep, (mm))

/* vm_area_alloc - a zeroed area belonging to @mm, or NULL. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

/* vm_area_dup - a copy of @orig, not yet linked anywhere, or NULL. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (new) {
		*new = *orig;
		new->vm_next = new->vm_prev = NULL;
		RB_CLEAR_NODE(&new->vm_rb);
	}
	return new;
}

void vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

/*
 * mm_init - make @mm (zeroed) an empty address space with one user
 * Return: @mm, or NULL (and @mm freed) if its pgd cannot be allocated.
 */
static struct mm_struct *mm_init(struct mm_struct *mm)
{
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->map_count = 0;
	mm->task_size = TASK_SIZE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		free_mm(mm);
		return NULL;
	}
	setup_mmap_layout(mm);
	list_add_tail(&mm->mmlist, &init_mm.mmlist);
	return mm;
}

/**
 * mm_alloc - a new, empty address space
 * Return: the mm with mm_users == mm_count == 1, or NULL.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = allocate_mm();

	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	return mm_init(mm);
}

/* Counters that must be back to zero when an mm dies (Linux: check_mm()). */
static void check_mm(struct mm_struct *mm)
{
	for (int i = 0; i < NR_MM_COUNTERS; i++) {
		long v = atomic_long_read(&mm->rss_stat[i]);

		if (v)
			pr_alert("BUG: Bad rss-counter state mm:%p type:%d val:%ld\n", mm, i, v);
	}
	if (mm_pgtables_bytes(mm))
		pr_alert("BUG: non-zero pgtables_bytes on freeing mm: %lu\n",
			 mm_pgtables_bytes(mm));
}

/* __mmdrop - the last reference to @mm's struct is gone: free it. */
void __mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	pgd_free(mm, mm->pgd);
	check_mm(mm);
	free_mm(mm);
}

/* __mmput - the last user is gone: tear down the areas and pages. */
static void __mmput(struct mm_struct *mm)
{
	exit_mmap(mm);
	list_del(&mm->mmlist);
	mmdrop(mm);
}

/**
 * mmput - drop a user of @mm; the last one frees its memory
 */
void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users))
		__mmput(mm);
}

/* proc_caches_init - the slab caches of this file (Linux names them so). */
void proc_caches_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct),
					   0, SLAB_PANIC, NULL);
}
