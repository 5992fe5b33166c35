// SPDX-License-Identifier: GPL-2.0
/*
 * Memory areas of an address space (Linux before 6.1: mm/mmap.c).
 *
 * An mm's areas never overlap and are kept twice:
 *
 *   mm->mmap   a list sorted by address (vm_next / vm_prev), for walking
 *              all areas in order (fork, exit, /proc/PID/maps);
 *   mm->mm_rb  a red-black tree keyed by address (vm_rb), for finding the
 *              area of an address in O(log n) (find_vma).
 *
 * The tree is augmented: each node's rb_subtree_gap is the largest free
 * gap in front of any area of its subtree, where an area's gap is the
 * distance from its vm_prev's end to its start.  get_unmapped_area()
 * descends only into subtrees whose gap is big enough: O(log n) too.
 *
 *    0        prev->vm_end   vma->vm_start  vma->vm_end
 *    |  ...  PPPPPP|<-- gap of vma -->|VVVVVVVVVVV|  ...
 *
 * Whenever an area's start or its predecessor's end moves, its gap is
 * recomputed and propagated up the tree (vma_gap_update), and the mm's
 * highest_vm_end follows the last area.
 *
 * Locking: callers hold mm->mmap_lock for writing (one CPU, so this is
 * documentation until tasks can sleep in here).
 */
#include <kernel.h>
#include <errno.h>
#include <fdtable.h>
#include <fs.h>
#include <preempt.h>
#include <mm.h>
#include <sched.h>
#include <syscalls.h>
#include <rbtree_augmented.h>
#include <slab.h>
#include <string.h>

int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;
unsigned long mmap_min_addr = MMAP_MIN_ADDR;

#define STACK_RLIMIT	(8UL << 20)	/* RLIMIT_STACK's usual 8 MiB */
#define MMAP_GAP_MIN	(128UL << 20)	/* room left for the stack */

/* --- the augmented tree ------------------------------------------------ */

/* The free gap right in front of @vma (guard gaps of stacks included). */
static unsigned long vma_compute_gap(struct vm_area_struct *vma)
{
	unsigned long gap = vm_start_gap(vma), prev_end;

	if (vma->vm_prev) {
		prev_end = vm_end_gap(vma->vm_prev);
		gap = gap > prev_end ? gap - prev_end : 0;
	}
	return gap;
}

RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks, struct vm_area_struct, vm_rb,
			 unsigned long, rb_subtree_gap, vma_compute_gap);

/* @vma's own gap changed: recompute it and its ancestors' maxima. */
static void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks_propagate(&vma->vm_rb, NULL);
}

static void vma_rb_insert(struct vm_area_struct *vma, struct rb_root *root)
{
	rb_insert_augmented(&vma->vm_rb, root, &vma_gap_callbacks);
}

static void vma_rb_erase(struct vm_area_struct *vma, struct rb_root *root)
{
	rb_erase_augmented(&vma->vm_rb, root, &vma_gap_callbacks);
}

/* After the last area changed or went: the mm's top of mappings. */
static void update_highest_vm_end(struct mm_struct *mm, struct vm_area_struct *last)
{
	mm->highest_vm_end = last ? vm_end_gap(last) : 0;
}

/* --- finding areas ---------------------------------------------------- */

/**
 * find_vma - the area containing @addr, else the first area above it
 * Return: that area, or NULL if no area ends above @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;		/* a candidate; maybe one lower fits */
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/**
 * find_vma_prev - find_vma(), and in *@pprev the area before the result
 * (the last area of the mm when the result is NULL)
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	struct rb_node *last;

	if (vma) {
		*pprev = vma->vm_prev;
		return vma;
	}
	last = rb_last(&mm->mm_rb);
	*pprev = last ? rb_entry(last, struct vm_area_struct, vm_rb) : NULL;
	return NULL;
}

/**
 * find_vma_intersection - the first area overlapping [start_addr, end_addr)
 * Return: the area, or NULL if the range is free.
 */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr)
{
	struct vm_area_struct *vma = find_vma(mm, start_addr);

	if (vma && end_addr <= vma->vm_start)
		vma = NULL;
	return vma;
}

