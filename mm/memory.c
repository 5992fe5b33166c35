// SPDX-License-Identifier: GPL-2.0
/*
 * The page tables of an address space (Linux: mm/memory.c): allocating
 * levels, handling faults, and tearing mappings down.
 *
 * Every walker has one function per level, all the same shape:
 *
 *	next = pmd_addr_end(addr, end);      the end of this entry's span
 *	if (pmd_none_or_clear_bad(pmd))      nothing (or garbage) below
 *		continue;
 *	... the level below for [addr, next) ...
 *	} while (pmd++, addr = next, addr != end);
 *
 * and only the pte level does real work.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <moduleparam.h>
#include <sched.h>
#include <string.h>
#include <asm/pgalloc.h>

struct page *zero_page;

/*
 * --- allocating levels: *_alloc() in mm.h call these when empty ----
 *
 * Each returns 0 once the entry points at a table, or -ENOMEM.  Another
 * thread's fault may fill the entry while we allocate: the entry is
 * checked again with preemption off (Linux: under mm->page_table_lock),
 * and if it is no longer empty, the table already there stays and ours
 * is freed.
 */

int __pud_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address)
{
	pud_t *new = pud_alloc_one(mm, address);

	if (!new)
		return -ENOMEM;
	preempt_disable();
	if (pgd_none(*pgd)) {
		pgd_populate(mm, pgd, new);
		new = NULL;
	}
	preempt_enable();
	if (new)
		pud_free(mm, new);
	return 0;
}

int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)
{
	pmd_t *new = pmd_alloc_one(mm, address);

	if (!new)
		return -ENOMEM;
	preempt_disable();
	if (pud_none(*pud)) {
		pud_populate(mm, pud, new);
		new = NULL;
	}
	preempt_enable();
	if (new)
		pmd_free(mm, new);
	return 0;
}

int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *new = pte_alloc_one(mm);

	if (!new)
		return -ENOMEM;
	preempt_disable();
	if (pmd_none(*pmd)) {
		pmd_populate(mm, pmd, new);
		new = NULL;
	}
	preempt_enable();
	if (new)
		pte_free(mm, new);
	return 0;
}

/**
 * follow_pte - the pte mapping @address in @mm, without allocating
 * Return: the pte (possibly none), or NULL if a level above is missing.
 */
pte_t *follow_pte(struct mm_struct *mm, unsigned long address)
{
	pgd_t *pgd = pgd_offset(mm, address);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none_or_clear_bad(pgd))
		return NULL;
	pud = pud_offset(pgd, address);
	if (pud_none_or_clear_bad(pud))
		return NULL;
	pmd = pmd_offset(pud, address);
	if (pmd_none_or_clear_bad(pmd))
		return NULL;
	return pte_offset_map(pmd, address);
}

/* A pte pointing past the end of memory: say so (Linux: the same name). */
void print_bad_pte(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	pr_alert("BUG: Bad page map: pte %016lx at %#lx in [%lx-%lx)\n", pte_val(pte), addr,
		 vma->vm_start, vma->vm_end);
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* The writable form of @pte if the area may be written. */
static inline pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_WRITE)
		pte = pte_mkwrite(pte_mkdirty(pte));
	return pte;
}

/* --- faults ------------------------------------------------------------ */

/*
 * do_anonymous_page - first touch of a page of anonymous memory
 *
 * A read maps the shared zero page read-only: reading untouched memory
 * costs no memory.  A write maps a fresh zeroed page.  (Shared anonymous
 * memory never comes here: it is a shmem file, see mm/shmem.c.)  If
 * another thread mapped the page while we allocated, its page stays and
 * ours is freed.
 */
static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page = NULL;
	pte_t entry;

	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		entry = pte_mkspecial(pfn_pte(page_to_pfn(ZERO_PAGE(vmf->address)),
					      vma->vm_page_prot));
		entry = pte_wrprotect(entry);
	} else {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return VM_FAULT_OOM;
		entry = maybe_mkwrite(mk_pte(page, vma->vm_page_prot), vma);
	}
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address);
	if (!pte_none(*vmf->pte)) {
		pte_unmap_unlock(vmf->pte);
		if (page)
			put_page(page);
		return 0;
	}
	if (page) {
		inc_mm_counter(vma->vm_mm, MM_ANONPAGES);
		page_add_new_anon_rmap(page);
	}
	set_pte(vmf->pte, entry);
	pte_unmap_unlock(vmf->pte);
	return 0;
}

