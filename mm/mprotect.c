// SPDX-License-Identifier: GPL-2.0
/*
 * Changing the protection of a range (Linux: mm/mprotect.c).
 *
 * do_mprotect walks the areas of [start, end) in order; for each,
 * mprotect_fixup cuts off the parts outside the range (split_vma), sets
 * the new flags, rewrites the present PTEs (change_protection) and joins
 * the area with neighbours that now look the same.
 */
#include <kernel.h>
#include <errno.h>
#include <mm.h>
#include <sched.h>
#include <syscalls.h>

static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/*
 * mprotect_fixup - give [start, end), which lies inside @vma, @newflags
 * Sets *@pprev to the area now covering @start's part.
 * Return: 0, or -ENOMEM if a split fails.
 */
static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct vm_area_struct **pprev, unsigned long start,
			  unsigned long end, unsigned long newflags)
{
	int error;

	if (newflags == vma->vm_flags) {
		*pprev = vma;
		return 0;
	}
	/* private memory that becomes writable is charged (VM_ACCOUNT) */
	if ((newflags & VM_WRITE) &&
	    !(vma->vm_flags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE)))
		newflags |= VM_ACCOUNT;
	if (start != vma->vm_start) {
		error = split_vma(mm, vma, start, 1);
		if (error)
			return error;
	}
	if (end != vma->vm_end) {
		error = split_vma(mm, vma, end, 0);
		if (error)
			return error;
	}
	vma->vm_flags = newflags;
	vma_set_page_prot(vma);
	change_protection(vma, start, end, vma->vm_page_prot);
	*pprev = vma_merge_neighbours(mm, vma);
	return 0;
}

/**
 * do_mprotect - the mprotect() system call on @mm
 *
 * Return: 0; -EINVAL for an unaligned start or unknown prot bits;
 * -ENOMEM if the range is not entirely mapped (areas before the first
 * hole keep their new protection, as in Linux); -EACCES if an area may
 * never get the permission (VM_MAY* lacks it).
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot)
{
	struct vm_area_struct *vma, *prev;
	unsigned long nstart, end, tmp;
	int error;

	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	prev = start > vma->vm_start ? vma : vma->vm_prev;
	for (nstart = start;;) {
		unsigned long newflags = calc_vm_prot_bits(prot) |
					 (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC));

		if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC))
			return -EACCES;		/* VM_MAYx sit 4 bits above VM_x */
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(mm, vma, &prev, nstart, tmp, newflags);
		if (error)
			return error;
		nstart = max(tmp, prev->vm_end);
		if (nstart >= end)
			return 0;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart)
			return -ENOMEM;
	}
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_mprotect(mm, start, len, prot);
	mmap_write_unlock(mm);
	return ret;
}