/*
 * find_vma_links - where a new area [addr, end) goes in the tree
 * Sets *pprev to the area before it, *rb_link / *rb_parent to the empty
 * child slot and its parent.  Return: 0, or -ENOMEM if an area overlaps.
 */
static int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
			  struct vm_area_struct **pprev, struct rb_node ***rb_link,
			  struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL, *prev = NULL;

	while (*link) {
		struct vm_area_struct *vma = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (vma->vm_end > addr) {
			if (vma->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			prev = parent;
			link = &parent->rb_right;
		}
	}
	*pprev = prev ? rb_entry(prev, struct vm_area_struct, vm_rb) : NULL;
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

/* --- linking and unlinking ---------------------------------------------- */

/* Put @vma after @prev (or first) in the address-sorted list. */
static void __vma_link_list(struct mm_struct *mm, struct vm_area_struct *vma,
			    struct vm_area_struct *prev)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
}

/*
 * __vma_link_rb - put @vma in the tree at the slot find_vma_links() found
 *
 * The list must already hold @vma: its gap depends on vm_prev.  It enters
 * with a zero gap (no ancestor's maximum can change by that), then its
 * real gap is propagated, then the tree is rebalanced.
 */
void __vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
		   struct rb_node **rb_link, struct rb_node *rb_parent)
{
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);	/* its predecessor changed */
	else
		update_highest_vm_end(mm, vma);
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	vma->rb_subtree_gap = 0;
	vma_gap_update(vma);
	vma_rb_insert(vma, &mm->mm_rb);
}

/* vma_link - add @vma to the list and the tree, and count it. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *prev, struct rb_node **rb_link,
		     struct rb_node *rb_parent)
{
	__vma_link_list(mm, vma, prev);
	__vma_link_rb(mm, vma, rb_link, rb_parent);
	mm->map_count++;
}

/* __insert_vm_struct - link @vma, whose place must be free; -ENOMEM if not. */
static int __insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return 0;
}

/**
 * insert_vm_struct - link a new area into @mm
 * Return: 0, or -ENOMEM if it overlaps an existing area.  A new anonymous
 * area gets vm_pgoff = vm_start >> PAGE_SHIFT, as in Linux.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma_is_anonymous(vma) && !vma->vm_file)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	return __insert_vm_struct(mm, vma);
}

/* __vma_unlink - take @vma out of the list and the tree; gaps follow. */
static void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	vma_rb_erase(vma, &mm->mm_rb);
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		update_highest_vm_end(mm, prev);
	}
	mm->map_count--;
}

/*
 * vma_link_file, unlink_file_vma - a file mapping joins or leaves its
 * file's i_mmap list, which truncation walks (Linux: the same names).
 * An area leaves it before its page tables are freed (free_pgtables()),
 * or when a merge swallows it; leaving twice is harmless.
 */
void vma_link_file(struct vm_area_struct *vma)
{
	preempt_disable();
	list_add_tail(&vma->shared, &vma->vm_file->f_mapping->i_mmap);
	preempt_enable();
}

void unlink_file_vma(struct vm_area_struct *vma)
{
	if (!vma->vm_file)
		return;
	preempt_disable();
	list_del_init(&vma->shared);
	preempt_enable();
}

/*
 * vma_set_page_prot - the protection of @vma's ptes.  A shared writable
 * file mapping whose file wants to hear of writes (->page_mkwrite) maps
 * pages read-only at first, so the first write faults (Linux:
 * vma_wants_writenotify).
 */
void vma_set_page_prot(struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;

	if ((flags & (VM_SHARED | VM_WRITE)) == (VM_SHARED | VM_WRITE) && vma->vm_ops &&
	    vma->vm_ops->page_mkwrite)
		flags &= ~VM_SHARED;
	vma->vm_page_prot = vm_get_page_prot(flags);
}

/*
 * remove_vma - an area out of the list, the tree and its file's i_mmap
 * is done: close it and free it; returns the next.
 */
