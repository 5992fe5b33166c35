/* SPDX-License-Identifier: GPL-2.0 */
/* Linking a new page-table page into the level above (Linux: asm/pgalloc.h). */
#ifndef _ASM_X86_PGALLOC_H
#define _ASM_X86_PGALLOC_H

#include <asm/pgtable.h>

struct mm_struct;

static inline void pgd_populate(struct mm_struct *mm, pgd_t *pgd, pud_t *pud)
{
	set_pgd(pgd, __pgd(_PAGE_TABLE | __pa(pud)));
}
static inline void pud_populate(struct mm_struct *mm, pud_t *pud, pmd_t *pmd)
{
	set_pud(pud, __pud(_PAGE_TABLE | __pa(pmd)));
}
static inline void pmd_populate_kernel(struct mm_struct *mm, pmd_t *pmd, pte_t *pte)
{
	set_pmd(pmd, __pmd(_PAGE_TABLE | __pa(pte)));
}
#define pmd_populate(mm, pmd, pte)	pmd_populate_kernel(mm, pmd, pte)

#endif /* _ASM_X86_PGALLOC_H */
