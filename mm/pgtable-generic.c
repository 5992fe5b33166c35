// SPDX-License-Identifier: GPL-2.0
/*
 * Reporting corrupt page-table entries (Linux: mm/pgtable-generic.c).
 * A walker that meets an entry whose flags make no sense says so loudly
 * and clears it, rather than following a garbage address.
 */
#include <kernel.h>
#include <asm/pgtable.h>

void pgd_clear_bad(pgd_t *pgd)
{
	pr_err("%s: bad pgd %016lx at %p\n", __func__, pgd_val(*pgd), pgd);
	dump_stack();
	pgd_clear(pgd);
}

void pud_clear_bad(pud_t *pud)
{
	pr_err("%s: bad pud %016lx at %p\n", __func__, pud_val(*pud), pud);
	dump_stack();
	pud_clear(pud);
}

void pmd_clear_bad(pmd_t *pmd)
{
	pr_err("%s: bad pmd %016lx at %p\n", __func__, pmd_val(*pmd), pmd);
	dump_stack();
	pmd_clear(pmd);
}