static struct vm_area_struct *remove_vma(struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma->vm_next;

	if (vma->vm_file && !list_empty(&vma->shared))
		panic("remove_vma: [%lx-%lx) is still on its file's i_mmap list",
		      vma->vm_start, vma->vm_end);
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
	return next;
}

/* --- accounting ------------------------------------------------------ */

static bool is_exec_mapping(unsigned long flags)
{
	return (flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC;
}
static bool is_stack_mapping(unsigned long flags)
{
	return (flags & VM_STACK) == VM_STACK;
}
static bool is_data_mapping(unsigned long flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE;
}

/* vm_stat_account - @npages more (or fewer) pages mapped with @flags. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (is_exec_mapping(flags))
		mm->exec_vm += npages;
	else if (is_stack_mapping(flags))
		mm->stack_vm += npages;
	else if (is_data_mapping(flags))
		mm->data_vm += npages;
	update_hiwater_vm(mm);
}

/* --- merging and splitting ----------------------------------------------- */

/* Could [.., pgoff) with these properties continue @vma (no gap in pgoff)? */
static bool can_vma_merge_after(struct vm_area_struct *vma, unsigned long vm_flags,
				struct file *file, unsigned long pgoff)
{
	return vma->vm_flags == vm_flags && vma->vm_file == file &&
	       !(vm_flags & (VM_IO | VM_PFNMAP)) &&
	       (!vma->vm_ops || !vma->vm_ops->close) &&
	       vma->vm_pgoff + vma_pages(vma) == pgoff;
}

/* Could an area ending at page offset @end_pgoff run straight into @vma? */
static bool can_vma_merge_before(struct vm_area_struct *vma, unsigned long vm_flags,
				 struct file *file, unsigned long end_pgoff)
{
	return vma->vm_flags == vm_flags && vma->vm_file == file &&
	       !(vm_flags & (VM_IO | VM_PFNMAP)) &&
	       (!vma->vm_ops || !vma->vm_ops->close) &&
	       vma->vm_pgoff == end_pgoff;
}

/* @prev grows to @end, swallowing @next if @end is next's end. */
static void vma_extend_end(struct mm_struct *mm, struct vm_area_struct *prev,
			   unsigned long end, struct vm_area_struct *next)
{
	if (next && end == next->vm_end) {
		__vma_unlink(mm, next);
		unlink_file_vma(next);
		remove_vma(next);
	}
	prev->vm_end = end;
	if (prev->vm_next)
		vma_gap_update(prev->vm_next);
	else
		update_highest_vm_end(mm, prev);
}

/**
 * vma_merge - map the free range [addr, end) by growing a neighbour
 * @prev: the area before the range (NULL if none); the next area is
 *	prev->vm_next (or mm->mmap)
 *
 * The range may join @prev (case 2), the next area (case 3) or both,
 * which then become one (case 1), when flags and file match and the
 * page offsets run on without a break:
 *
 *        AAAA            AAAA            AAAA
 *    PPPP    NNNN    PPPP    NNNN    PPPP    NNNN
 *    PPPPPPPPPPPP    PPPPPPPP        ....NNNNNNNN
 *      case 1          case 2          case 3
 *
 * Return: the area that now covers the range, or NULL if none could.
 * (Linux's vma_merge also handles ranges inside an existing area, for
 * mprotect; dissect's mprotect splits first and merges after instead.)
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags, struct file *file,
				 unsigned long pgoff)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	bool merge_prev = prev && prev->vm_end == addr &&
			  can_vma_merge_after(prev, vm_flags, file, pgoff);
	bool merge_next = next && next->vm_start == end &&
			  can_vma_merge_before(next, vm_flags, file, pgoff + pglen);

	if (merge_prev) {
		vma_extend_end(mm, prev, merge_next ? next->vm_end : end,
			       merge_next ? next : NULL);
		return prev;
	}
	if (merge_next) {
		next->vm_start = addr;
		next->vm_pgoff -= pglen;
		vma_gap_update(next);
		return next;
	}
	return NULL;
}

/*
 * vma_merge_neighbours - after @vma's flags changed, join it with the area
 * before and/or after it where they now match.  Returns the result.
 */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	if (next && next->vm_start == vma->vm_end &&
	    can_vma_merge_before(next, vma->vm_flags, vma->vm_file,
				 vma->vm_pgoff + vma_pages(vma)))
		vma_extend_end(mm, vma, next->vm_end, next);
	if (prev && prev->vm_end == vma->vm_start &&
	    can_vma_merge_after(prev, vma->vm_flags, vma->vm_file, vma->vm_pgoff)) {
		vma_extend_end(mm, prev, vma->vm_end, vma);
		return prev;
	}
	return vma;
}

