// SPDX-License-Identifier: GPL-2.0
/* Looking up one address in a set of page tables (Linux: lookup_address()). */
#include <kernel.h>
#include <mm.h>
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
