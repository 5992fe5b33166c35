// SPDX-License-Identifier: GPL-2.0
/*
 * The 64-bit page-table builders (Linux: arch/x86/mm/init_64.c).
 *
 * kernel_physical_mapping_init() maps physical [paddr_start, paddr_end)
 * at __va(paddr) into init_mm, one level per function, each allocating
 * the level below with alloc_low_page() when it is missing and using the
 * biggest page the range's page_size_mask allows:
 *
 *   kernel_physical_mapping_init   walks pgd entries   (512 GiB each)
 *     phys_pud_init                walks pud entries   (1 GiB: maybe a 1G page)
 *       phys_pmd_init              walks pmd entries   (2 MiB: maybe a 2M page)
 *         phys_pte_init            walks pte entries   (4 KiB pages)
 *
 * Direct-map pages are PAGE_KERNEL: present, writable, global, never
 * executable.
 */
#include <kernel.h>
#include <list.h>
#include <mm.h>
#include <memblock.h>
#include <asm/init.h>
#include <asm/pgalloc.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE) __section(".bss..page_aligned");

unsigned long direct_map_pages[PG_LEVEL_1G + 1];

/* The page of zeroes every untouched private page is read from (ZERO_PAGE). */
unsigned long empty_zero_page[PAGE_SIZE / sizeof(unsigned long)]
	__aligned(PAGE_SIZE) __section(".bss..page_aligned");

/* phys_pte_init - 4K pages for [paddr, paddr_end) within one pte table. */
static unsigned long phys_pte_init(pte_t *pte_page, unsigned long paddr,
				   unsigned long paddr_end)
{
	unsigned long paddr_last = paddr_end;
	pte_t *pte = pte_page + pte_index((unsigned long)__va(paddr));

	for (; pte < pte_page + PTRS_PER_PTE; pte++, paddr += PAGE_SIZE) {
		if (paddr >= paddr_end)
			break;
		if (!pte_none(*pte))
			continue;
		set_pte(pte, pfn_pte(paddr >> PAGE_SHIFT, PAGE_KERNEL));
		direct_map_pages[PG_LEVEL_4K]++;
		paddr_last = paddr + PAGE_SIZE;
	}
	return paddr_last;
}

/* phys_pmd_init - 2M pages where allowed and whole, else pte tables. */
static unsigned long phys_pmd_init(pmd_t *pmd_page, unsigned long paddr,
				   unsigned long paddr_end, unsigned long size_mask)
{
	unsigned long paddr_next, paddr_last = paddr_end;
	pmd_t *pmd = pmd_page + pmd_index((unsigned long)__va(paddr));

	for (; pmd < pmd_page + PTRS_PER_PMD; pmd++, paddr = paddr_next) {
		pte_t *pte;

		paddr_next = (paddr & PMD_MASK) + PMD_SIZE;
		if (paddr >= paddr_end)
			break;
		if (!pmd_none(*pmd)) {
			if (!pmd_large(*pmd))
				paddr_last = phys_pte_init((pte_t *)pmd_page_vaddr(*pmd),
							   paddr, paddr_end);
			continue;
		}
		if ((size_mask & (1UL << PG_LEVEL_2M)) &&
		    IS_ALIGNED(paddr, PMD_SIZE) && paddr_next <= paddr_end) {
			set_pmd(pmd, pfn_pmd(paddr >> PAGE_SHIFT, PAGE_KERNEL_LARGE));
			direct_map_pages[PG_LEVEL_2M]++;
			paddr_last = paddr_next;
			continue;
		}
		pte = alloc_low_page();
		paddr_last = phys_pte_init(pte, paddr, paddr_end);
		pmd_populate_kernel(&init_mm, pmd, pte);
	}
	return paddr_last;
}

/* phys_pud_init - 1G pages where allowed and whole, else pmd tables. */
static unsigned long phys_pud_init(pud_t *pud_page, unsigned long paddr,
				   unsigned long paddr_end, unsigned long size_mask)
{
	unsigned long paddr_next, paddr_last = paddr_end;
	pud_t *pud = pud_page + pud_index((unsigned long)__va(paddr));

	for (; pud < pud_page + PTRS_PER_PUD; pud++, paddr = paddr_next) {
		pmd_t *pmd;

		paddr_next = (paddr & PUD_MASK) + PUD_SIZE;
		if (paddr >= paddr_end)
			break;
		if (!pud_none(*pud)) {
			if (!pud_large(*pud))
				paddr_last = phys_pmd_init((pmd_t *)pud_page_vaddr(*pud),
							   paddr, paddr_end, size_mask);
			continue;
		}
		if ((size_mask & (1UL << PG_LEVEL_1G)) &&
		    IS_ALIGNED(paddr, PUD_SIZE) && paddr_next <= paddr_end) {
			set_pud(pud, pfn_pud(paddr >> PAGE_SHIFT, PAGE_KERNEL_LARGE));
			direct_map_pages[PG_LEVEL_1G]++;
			paddr_last = paddr_next;
			continue;
		}
		pmd = alloc_low_page();
		paddr_last = phys_pmd_init(pmd, paddr, paddr_end, size_mask);
		pud_populate(&init_mm, pud, pmd);
	}
	return paddr_last;
}