/**
 * split_vma - cut @vma in two at @addr
 * @new_below: the new area is the lower part [vm_start, addr) (else the
 *	upper part [addr, vm_end)); @vma keeps the other
 *
 * Return: 0, or -ENOMEM (no memory, or too many areas).  Nothing changes
 * on failure.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	struct vm_area_struct *new;
	unsigned long delta = (addr - vma->vm_start) >> PAGE_SHIFT;

	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
		vma->vm_start = addr;
		vma->vm_pgoff += delta;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += delta;
		vma->vm_end = addr;
	}
	if (new->vm_file) {
		get_file(new->vm_file);
		vma_link_file(new);
	}
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	if (__insert_vm_struct(mm, new))
		panic("split_vma: the new half overlaps another area");
	return 0;
}

/* --- get_unmapped_area ----------------------------------------------- */

struct vm_unmapped_area_info {
	unsigned long length;
	unsigned long low_limit;
	unsigned long high_limit;
};

static struct vm_area_struct *vma_of(struct rb_node *node)
{
	return node ? rb_entry(node, struct vm_area_struct, vm_rb) : NULL;
}

/* The end of the area before @vma: where @vma's gap begins. */
static unsigned long gap_start_of(struct vm_area_struct *vma)
{
	return vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
}

/*
 * unmapped_area_topdown - the highest [addr, addr + length) inside
 * [low_limit, high_limit) that is free, in O(log n)
 *
 * The space above the last area is tried first.  Then the tree is walked
 * right subtree first (higher addresses), entering a subtree only if its
 * rb_subtree_gap could hold @length, and checking each area's own gap
 * (between its vm_prev and itself) on the way.  A gap counts if enough of
 * it lies between low_limit and high_limit.
 *
 * Return: the address, or -ENOMEM.
 */
static unsigned long unmapped_area_topdown(struct mm_struct *mm,
					   const struct vm_unmapped_area_info *info)
{
	unsigned long length = info->length, gap_start, gap_end;
	unsigned long high = info->high_limit, low = info->low_limit;
	struct vm_area_struct *vma;

	if (high < length || high - length < low)
		return -ENOMEM;
	if (mm->highest_vm_end <= high - length)
		return high - length;		/* above every area */

	vma = vma_of(mm->mm_rb.rb_node);
	if (!vma || vma->rb_subtree_gap < length)
		return -ENOMEM;
	for (;;) {
		struct vm_area_struct *right = vma_of(vma->vm_rb.rb_right);
		struct vm_area_struct *left = vma_of(vma->vm_rb.rb_left);

		gap_start = gap_start_of(vma);
		if (right && right->rb_subtree_gap >= length && gap_start <= high - length) {
			vma = right;		/* higher gaps first */
			continue;
		}
check_this_vma:
		gap_end = min(vm_start_gap(vma), high);
		if (gap_end < low + length)
			return -ENOMEM;		/* all that is left is too low */
		if (gap_end > gap_start && gap_end - gap_start >= length)
			return gap_end - length;
		if (left && left->rb_subtree_gap >= length) {
			vma = left;
			continue;
		}
		/* climb until we arrive from a right child; then that node's own gap */
		for (;;) {
			struct rb_node *child = &vma->vm_rb, *parent = rb_parent(child);

			if (!parent)
				return -ENOMEM;
			vma = vma_of(parent);
			if (parent->rb_right == child) {
				gap_start = gap_start_of(vma);
				left = vma_of(vma->vm_rb.rb_left);
				goto check_this_vma;
			}
		}
	}
}

