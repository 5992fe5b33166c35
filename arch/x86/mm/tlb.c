// SPDX-License-Identifier: GPL-2.0
/*
 * TLB flushes for user mappings (Linux: arch/x86/mm/tlb.c).  After a PTE
 * of an address space loses a permission or a page, the CPU must forget
 * its cached translation -- but only if that address space is the one
 * loaded in CR3 (dissect has one CPU; others would need an IPI).
 */
#include <mm.h>
#include <asm/tlbflush.h>

static bool mm_is_loaded(struct mm_struct *mm)
{
	return (__read_cr3() & PTE_PFN_MASK) == __pa(mm->pgd);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	if (mm_is_loaded(vma->vm_mm))
		__flush_tlb_one_kernel(addr);
}

#define FLUSH_ONE_BY_ONE_MAX	33	/* Linux's tlb_single_page_flush_ceiling */

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	if (!mm_is_loaded(vma->vm_mm))
		return;
	if ((end - start) >> PAGE_SHIFT > FLUSH_ONE_BY_ONE_MAX) {
		__flush_tlb_local();
		return;
	}
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	if (mm_is_loaded(mm))
		__flush_tlb_local();
}
