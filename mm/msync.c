// SPDX-License-Identifier: GPL-2.0
/*
 * msync (Linux: mm/msync.c).  A shared file mapping's writes are already
 * in the page cache, and there is no disk behind it: there is nothing to
 * write back.  The arguments are checked as Linux does.
 */
#include <kernel.h>
#include <errno.h>
#include <mm.h>
#include <sched.h>
#include <syscalls.h>

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	long err = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (offset_in_page(start) || ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end < start)
		return -ENOMEM;
	mmap_read_lock(mm);
	while (start < end) {			/* every byte must be mapped */
		struct vm_area_struct *vma = find_vma(mm, start);

		if (!vma || vma->vm_start > start) {
			err = -ENOMEM;
			break;
		}
		start = vma->vm_end;
	}
	mmap_read_unlock(mm);
	return err;
}