/*
 * wp_page_reuse - the faulting mapping is the page's only user: just
 * make the pte writable, no copy.  Called with the pte locked; unlocks.
 */
static vm_fault_t wp_page_reuse(struct vm_fault *vmf)
{
	pte_t entry = pte_mkyoung(vmf->orig_pte);

	if (mmtrace_on())
		pr_info("mmtrace: do_wp_page pid %d addr %lx pfn %lx reuse\n", current->pid,
			vmf->address, pte_pfn(vmf->orig_pte));
	set_pte(vmf->pte, maybe_mkwrite(entry, vmf->vma));
	flush_tlb_page(vmf->vma, vmf->address);
	pte_unmap_unlock(vmf->pte);
	return 0;
}

/*
 * wp_page_copy - give the faulting mapping its own copy of the page
 *
 * High level logic flow:
 *   - allocate a page: zeroed if the old one is the zero page, else a copy
 *   - lock the pte; if it changed meanwhile (another thread's fault got
 *     there first), free the copy and let the access try again
 *   - point the pte at it, writable; flush the old translation
 *   - drop the old page's mapping and reference (its other users keep it)
 *
 * Called unlocked, holding a reference to the old page (do_wp_page()),
 * which it drops.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *old_page = vmf->page, *new_page;
	vm_fault_t ret = 0;

	new_page = alloc_page(GFP_KERNEL | (old_page ? 0 : __GFP_ZERO));
	if (!new_page) {
		ret = VM_FAULT_OOM;
		goto out;
	}
	if (old_page)
		copy_page(page_address(new_page), page_address(old_page));
	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address);
	if (!pte_same(*vmf->pte, vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte);
		put_page(new_page);
		goto out;
	}
	if (mmtrace_on())
		pr_info("mmtrace: do_wp_page pid %d addr %lx pfn %lx -> %lx copy%s\n",
			current->pid, vmf->address, pte_pfn(vmf->orig_pte),
			page_to_pfn(new_page), old_page ? "" : " (zero page)");

	if (!old_page || !PageAnon(old_page)) {
		if (old_page)
			dec_mm_counter(mm, mm_counter(old_page));
		inc_mm_counter(mm, MM_ANONPAGES);
	}
	page_add_new_anon_rmap(new_page);
	set_pte(vmf->pte, maybe_mkwrite(mk_pte(new_page, vma->vm_page_prot), vma));
	flush_tlb_page(vma, vmf->address);
	if (old_page) {
		page_remove_rmap(old_page);
		put_page(old_page);		/* the mapping's reference */
	}
	pte_unmap_unlock(vmf->pte);
out:
	if (old_page)
		put_page(old_page);		/* ours, from do_wp_page() */
	return ret;
}

/*
 * do_page_mkwrite - tell a shared file mapping's file that @vmf->page is
 * about to be written (it may refuse: SIGBUS past the end of the file)
 */
static vm_fault_t do_page_mkwrite(struct vm_fault *vmf)
{
	const struct vm_operations_struct *ops = vmf->vma->vm_ops;

	return ops && ops->page_mkwrite ? ops->page_mkwrite(vmf) : 0;
}

/*
 * wp_page_shared - the first write to a page of a shared mapping: no copy.
 * Called with the pte locked (->page_mkwrite must not sleep); unlocks.
 */
static vm_fault_t wp_page_shared(struct vm_fault *vmf)
{
	vm_fault_t ret = do_page_mkwrite(vmf);

	if (ret) {
		pte_unmap_unlock(vmf->pte);
		return ret;
	}
	return wp_page_reuse(vmf);
}

