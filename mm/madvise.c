// SPDX-License-Identifier: GPL-2.0
/*
 * madvise (Linux: mm/madvise.c).  MADV_DONTNEED drops the pages of the
 * range (zap_page_range): private anonymous memory reads as zeros next
 * time, a private file mapping shows the file again, a shared mapping
 * loses nothing (its pages stay in the page cache).  MADV_FREE does the
 * same, on private anonymous memory only.  MADV_REMOVE is for shared
 * writable mappings; Linux punches a hole in the file there, dissect
 * only drops the range's ptes (the file keeps its data).  MADV_DONTFORK
 * and MADV_DOFORK set and clear VM_DONTCOPY (fork leaves the area out).
 * MADV_COLD and MADV_PAGEOUT are reclaim hints, and there is no reclaim.
 * The other advice changes nothing here and is accepted.
 */
#include <kernel.h>
#include <errno.h>
#include <mm.h>
#include <sched.h>
#include <syscalls.h>

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_DONTFORK	10
#define MADV_DOFORK	11
#define MADV_MERGEABLE	12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE	14
#define MADV_NOHUGEPAGE	15
#define MADV_DONTDUMP	16
#define MADV_DODUMP	17
#define MADV_COLD	20
#define MADV_PAGEOUT	21

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_FREE: case MADV_REMOVE: case MADV_DONTFORK:
	case MADV_DOFORK: case MADV_MERGEABLE: case MADV_UNMERGEABLE: case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP: case MADV_COLD:
	case MADV_PAGEOUT:
		return true;
	default:
		return false;
	}
}

/*
 * madvise_dontneed_free - MADV_DONTNEED or MADV_FREE: drop the pages of
 * [start, end).  Return: 0; -EINVAL for a locked or raw-pfn area, and
 * MADV_FREE on anything but private anonymous memory (as Linux: a
 * shared anonymous area is a shmem file's mapping).
 */
static int madvise_dontneed_free(struct vm_area_struct *vma, unsigned long start,
				 unsigned long end, int behavior)
{
	if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
		return -EINVAL;
	if (behavior == MADV_FREE && !vma_is_anonymous(vma))
		return -EINVAL;
	zap_page_range(vma, start, end - start);
	return 0;
}

/*
 * madvise_remove - MADV_REMOVE: Linux's checks (madvise_remove()): a
 * locked area or one without a file is -EINVAL, one that cannot write
 * the file (private, or shared of a read-only open) -EACCES.  Linux then
 * punches a hole in the file; dissect drops the range's ptes only.
 * Return: 0 or that errno.
 */
static int madvise_remove(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	if ((vma->vm_flags & VM_LOCKED) || !vma->vm_file)
		return -EINVAL;
	if ((vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) != (VM_SHARED | VM_MAYWRITE))
		return -EACCES;
	zap_page_range(vma, start, end - start);
	return 0;
}

/* madvise_vma - apply @behavior to [start, end), which lies in @vma. */
static int madvise_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, int behavior)
{
	int err;

	switch (behavior) {
	case MADV_DONTNEED:
	case MADV_FREE:
		return madvise_dontneed_free(vma, start, end, behavior);
	case MADV_REMOVE:
		return madvise_remove(vma, start, end);
	case MADV_COLD:
	case MADV_PAGEOUT:
		return vma->vm_flags & (VM_LOCKED | VM_PFNMAP) ? -EINVAL : 0;
	case MADV_DONTFORK:
	case MADV_DOFORK:
		if (start != vma->vm_start && (err = split_vma(mm, vma, start, 1)))
			return err;
		if (end != vma->vm_end && (err = split_vma(mm, vma, end, 0)))
			return err;
		if (behavior == MADV_DONTFORK)
			vma->vm_flags |= VM_DONTCOPY;
		else
			vma->vm_flags &= ~VM_DONTCOPY;
		vma_merge_neighbours(mm, vma);
		return 0;
	default:
		return 0;
	}
}

/*
 * madvise - advice about [start, start + len)
 * Return: 0; -EINVAL for a bad start or advice; -ENOMEM if part of the
 * range is not mapped (the mapped parts still get the advice, as Linux).
 */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, len = PAGE_ALIGN(len_in);
	long err = 0, unmapped = 0;

	if (offset_in_page(start) || !madvise_behavior_valid(behavior))
		return -EINVAL;
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	mmap_write_lock(mm);
	while (start < end && !err) {
		struct vm_area_struct *vma = find_vma(mm, start);
		unsigned long this_end;

		if (!vma || vma->vm_start >= end) {
			unmapped = -ENOMEM;
			break;
		}
		if (vma->vm_start > start) {
			unmapped = -ENOMEM;
			start = vma->vm_start;
		}
		this_end = min(end, vma->vm_end);
		err = madvise_vma(mm, vma, start, this_end, behavior);
		start = this_end;
	}
	mmap_write_unlock(mm);
	return err ? err : unmapped;
}
