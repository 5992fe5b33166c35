/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 page tables under Linux's names.  This is the only file that knows
 * how an entry is laid out; mm/ uses the typed entries and accessors below.
 *
 *   Linux   x86 (Intel SDM)                         maps per entry
 *   pgd  =  PML4  (page map level 4)                512 GiB
 *   p4d  =  folded: with 4-level paging there is none (see below)
 *   pud  =  PDPT  (page directory pointer table)    1 GiB  (PS=1: a 1G page)
 *   pmd  =  PD    (page directory)                  2 MiB  (PS=1: a 2M page)
 *   pte  =  PT    (page table)                      4 KiB
 *
 * A virtual address (bits 63..48 copy bit 47: "canonical"):
 *
 *   47       39 38       30 29       21 20       12 11          0
 *  +-----------+-----------+-----------+-----------+-------------+
 *  | pgd index | pud index | pmd index | pte index | page offset |
 *  +-----------+-----------+-----------+-----------+-------------+
 *     9 bits      9 bits      9 bits      9 bits       12 bits
 *
 * An entry at any level:
 *
 *   63  62..52  51                    12 11..9  8  7  6  5  4   3   2  1  0
 *  +--+-------+------------------------+------+--+--+--+--+---+---+--+--+--+
 *  |NX| avail | physical frame number  |avail |G |PS|D |A |PCD|PWT|US|RW|P |
 *  +--+-------+------------------------+------+--+--+--+--+---+---+--+--+--+
 *
 * PS is "page size" in a pud or pmd (the entry maps a 1G or 2M page itself)
 * and PAT in a pte.  A page is writable, user-accessible or executable only
 * if every level on its path allows it.
 *
 * Linux 4.11 added a p4d level between pgd and pud for 5-level paging; on a
 * 4-level machine it is folded into the pgd (p4d_offset() returns the pgd
 * entry itself).  dissect folds it away completely: pud_offset() takes a
 * pgd_t *, as in Linux before 4.11 and as in the walk-through it follows.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <asm/page.h>

#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SOFTW1	9
#define _PAGE_BIT_NX		63

#define _PAGE_PRESENT	(1UL << _PAGE_BIT_PRESENT)
#define _PAGE_RW	(1UL << _PAGE_BIT_RW)
#define _PAGE_USER	(1UL << _PAGE_BIT_USER)
#define _PAGE_PWT	(1UL << _PAGE_BIT_PWT)
#define _PAGE_PCD	(1UL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	(1UL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	(1UL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	(1UL << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	(1UL << _PAGE_BIT_GLOBAL)
#define _PAGE_SPECIAL	(1UL << _PAGE_BIT_SOFTW1)	/* no struct page behind */
/*
 * A PROT_NONE page keeps its frame but must fault on every access: the
 * entry has P clear and this bit (G's position, unused when P is clear)
 * set, so pte_present() still sees it as mapped.
 */
#define _PAGE_PROTNONE	(1UL << _PAGE_BIT_GLOBAL)
#define _PAGE_NX	(1UL << _PAGE_BIT_NX)

#define PTE_PFN_MASK	0x000ffffffffff000UL
#define PTE_FLAGS_MASK	(~PTE_PFN_MASK)

/* What a non-leaf entry holds besides the address of the next table. */
#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

/* Bits a change of protection keeps (pte_modify). */
#define _PAGE_CHG_MASK	(PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_SPECIAL | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)

#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_PGD	512
#define PTRS_PER_PUD	512
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512

#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))

/* The pgd slots of the kernel half: copied into every process's pgd. */
#define KERNEL_PGD_BOUNDARY	(PTRS_PER_PGD / 2)
#define KERNEL_PGD_PTRS		(PTRS_PER_PGD - KERNEL_PGD_BOUNDARY)

#ifndef __ASSEMBLY__
#include <types.h>
#include <compiler.h>

/* One store, so the MMU never sees half an entry. */
#define WRITE_ONCE_ENTRY(p, v)	WRITE_ONCE(*(p), (v))

typedef unsigned long pteval_t;
typedef struct { unsigned long pgd; } pgd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pgprot; } pgprot_t;

#define pgd_val(x)	((x).pgd)
#define pud_val(x)	((x).pud)
#define pmd_val(x)	((x).pmd)
#define pte_val(x)	((x).pte)
#define pgprot_val(x)	((x).pgprot)
#define __pgd(x)	((pgd_t) { (x) })
#define __pud(x)	((pud_t) { (x) })
#define __pmd(x)	((pmd_t) { (x) })
#define __pte(x)	((pte_t) { (x) })
#define __pgprot(x)	((pgprot_t) { (x) })

/* Protections for user pages, as Linux's protection_map uses them. */
#define PAGE_NONE	__pgprot(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_SHARED	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED_EXEC __pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_COPY_EXEC	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_READONLY	PAGE_COPY
#define PAGE_READONLY_EXEC PAGE_COPY_EXEC