/*
 * unmapped_area - the lowest free fit in [low_limit, high_limit): the
 * fallback when top-down finds nothing.  A walk of the list: rare, so
 * kept simple.
 */
static unsigned long unmapped_area(struct mm_struct *mm,
				   const struct vm_unmapped_area_info *info)
{
	unsigned long addr = info->low_limit;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, addr); vma; vma = vma->vm_next) {
		if (addr + info->length <= vm_start_gap(vma))
			break;
		addr = max(addr, vm_end_gap(vma));
	}
	if (addr + info->length > info->high_limit || addr + info->length < addr)
		return -ENOMEM;
	return addr;
}

/* arch_get_unmapped_area_topdown - the x86 policy (Linux: mm/mmap.c, arch/x86). */
static unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm,
						    unsigned long addr, unsigned long len,
						    unsigned long flags)
{
	struct vm_unmapped_area_info info;
	struct vm_area_struct *vma, *prev;

	if (len > TASK_SIZE - mmap_min_addr)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {					/* try the hint */
		addr = PAGE_ALIGN(addr);
		vma = find_vma_prev(mm, addr, &prev);
		if (TASK_SIZE - len >= addr && addr >= mmap_min_addr &&
		    (!vma || addr + len <= vm_start_gap(vma)) &&
		    (!prev || addr >= vm_end_gap(prev)))
			return addr;
	}
	info.length = len;
	info.low_limit = max(PAGE_SIZE, mmap_min_addr);
	info.high_limit = mm->mmap_base;
	addr = unmapped_area_topdown(mm, &info);
	if (!IS_ERR_VALUE(addr))
		return addr;
	info.low_limit = TASK_UNMAPPED_BASE;		/* bottom-up, above the base */
	info.high_limit = TASK_SIZE;
	return unmapped_area(mm, &info);
}

/**
 * get_unmapped_area - choose where a new mapping of @len bytes goes
 * @addr: a hint (or, with MAP_FIXED, the answer)
 *
 * Return: a page-aligned address, or -ENOMEM / -EINVAL.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	if (len > TASK_SIZE)
		return -ENOMEM;
	addr = arch_get_unmapped_area_topdown(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (offset_in_page(addr))
		return -EINVAL;
	if (addr < mmap_min_addr)
		return -EPERM;		/* Linux: only with CAP_SYS_RAWIO */
	return addr;
}

/**
 * setup_mmap_layout - place mmap_base below the stack's room, as Linux's
 * arch_pick_mmap_layout() with randomization off: TASK_SIZE - 128 MiB
 */
void setup_mmap_layout(struct mm_struct *mm)
{
	unsigned long gap = max(STACK_RLIMIT + STACK_GUARD_GAP, MMAP_GAP_MIN);

	mm->mmap_base = PAGE_ALIGN(TASK_SIZE - gap);
}

/* --- mmap ------------------------------------------------------------------ */

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

static unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return ((flags & MAP_GROWSDOWN) ? VM_GROWSDOWN : 0) |
	       ((flags & MAP_LOCKED) ? VM_LOCKED : 0);
}

/*
 * mmap_region - map [addr, addr + len) with @vm_flags, replacing whatever
 * was there (the caller chose the address)
 * Return: @addr, or -ENOMEM.
 */