/**
 * kernel_physical_mapping_init - direct-map [paddr_start, paddr_end)
 * @page_size_mask: the page sizes the range may use (split_mem_range)
 *
 * Fills init_mm's page tables; if a pgd entry had to be created, copies
 * it to every other page directory (sync_global_pgds).
 *
 * Return: the end of the last mapped page.
 */
unsigned long kernel_physical_mapping_init(unsigned long paddr_start,
					   unsigned long paddr_end,
					   unsigned long page_size_mask)
{
	unsigned long vaddr = (unsigned long)__va(paddr_start);
	unsigned long vaddr_end = (unsigned long)__va(paddr_end);
	unsigned long vaddr_start = vaddr, vaddr_next, paddr_last = paddr_end;
	bool pgd_changed = false;

	for (; vaddr < vaddr_end; vaddr = vaddr_next) {
		pgd_t *pgd = pgd_offset_k(vaddr);
		pud_t *pud;

		vaddr_next = (vaddr & PGDIR_MASK) + PGDIR_SIZE;
		if (pgd_val(*pgd)) {
			pud = (pud_t *)pgd_page_vaddr(*pgd);
			paddr_last = phys_pud_init(pud, __pa(vaddr), __pa(vaddr_end),
						   page_size_mask);
			continue;
		}
		pud = alloc_low_page();
		paddr_last = phys_pud_init(pud, __pa(vaddr), __pa(vaddr_end), page_size_mask);
		pgd_populate(&init_mm, pgd, pud);
		pgd_changed = true;
	}
	if (pgd_changed)
		sync_global_pgds(vaddr_start, vaddr_end - 1);
	return paddr_last;
}

/**
 * sync_global_pgds - copy init_mm's kernel pgd entries for [start, end]
 * into every address space on init_mm.mmlist
 *
 * The kernel half of every pgd points at the same pud tables, so a new
 * kernel mapping below an existing pgd entry is seen by all at once; only
 * a new pgd entry has to be copied.
 */
void sync_global_pgds(unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr <= end; addr = ALIGN(addr + 1, PGDIR_SIZE)) {
		pgd_t *pgd_ref = pgd_offset_k(addr);
		struct mm_struct *mm;

		if (pgd_none(*pgd_ref))
			continue;
		list_for_each_entry(mm, &init_mm.mmlist, mmlist) {
			pgd_t *pgd = pgd_offset(mm, addr);

			if (pgd_none(*pgd))
				set_pgd(pgd, *pgd_ref);
			else
				BUG_ON(pgd_page_paddr(*pgd) != pgd_page_paddr(*pgd_ref));
		}
		if (addr + PGDIR_SIZE < addr)		/* the last slot */
			break;
	}
}

/* The pte for kernel-image address @vaddr, creating missing tables. */
static pte_t *kernel_image_pte(unsigned long vaddr)
{
	pgd_t *pgd = pgd_offset_k(vaddr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		pgd_populate(&init_mm, pgd, alloc_low_page());
	pud = pud_offset(pgd, vaddr);
	if (pud_none(*pud))
		pud_populate(&init_mm, pud, alloc_low_page());
	pmd = pmd_offset(pud, vaddr);
	if (pmd_none(*pmd))
		pmd_populate_kernel(&init_mm, pmd, alloc_low_page());
	return pte_offset_kernel(pmd, vaddr);
}

static void map_kernel_section(void *start, void *end, pgprot_t prot)
{
	unsigned long va;

	for (va = (unsigned long)start; va < PFN_ALIGN(end); va += PAGE_SIZE)
		set_pte(kernel_image_pte(va), pfn_pte(__pa_symbol(va) >> PAGE_SHIFT, prot));
}

/**
 * kernel_image_mapping_init - map the kernel at __START_KERNEL_map, W^X
 *
 * Text is read-only and executable, rodata read-only, data and bss
 * writable; nothing is both writable and executable.  The .init pages
 * are elsewhere (the head).  (Linux builds this
 * mapping in head_64.S and tightens it later in mark_rodata_ro().)
 */
void kernel_image_mapping_init(void)
{
	extern char _text[], _etext[], __start_rodata[], __end_rodata[];
	extern char _sdata[], _edata[], __bss_start[], __bss_stop[];
	extern char __kallsyms_start[], _end[];

	map_kernel_section(_text, _etext, PAGE_KERNEL_RX);
	map_kernel_section(__start_rodata, __end_rodata, PAGE_KERNEL_RO);
	map_kernel_section(_sdata, _edata, PAGE_KERNEL);
	map_kernel_section(__bss_start, __bss_stop, PAGE_KERNEL);
	map_kernel_section(__kallsyms_start, _end, PAGE_KERNEL_RO);
}

/* paging_init - struct page for every page frame, and empty free lists. */
void paging_init(void)
{
	free_area_init();
	memmap_init();
	zero_page = virt_to_page(empty_zero_page);
}