/*
 * do_wp_page - a write to a present, read-only pte of a writable area
 *
 * The page is copied (wp_page_copy) if it is the zero page or anyone else
 * still holds it; if this mapping is its only user, it is reused in
 * place (wp_page_reuse).  Shared areas always reuse: writes must reach
 * the one page everybody maps.
 *
 * Called with the pte locked (and still vmf->orig_pte); unlocks.  The
 * copy is made unlocked, so the old page is held by a reference of ours
 * meanwhile: another thread's copy may drop the pte's.
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	vmf->page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	if (vmf->page && (vma->vm_flags & VM_SHARED))
		return wp_page_shared(vmf);
	if (vmf->page && PageAnon(vmf->page) && page_ref_count(vmf->page) == 1)
		return wp_page_reuse(vmf);
	if (vmf->page)
		get_page(vmf->page);
	pte_unmap_unlock(vmf->pte);
	return wp_page_copy(vmf);
}

/*
 * fault_raced_truncate - under the pte lock, before do_fault() maps the
 * page-cache page ->fault() found: did a truncation get there first?  It
 * sets i_size, then zaps every mapping and drops the cached pages, each
 * step with preemption off (the pte lock, on one CPU).  So if the page is
 * still the file's and inside i_size now, a later zap will find our pte.
 * Return: 0 to map it; VM_FAULT_SIGBUS if the file now ends before it;
 * VM_FAULT_NOPAGE if it left the page cache (the file was cut and grew
 * again): the access faults again and finds the page there now.
 */
static vm_fault_t fault_raced_truncate(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;

	if (vmf->pgoff >= DIV_ROUND_UP(mapping->host->i_size, PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	return vmf->page->mapping == mapping ? 0 : VM_FAULT_NOPAGE;
}

/*
 * do_fault - first touch of a page of a file-backed area: the area's
 * ->fault() finds the page (with a reference for us), and we map it --
 * unless another thread mapped it meanwhile, or a truncation took it
 * away (fault_raced_truncate()): then we drop our reference.
 */
static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;
	pte_t entry;

	if (!vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	if (pte_alloc(vma->vm_mm, vmf->pmd))
		return VM_FAULT_OOM;
	ret = vma->vm_ops->fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return ret;
	if ((vmf->flags & FAULT_FLAG_WRITE) && (vma->vm_flags & VM_SHARED)) {
		ret = do_page_mkwrite(vmf);
		if (ret) {
			put_page(vmf->page);
			return ret;
		}
	}
	entry = mk_pte(vmf->page, vma->vm_page_prot);
	if ((vmf->flags & FAULT_FLAG_WRITE) && (vma->vm_flags & VM_SHARED))
		entry = maybe_mkwrite(entry, vma);
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address);
	ret = pte_none(*vmf->pte) ? fault_raced_truncate(vmf) : VM_FAULT_NOPAGE;
	if (ret) {
		pte_unmap_unlock(vmf->pte);
		put_page(vmf->page);
		return ret;
	}
	page_dup_rmap(vmf->page);
	inc_mm_counter(vma->vm_mm, mm_counter(vmf->page));
	set_pte(vmf->pte, entry);
	if ((vmf->flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED)) {
		vmf->orig_pte = entry;
		return do_wp_page(vmf);		/* a private copy right away; unlocks */
	}
	pte_unmap_unlock(vmf->pte);
	return 0;
}

/*
 * handle_pte_fault - decide what a fault on one pte means
 *
 *   no pte yet            first touch: do_anonymous_page() or do_fault()
 *   write to a read-only  do_wp_page(): copy-on-write or reuse
 *   anything else         another access raced us here: just mark the
 *                         pte young (and dirty on a write)
 *
 * A present pte is looked at again under the pte lock: if another
 * thread's fault changed it since, there is nothing to do (the access
 * is simply tried again).
 */
static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry;

	vmf->pte = NULL;
	if (!pmd_none(*vmf->pmd)) {
		vmf->pte = pte_offset_map(vmf->pmd, vmf->address);
		vmf->orig_pte = *vmf->pte;
		if (pte_none(vmf->orig_pte))
			vmf->pte = NULL;
	}
	if (!vmf->pte)
		return vma_is_anonymous(vmf->vma) ? do_anonymous_page(vmf) : do_fault(vmf);

	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd, vmf->address);
	entry = vmf->orig_pte;
	if (!pte_same(*vmf->pte, entry))
		goto unlock;
	if (vmf->flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return do_wp_page(vmf);		/* unlocks */
		entry = pte_mkdirty(entry);
	}
	set_pte(vmf->pte, pte_mkyoung(entry));