static unsigned long mmap_region(struct mm_struct *mm, struct file *file,
				 unsigned long addr, unsigned long len,
				 unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	struct rb_node **rb_link, *rb_parent;

	while (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent))
		if (do_munmap(mm, addr, len))
			return -ENOMEM;
	/* private writable memory is charged against the commit limit */
	if ((vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE)
		vm_flags |= VM_ACCOUNT;
	if (vma_merge(mm, prev, addr, addr + len, vm_flags, file, pgoff))
		goto out;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	if (file) {
		int err;

		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
		if (err) {
			fput(file);
			vm_area_free(vma);
			return err;
		}
	} else if ((vm_flags & VM_SHARED) && shmem_zero_setup(vma)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	vma_set_page_prot(vma);
	if (vma->vm_file)
		vma_link_file(vma);
	vma_link(mm, vma, prev, rb_link, rb_parent);
out:
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	return addr;
}

/*
 * file_mmap_ok - does [pgoff, pgoff + len) stay below the largest offset
 * of @file's kind (Linux: file_mmap_size_max(): MAX_LFS_FILESIZE for
 * regular files, ~0UL for the rest)?
 */
static bool file_mmap_ok(struct file *file, unsigned long pgoff, unsigned long len)
{
	unsigned long maxsize = S_ISREG(file_inode(file)->i_mode) ? MAX_LFS_FILESIZE : ~0UL;

	return len <= maxsize && pgoff <= (maxsize - len) >> PAGE_SHIFT;
}

/*
 * file_mmap_check - may @file be mapped as @flags says, with @prot?
 * Linux's rules in Linux's order (do_mmap()):
 *
 *   -EOVERFLOW  the range runs past the largest offset (file_mmap_ok())
 *   -EACCES     MAP_SHARED and PROT_WRITE, but not open for writing
 *   -EACCES     not open for reading (a pipe's write end, an O_WRONLY file)
 *   -ENODEV     no ->mmap (a pipe's read end, a directory, /dev/null)
 *   -EINVAL     MAP_GROWSDOWN: a file area does not grow
 *
 * A shared mapping of a file not open for writing may never become
 * writable: it is made a private read-only one (VM_MAYWRITE, VM_SHARED
 * off in *@vm_flags, as Linux does; VM_MAYSHARE stays for maps' 's').
 * Return: 0 or the errno above.
 */
static int file_mmap_check(struct file *file, unsigned long pgoff, unsigned long len,
			   unsigned long prot, unsigned long flags, unsigned long *vm_flags)
{
	if (!file_mmap_ok(file, pgoff, len))
		return -EOVERFLOW;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		/* fall through */
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op || !file->f_op->mmap)
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * anon_mmap_check - the map type of anonymous memory: MAP_SHARED (never
 * growing down; offset 0 in its shmem file) or MAP_PRIVATE (the offset
 * is the address in pages, as Linux sets it).  Return: 0 or -EINVAL.
 */
static int anon_mmap_check(unsigned long addr, unsigned long flags, unsigned long *vm_flags,
			   unsigned long *pgoff)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		*pgoff = 0;
		return 0;
	case MAP_PRIVATE:
		*pgoff = addr >> PAGE_SHIFT;
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * do_mmap - map @len bytes, as the mmap() system call
 * @file: NULL for anonymous memory
 * @prot: PROT_* (unknown bits are ignored, as Linux's mmap does)
 * @flags: MAP_SHARED or MAP_PRIVATE, plus MAP_FIXED, MAP_FIXED_NOREPLACE,
 *	MAP_ANONYMOUS, MAP_GROWSDOWN...
 * @pgoff: offset in @file, in pages
 *
 * Return: the address, or -EINVAL (zero length, no or bad map type,
 * unaligned MAP_FIXED, MAP_GROWSDOWN on a file), -ENOMEM (no room, too
 * long, too many areas), -EEXIST (MAP_FIXED_NOREPLACE over a mapping),
 * -EPERM (below mmap_min_addr), -EOVERFLOW (pgoff + length wraps, or
 * runs past the file's largest offset), or file_mmap_check()'s -EACCES
 * and -ENODEV.
 */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	unsigned long vm_flags;
	int err;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED) && addr && addr < mmap_min_addr)
		addr = PAGE_ALIGN(mmap_min_addr);	/* round_hint_to_min */
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;

	addr = get_unmapped_area(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	err = file ? file_mmap_check(file, pgoff, len, prot, flags, &vm_flags) :
		     anon_mmap_check(addr, flags, &vm_flags, &pgoff);
	if (err)
		return err;
	return mmap_region(mm, file, addr, len, vm_flags, pgoff);
}

/* --- munmap ---------------------------------------------------------------- */

/*
 * detach_vmas_to_be_unmapped - take the areas from @vma up to @end out of
 * the list and tree, keeping them linked to each other (NULL-terminated)
 */
static void detach_vmas_to_be_unmapped(struct mm_struct *mm, struct vm_area_struct *vma,
				       struct vm_area_struct *prev, unsigned long end)
{
	struct vm_area_struct **insertion_point = prev ? &prev->vm_next : &mm->mmap;
	struct vm_area_struct *tail_vma = NULL;

	vma->vm_prev = NULL;
	do {
		vma_rb_erase(vma, &mm->mm_rb);
		mm->map_count--;
		tail_vma = vma;
		vma = vma->vm_next;
	} while (vma && vma->vm_start < end);
	*insertion_point = vma;
	if (vma) {
		vma->vm_prev = prev;
		vma_gap_update(vma);
	} else {
		update_highest_vm_end(mm, prev);
	}
	tail_vma->vm_next = NULL;
}

/* unmap_region - drop the pages and page tables of the detached areas. */
static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, unsigned long start, unsigned long end)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	update_hiwater_rss(mm);
	unmap_vmas(vma, start, end);
	free_pgtables(vma, prev ? prev->vm_end : 0, next ? next->vm_start : 0);
}

