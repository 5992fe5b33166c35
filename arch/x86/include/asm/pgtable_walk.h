/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PGTABLE_WALK_H
#define _ASM_X86_PGTABLE_WALK_H

#include <asm/pgtable.h>

pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long address, unsigned int *level);
pte_t *lookup_address(unsigned long address, unsigned int *level);
unsigned long effective_prot(pgd_t *pgd_base, unsigned long address);

#endif /* _ASM_X86_PGTABLE_WALK_H */