/* Protections for the kernel's own mappings: global, so kept across CR3 loads. */
#define __PAGE_KERNEL	(_PAGE_PRESENT | _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL | _PAGE_NX)
#define PAGE_KERNEL_RO		__pgprot((__PAGE_KERNEL & ~_PAGE_RW) | _PAGE_NX)
#define PAGE_KERNEL_RX		__pgprot(__PAGE_KERNEL & ~_PAGE_RW)
#define PAGE_KERNEL_LARGE	__pgprot(__PAGE_KERNEL | _PAGE_PSE | _PAGE_NX)

/* Index of @addr's entry in each level's table. */
static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}
static inline unsigned long pud_index(unsigned long addr)
{
	return (addr >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}
static inline unsigned long pmd_index(unsigned long addr)
{
	return (addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}
static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline unsigned long pgd_flags(pgd_t pgd) { return pgd_val(pgd) & PTE_FLAGS_MASK; }
static inline unsigned long pud_flags(pud_t pud) { return pud_val(pud) & PTE_FLAGS_MASK; }
static inline unsigned long pmd_flags(pmd_t pmd) { return pmd_val(pmd) & PTE_FLAGS_MASK; }
static inline unsigned long pte_flags(pte_t pte) { return pte_val(pte) & PTE_FLAGS_MASK; }

/* --- pgd ------------------------------------------------------------- */
static inline int pgd_none(pgd_t pgd) { return !pgd_val(pgd); }
static inline int pgd_present(pgd_t pgd) { return pgd_flags(pgd) & _PAGE_PRESENT; }
static inline int pgd_bad(pgd_t pgd)
{
	return (pgd_flags(pgd) & ~_PAGE_USER) != _KERNPG_TABLE;
}
static inline unsigned long pgd_page_paddr(pgd_t pgd) { return pgd_val(pgd) & PTE_PFN_MASK; }
static inline unsigned long pgd_page_vaddr(pgd_t pgd)
{
	return (unsigned long)__va(pgd_page_paddr(pgd));
}

/* --- pud ------------------------------------------------------------- */
static inline int pud_none(pud_t pud) { return !pud_val(pud); }
static inline int pud_present(pud_t pud) { return pud_flags(pud) & _PAGE_PRESENT; }
static inline int pud_large(pud_t pud)
{
	return (pud_flags(pud) & (_PAGE_PSE | _PAGE_PRESENT)) == (_PAGE_PSE | _PAGE_PRESENT);
}
static inline int pud_bad(pud_t pud)
{
	return (pud_flags(pud) & ~_PAGE_USER) != _KERNPG_TABLE;
}
static inline unsigned long pud_page_paddr(pud_t pud) { return pud_val(pud) & PTE_PFN_MASK; }
static inline unsigned long pud_page_vaddr(pud_t pud)
{
	return (unsigned long)__va(pud_page_paddr(pud));
}
static inline unsigned long pud_pfn(pud_t pud) { return pud_page_paddr(pud) >> PAGE_SHIFT; }

/* --- pmd ------------------------------------------------------------- */
static inline int pmd_none(pmd_t pmd) { return !pmd_val(pmd); }
static inline int pmd_present(pmd_t pmd) { return pmd_flags(pmd) & _PAGE_PRESENT; }
static inline int pmd_large(pmd_t pmd)
{
	return (pmd_flags(pmd) & (_PAGE_PSE | _PAGE_PRESENT)) == (_PAGE_PSE | _PAGE_PRESENT);
}
static inline int pmd_bad(pmd_t pmd)
{
	return (pmd_flags(pmd) & ~_PAGE_USER) != _KERNPG_TABLE;
}
static inline unsigned long pmd_page_paddr(pmd_t pmd) { return pmd_val(pmd) & PTE_PFN_MASK; }
static inline unsigned long pmd_page_vaddr(pmd_t pmd)
{
	return (unsigned long)__va(pmd_page_paddr(pmd));
}
static inline unsigned long pmd_pfn(pmd_t pmd) { return pmd_page_paddr(pmd) >> PAGE_SHIFT; }

/* --- pte ------------------------------------------------------------- */
static inline int pte_none(pte_t pte) { return !pte_val(pte); }
static inline int pte_present(pte_t pte)
{
	return !!(pte_flags(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE));
}
static inline int pte_protnone(pte_t pte)
{
	return (pte_flags(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE)) == _PAGE_PROTNONE;
}
static inline int pte_write(pte_t pte) { return !!(pte_flags(pte) & _PAGE_RW); }
static inline int pte_user(pte_t pte) { return !!(pte_flags(pte) & _PAGE_USER); }
static inline int pte_dirty(pte_t pte) { return !!(pte_flags(pte) & _PAGE_DIRTY); }
static inline int pte_young(pte_t pte) { return !!(pte_flags(pte) & _PAGE_ACCESSED); }
static inline int pte_exec(pte_t pte) { return !(pte_flags(pte) & _PAGE_NX); }
static inline int pte_global(pte_t pte) { return !!(pte_flags(pte) & _PAGE_GLOBAL); }
static inline int pte_special(pte_t pte) { return !!(pte_flags(pte) & _PAGE_SPECIAL); }
static inline int pte_same(pte_t a, pte_t b) { return pte_val(a) == pte_val(b); }
static inline unsigned long pte_pfn(pte_t pte) { return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline pgprot_t pte_pgprot(pte_t pte) { return __pgprot(pte_flags(pte)); }

static inline pte_t pte_set_flags(pte_t pte, unsigned long set) { return __pte(pte_val(pte) | set); }
static inline pte_t pte_clear_flags(pte_t pte, unsigned long clr) { return __pte(pte_val(pte) & ~clr); }
static inline pte_t pte_mkwrite(pte_t pte) { return pte_set_flags(pte, _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t pte) { return pte_clear_flags(pte, _PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t pte) { return pte_set_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkclean(pte_t pte) { return pte_clear_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t pte) { return pte_set_flags(pte, _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t pte) { return pte_clear_flags(pte, _PAGE_ACCESSED); }
static inline pte_t pte_mkspecial(pte_t pte) { return pte_set_flags(pte, _PAGE_SPECIAL); }

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pteval_t)pfn << PAGE_SHIFT) | pgprot_val(prot));
}
static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd(((pteval_t)pfn << PAGE_SHIFT) | pgprot_val(prot) | _PAGE_PSE);
}
static inline pud_t pfn_pud(unsigned long pfn, pgprot_t prot)
{
	return __pud(((pteval_t)pfn << PAGE_SHIFT) | pgprot_val(prot) | _PAGE_PSE);
}

/* Change the protection of @pte, keeping its frame and its A/D bits. */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) |
		     (pgprot_val(newprot) & ~_PAGE_CHG_MASK));
}