unlock:
	pte_unmap_unlock(vmf->pte);
	return 0;
}

/**
 * handle_mm_fault - resolve a fault at @address in @vma
 * @flags: FAULT_FLAG_WRITE etc.
 *
 * The caller has checked that @vma allows the access.  Missing
 * page-table levels are allocated on the way down.
 *
 * Return: 0, or VM_FAULT_OOM / VM_FAULT_SIGBUS / VM_FAULT_SIGSEGV.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.flags = flags,
		.pgoff = vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT),
	};
	struct mm_struct *mm = vma->vm_mm;
	pgd_t *pgd = pgd_offset(mm, address);
	pud_t *pud;
	vm_fault_t ret;

	pud = pud_alloc(mm, pgd, address);
	if (!pud)
		return VM_FAULT_OOM;
	vmf.pmd = pmd_alloc(mm, pud, address);
	if (!vmf.pmd)
		return VM_FAULT_OOM;
	ret = handle_pte_fault(&vmf);
	update_hiwater_rss(mm);
	return ret;
}

/* --- tearing mappings down ------------------------------------------- */

/* Add a page table's worth of RSS changes to @mm's counters at once. */
static void add_mm_rss_vec(struct mm_struct *mm, const int *rss)
{
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i])
			atomic_long_add(rss[i], &mm->rss_stat[i]);
}

/*
 * A gather of pages being unmapped (Linux: struct mmu_gather, much
 * reduced).  A page may go back to the allocator only once no TLB can
 * still reach it through the translation just cleared; so zap_pte_range()
 * clears ptes, gathers their pages, and tlb_flush_mmu() flushes the
 * range's translations once for the whole batch before dropping them --
 * after the pte lock is released, as in Linux: nothing under it may sleep.
 */
#define TLB_BATCH	64

struct mmu_gather {
	struct vm_area_struct *vma;
	unsigned long start, end;		/* the range cleared since the last flush */
	unsigned int nr;
	struct page *pages[TLB_BATCH];
};

/* An empty gather for @vma (its page array is filled before it is read). */
static void tlb_gather_mmu(struct mmu_gather *tlb, struct vm_area_struct *vma)
{
	tlb->vma = vma;
	tlb->start = tlb->end = 0;
	tlb->nr = 0;
}

/* Flush the gathered range's translations, then drop the gathered pages. */
static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	if (tlb->end > tlb->start)
		flush_tlb_range(tlb->vma, tlb->start, tlb->end);
	for (unsigned int i = 0; i < tlb->nr; i++)
		put_page(tlb->pages[i]);
	tlb->nr = 0;
	tlb->start = tlb->end = 0;
}

/*
 * tlb_remove_page - the pte at @addr is cleared: note its range, and its
 * @page (or NULL)
 * Return: true if the gather is full: the caller must tlb_flush_mmu()
 * (once it has dropped the pte lock) before gathering more.
 */
static bool tlb_remove_page(struct mmu_gather *tlb, unsigned long addr, struct page *page)
{
	if (tlb->end == tlb->start)
		tlb->start = addr;
	tlb->end = addr + PAGE_SIZE;
	if (page)
		tlb->pages[tlb->nr++] = page;
	return tlb->nr == TLB_BATCH;
}

/*
 * zap_pte_range - clear the ptes of [addr, end); their pages go to @tlb
 *
 * Under the pte lock: truncation zaps the ptes of every mapping of a file
 * (unmap_mapping_range()) without their mm's mmap_lock, so each pte is
 * read and cleared in one locked section.  When the gather fills, the
 * walk stops there: the lock is dropped, the gather flushed (its pages
 * freed), and the caller calls again for the rest.
 * Return: where it stopped: @end, or the address after the last pte
 * cleared if the gather filled.
 */