/* remove_vma_list - free the detached areas, uncounting their pages. */
static void remove_vma_list(struct mm_struct *mm, struct vm_area_struct *vma)
{
	while (vma) {
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma = remove_vma(vma);
	}
}

/**
 * do_munmap - unmap [start, start + len), splitting areas at the edges
 * Return: 0 (also when nothing was mapped there), -EINVAL for an
 * unaligned start, a zero or too long length; -ENOMEM if a split fails.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *prev, *last;
	unsigned long end;
	int error;

	if (offset_in_page(start) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (len == 0)
		return -EINVAL;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	prev = vma->vm_prev;
	if (start > vma->vm_start) {			/* keep the head */
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		error = split_vma(mm, vma, start, 0);
		if (error)
			return error;
		prev = vma;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start) {		/* keep the tail */
		error = split_vma(mm, last, end, 1);
		if (error)
			return error;
	}
	vma = prev ? prev->vm_next : mm->mmap;
	detach_vmas_to_be_unmapped(mm, vma, prev, end);
	unmap_region(mm, vma, prev, start, end);
	remove_vma_list(mm, vma);
	return 0;
}

/* --- brk ------------------------------------------------------------------- */

/* do_brk_flags - an anonymous data area [addr, addr + len), merged if it can be. */
static int do_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long flags = VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags;
	unsigned long mapped = get_unmapped_area(mm, NULL, addr, len, 0, MAP_FIXED);

	if (IS_ERR_VALUE(mapped))
		return mapped;
	if (mmap_region(mm, NULL, addr, len, flags, addr >> PAGE_SHIFT) != addr)
		return -ENOMEM;
	return 0;
}

/**
 * do_brk - move the program break (the end of the heap) to @brk
 *
 * Growing maps anonymous memory [old end, new end) after start_brk;
 * shrinking unmaps it.  Refused (the old break is returned) below
 * start_brk, into another mapping, or without memory.
 *
 * Return: the new break, or the unchanged old one.
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long newbrk, oldbrk, origbrk = mm->brk;
	struct vm_area_struct *next;

	if (brk < mm->start_brk)
		return origbrk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		return brk;
	}
	if (brk <= mm->brk) {				/* shrinking is always allowed */
		mm->brk = brk;
		if (do_munmap(mm, newbrk, oldbrk - newbrk)) {
			mm->brk = origbrk;
			return origbrk;
		}
		return brk;
	}
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return origbrk;				/* would run into a mapping */
	if (do_brk_flags(mm, oldbrk, newbrk - oldbrk))
		return origbrk;
	mm->brk = brk;
	return brk;
}

/* --- stacks ------------------------------------------------------------------ */

/**
 * expand_stack - grow the stack area @vma down to cover @address
 *
 * Refused if that would come closer than the guard gap to the area below,
 * or make the stack larger than its limit (8 MiB).
 *
 * Return: 0, or -ENOMEM.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long grow;

	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -ENOMEM;
	if (address >= vma->vm_start)
		return 0;
	if (address < mmap_min_addr)
		return -ENOMEM;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && address - prev->vm_end < STACK_GUARD_GAP)
		return -ENOMEM;
	if (prev && address < prev->vm_end)
		return -ENOMEM;
	if (vma->vm_end - address > STACK_RLIMIT)
		return -ENOMEM;
	grow = (vma->vm_start - address) >> PAGE_SHIFT;
	vma->vm_start = address;
	vma->vm_pgoff -= grow;
	vma_gap_update(vma);
	vm_stat_account(vma->vm_mm, vma->vm_flags, grow);
	return 0;
}

/* --- the end of an address space ------------------------------------------ */