/* --- walking: *_offset() only looks, *_alloc() (mm.h) allocates -------- */
#define pgd_offset_pgd(pgdir, addr)	((pgdir) + pgd_index(addr))
#define pgd_offset(mm, addr)		pgd_offset_pgd((mm)->pgd, (addr))
#define pgd_offset_k(addr)		pgd_offset(&init_mm, (addr))

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)pgd_page_vaddr(*pgd) + pud_index(addr);
}
static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)pud_page_vaddr(*pud) + pmd_index(addr);
}
static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pmd_page_vaddr(*pmd) + pte_index(addr);
}
#define pte_offset_map(pmd, addr)	pte_offset_kernel(pmd, addr)

/* The end of the entry covering @addr, or @end if that comes first. */
#define __P_ADDR_END(addr, end, size, mask)				\
({	unsigned long __boundary = ((addr) + (size)) & (mask);		\
	(__boundary - 1 < (end) - 1) ? __boundary : (end);		\
})
#define pgd_addr_end(addr, end)	__P_ADDR_END(addr, end, PGDIR_SIZE, PGDIR_MASK)
#define pud_addr_end(addr, end)	__P_ADDR_END(addr, end, PUD_SIZE, PUD_MASK)
#define pmd_addr_end(addr, end)	__P_ADDR_END(addr, end, PMD_SIZE, PMD_MASK)

/* --- setting entries ------------------------------------------------- */
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd) { WRITE_ONCE_ENTRY(pgdp, pgd); }
static inline void set_pud(pud_t *pudp, pud_t pud) { WRITE_ONCE_ENTRY(pudp, pud); }
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd) { WRITE_ONCE_ENTRY(pmdp, pmd); }
static inline void set_pte(pte_t *ptep, pte_t pte) { WRITE_ONCE_ENTRY(ptep, pte); }
static inline void pgd_clear(pgd_t *pgdp) { set_pgd(pgdp, __pgd(0)); }
static inline void pud_clear(pud_t *pudp) { set_pud(pudp, __pud(0)); }
static inline void pmd_clear(pmd_t *pmdp) { set_pmd(pmdp, __pmd(0)); }
static inline void pte_clear(pte_t *ptep) { set_pte(ptep, __pte(0)); }

static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	pte_t old = *ptep;

	pte_clear(ptep);
	return old;
}
static inline void ptep_set_wrprotect(pte_t *ptep)
{
	set_pte(ptep, pte_wrprotect(*ptep));
}

/* A corrupt entry is reported and cleared (mm/pgtable-generic.c). */
void pgd_clear_bad(pgd_t *pgd);
void pud_clear_bad(pud_t *pud);
void pmd_clear_bad(pmd_t *pmd);

static inline int pgd_none_or_clear_bad(pgd_t *pgd)
{
	if (pgd_none(*pgd))
		return 1;
	if (pgd_bad(*pgd)) {
		pgd_clear_bad(pgd);
		return 1;
	}
	return 0;
}
static inline int pud_none_or_clear_bad(pud_t *pud)
{
	if (pud_none(*pud))
		return 1;
	if (pud_bad(*pud)) {
		pud_clear_bad(pud);
		return 1;
	}
	return 0;
}
static inline int pmd_none_or_clear_bad(pmd_t *pmd)
{
	if (pmd_none(*pmd))
		return 1;
	if (pmd_bad(*pmd)) {
		pmd_clear_bad(pmd);
		return 1;
	}
	return 0;
}

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PGTABLE_H */