static unsigned long zap_pte_range(struct mmu_gather *tlb, pmd_t *pmd,
				   unsigned long addr, unsigned long end)
{
	struct vm_area_struct *vma = tlb->vma;
	pte_t *start_pte = pte_offset_map_lock(vma->vm_mm, pmd, addr), *pte = start_pte;
	int rss[NR_MM_COUNTERS] = { 0 };
	bool force_flush = false;

	do {
		pte_t ptent = *pte;
		struct page *page;

		if (pte_none(ptent))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		pte_clear(pte);
		if (page) {
			rss[mm_counter(page)]--;
			page_remove_rmap(page);
		}
		if (tlb_remove_page(tlb, addr, page)) {
			force_flush = true;
			addr += PAGE_SIZE;
			break;
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);
	add_mm_rss_vec(vma->vm_mm, rss);
	pte_unmap_unlock(start_pte);
	if (force_flush)
		tlb_flush_mmu(tlb);
	return addr;
}

static void zap_pmd_range(struct mmu_gather *tlb, pud_t *pud,
			  unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none_or_clear_bad(pmd))
			continue;
		while ((addr = zap_pte_range(tlb, pmd, addr, next)) != next)
			;			/* the gather filled and was flushed */
	} while (pmd++, addr = next, addr != end);
}

static void zap_pud_range(struct mmu_gather *tlb, pgd_t *pgd,
			  unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none_or_clear_bad(pud))
			continue;
		zap_pmd_range(tlb, pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

/* unmap_page_range - drop every page mapped in [addr, end) of tlb->vma. */
static void unmap_page_range(struct mmu_gather *tlb, unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset(tlb->vma->vm_mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none_or_clear_bad(pgd))
			continue;
		zap_pud_range(tlb, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
}

static void unmap_single_vma(struct vm_area_struct *vma, unsigned long start_addr,
			     unsigned long end_addr)
{
	unsigned long start = max(vma->vm_start, start_addr);
	unsigned long end = min(vma->vm_end, end_addr);
	struct mmu_gather tlb;

	if (start >= end)
		return;
	tlb_gather_mmu(&tlb, vma);
	unmap_page_range(&tlb, start, end);
	tlb_flush_mmu(&tlb);			/* Linux: tlb_finish_mmu() */
}

/**
 * unmap_vmas - drop the pages of every area from @vma on, within
 * [start_addr, end_addr); page tables stay (free_pgtables() frees them)
 */
void unmap_vmas(struct vm_area_struct *vma, unsigned long start_addr,
		unsigned long end_addr)
{
	for (; vma && vma->vm_start < end_addr; vma = vma->vm_next)
		unmap_single_vma(vma, start_addr, end_addr);
}

/* zap_page_range - drop the pages of [start, start + size) in @vma. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size)
{
	update_hiwater_rss(vma->vm_mm);
	unmap_single_vma(vma, start, start + size);
}

/* --- freeing page-table pages ------------------------------------------
 *
 * After unmap_vmas() the tables of a removed range are empty, but a
 * table can be freed only if no other area uses any part of it.  The
 * callers pass @floor and @ceiling: the end of the area below and the
 * start of the area above the range, which must keep their tables.  At
 * each level a table is freed only if its whole span lies in
 * [floor, ceiling).
 */
static void free_pte_range(struct mm_struct *mm, pmd_t *pmd)
{
	pte_t *pte = (pte_t *)pmd_page_vaddr(*pmd);

	pmd_clear(pmd);
	pte_free(mm, pte);
}

static void free_pmd_range(struct mm_struct *mm, pud_t *pud, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long next, start = addr;
	pmd_t *pmd = pmd_offset(pud, addr);

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none_or_clear_bad(pmd))
			continue;
		free_pte_range(mm, pmd);
	} while (pmd++, addr = next, addr != end);

	start &= PUD_MASK;
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= PUD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pmd = pmd_offset(pud, start);
	pud_clear(pud);
	pmd_free(mm, pmd);
}