/**
 * exit_mmap - free every page, page table and area of @mm
 *
 * Called when the last user of @mm is gone (mmput()).
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap;

	if (!vma)
		return;
	update_hiwater_rss(mm);
	unmap_vmas(vma, 0, -1UL);
	free_pgtables(vma, 0, 0);
	while (vma)
		vma = remove_vma(vma);
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	mm->highest_vm_end = 0;
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
}

/* --- checking ---------------------------------------------------------------- */

/* Check the tree: in order, gaps right, parents right.  Returns the count. */
static int browse_rb(struct mm_struct *mm, int *bugs)
{
	struct vm_area_struct *prev = NULL;
	struct rb_node *nd;
	int count = 0;

	for (nd = rb_first(&mm->mm_rb); nd; nd = rb_next(nd)) {
		struct vm_area_struct *vma = rb_entry(nd, struct vm_area_struct, vm_rb);
		unsigned long want = vma_compute_gap(vma);
		struct vm_area_struct *l = vma_of(nd->rb_left), *r = vma_of(nd->rb_right);

		if (vma->vm_start >= vma->vm_end || (prev && vma->vm_start < prev->vm_end)) {
			pr_err("validate_mm: area [%lx-%lx) out of order\n", vma->vm_start, vma->vm_end);
			(*bugs)++;
		}
		want = max(want, l ? l->rb_subtree_gap : 0);
		want = max(want, r ? r->rb_subtree_gap : 0);
		if (vma->rb_subtree_gap != want) {
			pr_err("validate_mm: [%lx-%lx) rb_subtree_gap %lx, should be %lx\n",
			       vma->vm_start, vma->vm_end, vma->rb_subtree_gap, want);
			(*bugs)++;
		}
		prev = vma;
		count++;
	}
	return count;
}

/**
 * validate_mm - check that @mm's list and tree agree and are consistent:
 * the same areas in the same order, sorted, not overlapping, linked both
 * ways, map_count and highest_vm_end right, every rb_subtree_gap right
 * Return: the number of problems found (0 for a good mm); each is printed.
 */
int validate_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *nd = rb_first(&mm->mm_rb);
	int bugs = 0, count = 0, in_tree;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next, count++) {
		if (vma->vm_prev != prev || vma->vm_mm != mm ||
		    &vma->vm_rb != nd || offset_in_page(vma->vm_start | vma->vm_end)) {
			pr_err("validate_mm: list area [%lx-%lx) badly linked\n",
			       vma->vm_start, vma->vm_end);
			bugs++;
		}
		nd = nd ? rb_next(nd) : NULL;
	}
	if (mm->highest_vm_end != (prev ? vm_end_gap(prev) : 0)) {
		pr_err("validate_mm: highest_vm_end %lx\n", mm->highest_vm_end);
		bugs++;
	}
	in_tree = browse_rb(mm, &bugs);
	if (count != mm->map_count || in_tree != count) {
		pr_err("validate_mm: map_count %d, list %d, tree %d\n", mm->map_count, count, in_tree);
		bugs++;
	}
	return bugs;
}

/* --- the system calls ----------------------------------------------------- */

/*
 * mmap - anonymous memory only, until files arrive (then file mappings go
 * through the same do_mmap()).  Linux: arch/x86/kernel/sys_x86_64.c.
 */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	struct file *file = NULL;

	if (offset_in_page(off))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	mmap_write_lock(mm);
	ret = do_mmap(mm, file, addr, len, prot, flags, off >> PAGE_SHIFT);
	mmap_write_unlock(mm);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	mmap_write_lock(mm);
	ret = do_brk(mm, brk);
	mmap_write_unlock(mm);
	return ret;
}
