// SPDX-License-Identifier: GPL-2.0
/* Looking up one address in a set of page tables (Linux: lookup_address()). */
#include <kernel.h>
#include <mm.h>
#include <string.h>
#include <asm/init.h>
#include <asm/pgtable_walk.h>

/**
 * lookup_address_in_pgd - the leaf entry that maps @address under @pgd
 * @level: set to the leaf's size (PG_LEVEL_4K, _2M or _1G), or to the
 *	level where the walk stopped at an empty entry
 *
 * Return: the leaf entry (for a 2M or 1G page, the pmd or pud cast to a
 * pte_t *, as Linux does), or NULL if @address is not mapped.
 */
pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long address, unsigned int *level)
{
	pud_t *pud;
	pmd_t *pmd;

	*level = PG_LEVEL_NONE;
	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(pgd, address);
	*level = PG_LEVEL_1G;
	if (pud_none(*pud))
		return NULL;
	if (pud_large(*pud))
		return (pte_t *)pud;
	pmd = pmd_offset(pud, address);
	*level = PG_LEVEL_2M;
	if (pmd_none(*pmd))
		return NULL;
	if (pmd_large(*pmd))
		return (pte_t *)pmd;
	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, address);
}

/* lookup_address - the same in the kernel's page tables (init_mm). */
pte_t *lookup_address(unsigned long address, unsigned int *level)
{
	return lookup_address_in_pgd(pgd_offset_k(address), address, level);
}

/*
 * effective_prot - what the CPU allows through every level for @address:
 * writable only if RW is set at every level, executable only if NX is
 * clear at every level, user only if US is set at every level.
 * Return: the leaf's flags with RW/US/NX adjusted, 0 if not mapped.
 */
unsigned long effective_prot(pgd_t *pgd_base, unsigned long address)
{
	pgd_t *pgd = pgd_base + pgd_index(address);
	unsigned long and_bits = _PAGE_RW | _PAGE_USER, or_bits = 0, flags;
	unsigned int level;
	pte_t *leaf = lookup_address_in_pgd(pgd, address, &level);
	pud_t *pud;
	pmd_t *pmd;

	if (!leaf || !pte_present(*leaf))
		return 0;
	and_bits &= pgd_flags(*pgd);
	or_bits |= pgd_flags(*pgd) & _PAGE_NX;
	pud = pud_offset(pgd, address);
	if (level < PG_LEVEL_1G) {
		and_bits &= pud_flags(*pud);
		or_bits |= pud_flags(*pud) & _PAGE_NX;
		pmd = pmd_offset(pud, address);
		if (level < PG_LEVEL_2M) {
			and_bits &= pmd_flags(*pmd);
			or_bits |= pmd_flags(*pmd) & _PAGE_NX;
		}
	}
	flags = pte_flags(*leaf);
	return (flags & ~(_PAGE_RW | _PAGE_USER)) | (flags & and_bits) | or_bits;
}

/*
 * Page-table pages of a process (Linux: arch/x86/mm/pgtable.c).
 *
 * A new pgd starts with the kernel half (entries 256..511) copied from
 * swapper_pg_dir: every address space maps the kernel the same way, and
 * since those entries point at shared pud tables, a kernel mapping added
 * later below them is seen by all (sync_global_pgds() handles new pgd
 * entries).  The user half starts empty.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       KERNEL_PGD_PTRS * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/* One zeroed page for a page table below the pgd, counted against @mm. */
static void *pgtable_alloc_one(struct mm_struct *mm)
{
	void *table = (void *)get_zeroed_page(GFP_KERNEL);

	if (table)
		atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
	return table;
}

static void pgtable_free_one(struct mm_struct *mm, void *table)
{
	atomic_long_add(-(long)PAGE_SIZE, &mm->pgtables_bytes);
	free_page((unsigned long)table);
}

pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr) { return pgtable_alloc_one(mm); }
pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr) { return pgtable_alloc_one(mm); }
pte_t *pte_alloc_one(struct mm_struct *mm) { return pgtable_alloc_one(mm); }
void pud_free(struct mm_struct *mm, pud_t *pud) { pgtable_free_one(mm, pud); }
void pmd_free(struct mm_struct *mm, pmd_t *pmd) { pgtable_free_one(mm, pmd); }
void pte_free(struct mm_struct *mm, pte_t *pte) { pgtable_free_one(mm, pte); }

unsigned long mm_pgtables_bytes(const struct mm_struct *mm)
{
	return atomic_long_read(&mm->pgtables_bytes);
}

/*
 * protection_map: the page protection for each combination of
 * VM_READ, VM_WRITE, VM_EXEC and VM_SHARED.  Private writable areas get
 * read-only PTEs (PAGE_COPY): the first write faults, and do_wp_page()
 * decides whether to copy the page.  x86 cannot make a page
 * write-only or execute-only, so those get read access too.
 */
static const pgprot_t protection_map[16] = {
	[VM_NONE]					= PAGE_NONE,
	[VM_READ]					= PAGE_READONLY,
	[VM_WRITE]					= PAGE_COPY,
	[VM_WRITE | VM_READ]				= PAGE_COPY,
	[VM_EXEC]					= PAGE_READONLY_EXEC,
	[VM_EXEC | VM_READ]				= PAGE_READONLY_EXEC,
	[VM_EXEC | VM_WRITE]				= PAGE_COPY_EXEC,
	[VM_EXEC | VM_WRITE | VM_READ]			= PAGE_COPY_EXEC,
	[VM_SHARED]					= PAGE_NONE,
	[VM_SHARED | VM_READ]				= PAGE_READONLY,
	[VM_SHARED | VM_WRITE]				= PAGE_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ]		= PAGE_SHARED,
	[VM_SHARED | VM_EXEC]				= PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_READ]			= PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE]		= PAGE_SHARED_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ]	= PAGE_SHARED_EXEC,
};

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];
}