static void free_pud_range(struct mm_struct *mm, pgd_t *pgd, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long next, start = addr;
	pud_t *pud = pud_offset(pgd, addr);

	do {
		next = pud_addr_end(addr, end);
		if (pud_none_or_clear_bad(pud))
			continue;
		free_pmd_range(mm, pud, addr, next, floor, ceiling);
	} while (pud++, addr = next, addr != end);

	start &= PGDIR_MASK;
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= PGDIR_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pud = pud_offset(pgd, start);
	pgd_clear(pgd);
	pud_free(mm, pud);
}

/**
 * free_pgd_range - free the page tables of [addr, end) that no address
 * outside [floor, ceiling) needs (ceiling 0 means the top of memory)
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	/* pte tables cover 2 MiB: widen to whole ones within [floor, ceiling) */
	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;

	pgd = pgd_offset(mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none_or_clear_bad(pgd))
			continue;
		free_pud_range(mm, pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
	flush_tlb_mm(mm);
}

/**
 * free_pgtables - free the page tables under @vma and the areas after it
 * @floor: the end of the area before @vma (0 if none)
 * @ceiling: the start of the area after the last one (0 if none)
 *
 * Each file area first leaves its file's i_mmap list (unlink_file_vma()),
 * as in Linux: a truncation walks the page tables of every area on that
 * list, and this may be preempted while it frees them.
 * Neighbouring areas closer than a pmd apart are handled in one walk.
 */
void free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling)
{
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		unsigned long addr = vma->vm_start;

		unlink_file_vma(vma);
		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = vma->vm_next;
			unlink_file_vma(vma);
		}
		free_pgd_range(vma->vm_mm, addr, vma->vm_end, floor,
			       next ? next->vm_start : ceiling);
		vma = next;
	}
}

/* --- changing protections (mprotect) ------------------------------------ */

/*
 * change_pte_range - give the present ptes of [addr, end) @newprot
 * Under the pte lock, as zap_pte_range(): a truncation must not clear a
 * pte between our reading it and writing it back.
 * Return: the number of ptes changed.
 */
static unsigned long change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
				      unsigned long addr, unsigned long end, pgprot_t newprot)
{
	pte_t *start_pte = pte_offset_map_lock(vma->vm_mm, pmd, addr), *pte = start_pte;
	unsigned long pages = 0;

	do {
		if (!pte_present(*pte))
			continue;
		set_pte(pte, pte_modify(*pte, newprot));
		pages++;
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(start_pte);
	return pages;
}

static unsigned long change_pmd_range(struct vm_area_struct *vma, pud_t *pud,
				      unsigned long addr, unsigned long end, pgprot_t newprot)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next, pages = 0;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none_or_clear_bad(pmd))
			continue;
		pages += change_pte_range(vma, pmd, addr, next, newprot);
	} while (pmd++, addr = next, addr != end);
	return pages;
}

static unsigned long change_pud_range(struct vm_area_struct *vma, pgd_t *pgd,
				      unsigned long addr, unsigned long end, pgprot_t newprot)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next, pages = 0;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none_or_clear_bad(pud))
			continue;
		pages += change_pmd_range(vma, pud, addr, next, newprot);
	} while (pud++, addr = next, addr != end);
	return pages;
}

/**
 * change_protection - give the present ptes of [start, end) @newprot,
 * keeping their frames and accessed/dirty bits
 * Return: the number of ptes changed.
 */
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot)
{
	unsigned long next, pages = 0, addr = start;
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none_or_clear_bad(pgd))
			continue;
		pages += change_pud_range(vma, pgd, addr, next, newprot);
	} while (pgd++, addr = next, addr != end);
	if (pages)
		flush_tlb_range(vma, start, end);
	return pages;
}

/* --- another address space's memory ---------------------------------- */

/*
 * get_remote_page - fault the page of @addr in @vma in (for writing if
 * @write) and take a reference to it, with the pte looked at under the
 * pte lock: a truncation zapping the pte afterwards cannot free the page
 * under our copy (Linux: get_user_pages_remote()).  A fault that lost its
 * page to a truncation again (no pte after it) is retried a few times.
 * Return: the page with a reference, or NULL.
 */
static struct page *get_remote_page(struct vm_area_struct *vma, unsigned long addr, bool write)
{
	for (int tries = 0; tries < 4; tries++) {
		struct page *page = NULL;
		pte_t *pte;

		if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0) & VM_FAULT_ERROR)
			return NULL;
		preempt_disable();		/* the pte lock (pte_offset_map_lock()) */
		pte = follow_pte(vma->vm_mm, addr);
		if (pte && pte_present(*pte)) {
			page = pfn_to_page(pte_pfn(*pte));
			get_page(page);
		}
		preempt_enable();
		if (page)
			return page;
	}
	return NULL;
}

/**
 * access_remote_vm - read or write @len bytes at @addr in @mm, faulting
 * pages in as needed (Linux: mm/memory.c; used by exec to fill a new
 * address space and by /proc/PID/cmdline)
 * @write: copy @buf into @mm; a write into a read-only private area gets
 *	a private copy of the page, as ptrace's forced writes do
 *
 * Return: the number of bytes copied (short at an unmapped address).
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len, bool write)
{
	int done = 0;

	while (done < len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long offset = offset_in_page(addr);
		int n = min_t(int, len - done, PAGE_SIZE - offset);
		struct page *page;

		if (!vma || vma->vm_start > addr)
			break;
		page = get_remote_page(vma, addr, write);
		if (!page)
			break;
		if (write)
			memcpy((char *)page_address(page) + offset, (char *)buf + done, n);
		else
			memcpy((char *)buf + done, (char *)page_address(page) + offset, n);
		put_page(page);
		done += n;
		addr += n;
	}
	return done;
}

/* --- fork: copying an area's page tables ---------------------------------
 *
 *   copy_page_range(dst_mm, src_mm, vma)     pgd entries of the area
 *     copy_pud_range                         pud entries
 *       copy_pmd_range                       pmd entries
 *         copy_pte_range                     ptes: copy_present_pte()
 *
 * No page is copied: the child's ptes point at the parent's pages, whose
 * reference and map counts rise.  In a private writable (COW) area both
 * the parent's pte and the child's become read-only, so the first write
 * on either side faults into do_wp_page(), which copies the page then.
 */

/* How much copy_page_range() visited, for the mmtrace lines. */
struct copy_stats {
	unsigned long pgd, pud, pmd, pte, wrprotected;
};

bool mmtrace_enabled;			/* "mmtrace" on the command line */

static int mmtrace_setup(char *val)
{
	mmtrace_enabled = true;
	return 0;
}
__setup("mmtrace", mmtrace_setup);

/* Does @mm's owner want the story told (mmtrace, or prctl for one process)? */
bool mmtrace_on(void)
{
	return mmtrace_enabled || current->mmtrace;
}

/*
 * copy_present_pte - give the child's pte the parent's page; in a COW
 * area write-protect both sides.  The child's pte starts old (not
 * accessed); in a shared area clean (the parent keeps the dirty bit).
 * The child's resident pages are counted in @rss, added to its mm once
 * per page table (Linux does the same: add_mm_rss_vec()).
 */
static inline void copy_present_pte(struct vm_area_struct *vma, pte_t *dst_pte,
				    pte_t *src_pte, unsigned long addr, int *rss,
				    struct copy_stats *st)
{
	pte_t pte = *src_pte;
	struct page *page = vm_normal_page(vma, addr, pte);

	if (page) {
		get_page(page);
		page_dup_rmap(page);
		rss[mm_counter(page)]++;
	}
	if (is_cow_mapping(vma->vm_flags) && pte_write(pte)) {
		ptep_set_wrprotect(src_pte);
		pte = pte_wrprotect(pte);
		st->wrprotected++;
	}
	if (vma->vm_flags & VM_SHARED)
		pte = pte_mkclean(pte);
	set_pte(dst_pte, pte_mkold(pte));
}

/*
 * copy_pte_range - copy the ptes of [addr, end) into @dst_pmd's table,
 * allocated first if missing
 *
 * Both tables are locked around the copy (on one CPU, the second lock
 * only nests): a truncation zapping the parent's ptes, or the child's
 * (its area is on the file's i_mmap list already), runs before or after
 * the copy of a table, never inside it.
 * Return: 0, or -ENOMEM if the child's table could not be allocated.
 */
static int copy_pte_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr,
			  unsigned long end, struct copy_stats *st)
{
	pte_t *orig_dst_pte, *orig_src_pte, *dst_pte, *src_pte;
	int rss[NR_MM_COUNTERS] = { 0 };

	orig_dst_pte = dst_pte = pte_alloc_map_lock(dst_mm, dst_pmd, addr);
	if (!dst_pte)
		return -ENOMEM;
	orig_src_pte = src_pte = pte_offset_map_lock(vma->vm_mm, src_pmd, addr);
	do {
		if (pte_none(*src_pte))
			continue;
		st->pte++;
		copy_present_pte(vma, dst_pte, src_pte, addr, rss, st);
	} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(orig_src_pte);
	pte_unmap_unlock(orig_dst_pte);
	add_mm_rss_vec(dst_mm, rss);
	return 0;
}

static int copy_pmd_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  pud_t *dst_pud, pud_t *src_pud, unsigned long addr,
			  unsigned long end, struct copy_stats *st)
{
	pmd_t *dst_pmd = pmd_alloc(dst_mm, dst_pud, addr), *src_pmd;
	unsigned long next;

	if (!dst_pmd)
		return -ENOMEM;
	src_pmd = pmd_offset(src_pud, addr);
	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none_or_clear_bad(src_pmd))
			continue;
		st->pmd++;
		if (copy_pte_range(dst_mm, vma, dst_pmd, src_pmd, addr, next, st))
			return -ENOMEM;
	} while (dst_pmd++, src_pmd++, addr = next, addr != end);
	return 0;
}

static int copy_pud_range(struct mm_struct *dst_mm, struct vm_area_struct *vma,
			  pgd_t *dst_pgd, pgd_t *src_pgd, unsigned long addr,
			  unsigned long end, struct copy_stats *st)
{
	pud_t *dst_pud = pud_alloc(dst_mm, dst_pgd, addr), *src_pud;
	unsigned long next;

	if (!dst_pud)
		return -ENOMEM;
	src_pud = pud_offset(src_pgd, addr);
	do {
		next = pud_addr_end(addr, end);
		if (pud_none_or_clear_bad(src_pud))
			continue;
		st->pud++;
		if (copy_pmd_range(dst_mm, vma, dst_pud, src_pud, addr, next, st))
			return -ENOMEM;
	} while (dst_pud++, src_pud++, addr = next, addr != end);
	return 0;
}

static void trace_copy_page_range(struct vm_area_struct *vma, const struct copy_stats *st)
{
	unsigned long f = vma->vm_flags;

	pr_info("mmtrace: fork %d: copy_page_range %08lx-%08lx %c%c%c%c: pgd %lu pud %lu pmd %lu pte %lu visited, %lu write-protected\n",
		current->pid, vma->vm_start, vma->vm_end,
		f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-', f & VM_EXEC ? 'x' : '-',
		f & VM_MAYSHARE ? 's' : 'p', st->pgd, st->pud, st->pmd, st->pte, st->wrprotected);
}

/**
 * copy_page_range - fork: copy the page tables of @vma from @src_mm to @dst_mm
 *
 * Return: 0, or -ENOMEM if a page-table page could not be allocated (the
 * ptes copied so far stay; the caller's mmput() of @dst_mm undoes them).
 */
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start, end = vma->vm_end, next;
	pgd_t *src_pgd = pgd_offset(src_mm, addr), *dst_pgd = pgd_offset(dst_mm, addr);
	struct copy_stats st = { 0 };
	int ret = 0;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none_or_clear_bad(src_pgd))
			continue;
		st.pgd++;
		if (copy_pud_range(dst_mm, vma, dst_pgd, src_pgd, addr, next, &st)) {
			ret = -ENOMEM;
			break;
		}
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);
	if (st.wrprotected)
		flush_tlb_range(vma, vma->vm_start, vma->vm_end);	/* the parent's */
	if (mmtrace_on())
		trace_copy_page_range(vma, &st);
	return ret;
}
