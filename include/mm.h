/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_H
#define _MM_H

#include <types.h>
#include <kernel.h>
#include <gfp.h>
#include <mm_types.h>
#include <page-flags.h>
#include <preempt.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/* The array of every page frame's struct page, indexed by pfn. */
extern struct page *mem_map;
extern unsigned long max_pfn;		/* one past the last RAM page frame */
extern unsigned long totalram_pages;	/* pages the buddy allocator manages */

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}
static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}
static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}
#define virt_to_pfn(addr)	(__pa(addr) >> PAGE_SHIFT)

/* mm/page_alloc.c */
void __put_page(struct page *page);
void mem_init(void);
void free_area_init(void);
void memmap_init(void);
void free_reserved_area(void *start, void *end, const char *what);
void show_free_areas(void);
unsigned long nr_free_blocks(unsigned int order);	/* free blocks of @order */

/* --- reference counts ------------------------------------------------- */
static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}
static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}
static inline void set_page_refcounted(struct page *page)
{
	set_page_count(page, 1);
}
static inline void get_page(struct page *page)
{
	BUG_ON(page_ref_count(page) <= 0);
	atomic_inc(&page->_refcount);
}
/* Drop a reference; true if it was the last one. */
static inline bool put_page_testzero(struct page *page)
{
	BUG_ON(page_ref_count(page) <= 0);
	return atomic_dec_and_test(&page->_refcount);
}
/* Drop a reference to an order-0 page, freeing it with the last one. */
static inline void put_page(struct page *page)
{
	if (put_page_testzero(page))
		__put_page(page);
}

static inline int page_mapcount(const struct page *page)
{
	return atomic_read(&page->_mapcount) + 1;
}
static inline void page_mapcount_reset(struct page *page)
{
	atomic_set(&page->_mapcount, -1);
}

/* --- memory areas ----------------------------------------------------- */

/* vm_flags, with Linux's values (include/linux/mm.h). */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL	/* mprotect() may turn on VM_READ ... */
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: grows down on faults below it */
#define VM_PFNMAP	0x00000400UL	/* raw page frames, no struct page */
#define VM_DENYWRITE	0x00000800UL
#define VM_LOCKED	0x00002000UL	/* never swapped out */
#define VM_IO		0x00004000UL	/* device registers */
#define VM_SEQ_READ	0x00008000UL	/* read ahead aggressively */
#define VM_RAND_READ	0x00010000UL	/* do not read ahead */
#define VM_DONTCOPY	0x00020000UL	/* fork() leaves it out of the child */
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL	/* committed memory is charged */
#define VM_NORESERVE	0x00200000UL
#define VM_HUGETLB	0x00400000UL
#define VM_DONTDUMP	0x04000000UL
#define VM_MIXEDMAP	0x10000000UL

#define VM_STACK	VM_GROWSDOWN
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS	(VM_DATA_DEFAULT_FLAGS | VM_STACK)

/* mmap()'s prot and flags (uapi, Linux's values). */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_GROWSDOWN		0x0100
#define MAP_DENYWRITE		0x0800
#define MAP_EXECUTABLE		0x1000
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_NONBLOCK		0x10000
#define MAP_STACK		0x20000
#define MAP_HUGETLB		0x40000
#define MAP_FIXED_NOREPLACE	0x100000
#define MAP_FAILED		((void *)-1)

#define MMAP_MIN_ADDR		65536UL		/* vm.mmap_min_addr */
#define DEFAULT_MAX_MAP_COUNT	65530		/* vm.max_map_count */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)
#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)	/* stack_guard_gap */

extern int sysctl_max_map_count;
extern unsigned long mmap_min_addr;

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/* Private and may be written: the pages must be copied on write (COW). */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/* The lowest address a fault may grow a stack area down to, guard gap kept. */
static inline unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= STACK_GUARD_GAP;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

static inline unsigned long vm_end_gap(const struct vm_area_struct *vma)
{
	return vma->vm_end;
}

pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* mm/mmap.c */
void vma_link_file(struct vm_area_struct *vma);
void unlink_file_vma(struct vm_area_struct *vma);
void vma_set_page_prot(struct vm_area_struct *vma);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
void __vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
		   struct rb_node **rb_link, struct rb_node *rb_parent);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
int validate_mm(struct mm_struct *mm);
/*
 * Linux's do_mmap() and get_unmapped_area() work on current->mm; dissect
 * passes the mm, so the self-tests can drive any address space.
 * do_mmap() returns the address, or a negative errno cast to unsigned
 * long (test with IS_ERR_VALUE()).
 */
unsigned long get_unmapped_area(struct mm_struct *mm, struct file *file,
				unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot);
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev, unsigned long addr,
				 unsigned long end, unsigned long vm_flags,
				 struct file *file, unsigned long pgoff);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
void exit_mmap(struct mm_struct *mm);
void setup_mmap_layout(struct mm_struct *mm);	/* mmap_base, as arch_pick_mmap_layout */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma);

/* kernel/fork.c */
extern struct kmem_cache *mm_cachep;
extern struct kmem_cache *vm_area_cachep;
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void __mmdrop(struct mm_struct *mm);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
void proc_caches_init(void);

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}
static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* --- RSS counters ------------------------------------------------------- */
static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	long v = atomic_long_read(&mm->rss_stat[member]);

	return v < 0 ? 0 : v;
}
static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_long_add(value, &mm->rss_stat[member]);
}
static inline void inc_mm_counter(struct mm_struct *mm, int member)
{
	atomic_long_inc(&mm->rss_stat[member]);
}
static inline void dec_mm_counter(struct mm_struct *mm, int member)
{
	atomic_long_dec(&mm->rss_stat[member]);
}
static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}
static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}
static inline void update_hiwater_vm(struct mm_struct *mm)
{
	if (mm->hiwater_vm < mm->total_vm)
		mm->hiwater_vm = mm->total_vm;
}

/* --- page tables of an mm and faults (mm/memory.c) ---------------------- */

/* Fault flags (handle_mm_fault's @flags) and results. */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x02
#define FAULT_FLAG_INSTRUCTION	0x04
#define FAULT_FLAG_REMOTE	0x08

typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x0001
#define VM_FAULT_SIGBUS		0x0002
#define VM_FAULT_SIGSEGV	0x0040
#define VM_FAULT_NOPAGE		0x0100
#define VM_FAULT_ERROR		(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/**
 * struct vm_fault - one page fault being handled
 * @vma: the area of the faulting address
 * @address: the faulting address, rounded down to its page
 * @flags: FAULT_FLAG_*
 * @pgoff: the page's offset in the area's backing, in pages
 * @pmd: the pmd entry above the pte
 * @pte: the pte, once located
 * @orig_pte: its value when the fault was taken
 * @page: for ->fault(): the page it found (with a reference held)
 */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;
	unsigned int flags;
	unsigned long pgoff;
	pmd_t *pmd;
	pte_t *pte;
	pte_t orig_pte;
	struct page *page;
};

extern struct page *zero_page;	/* the shared page of zeroes */
#define ZERO_PAGE(vaddr)	(zero_page)
static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == page_to_pfn(zero_page);
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);
void print_bad_pte(struct vm_area_struct *vma, unsigned long addr, pte_t pte);

/**
 * vm_normal_page - the struct page a user pte maps, if it is an ordinary one
 * Return: the page, or NULL for the zero page and other special mappings,
 * which are never reference-counted through page tables.  Inline: fork
 * and munmap ask it once per pte.
 */
static inline struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
					  pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (pte_special(pte) || is_zero_pfn(pfn) || (vma->vm_flags & VM_PFNMAP))
		return NULL;
	if (!pfn_valid(pfn)) {
		print_bad_pte(vma, addr, pte);
		return NULL;
	}
	return pfn_to_page(pfn);
}
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long size);
void unmap_vmas(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void free_pgtables(struct vm_area_struct *vma, unsigned long floor, unsigned long ceiling);
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling);
unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot);
int __pud_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address);
int __pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address);
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
pte_t *follow_pte(struct mm_struct *mm, unsigned long address);
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *vma);
bool mmtrace_on(void);
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len, bool write);
unsigned long mm_pgtables_bytes(const struct mm_struct *mm);

static inline pud_t *pud_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address)
{
	return (unlikely(pgd_none(*pgd)) && __pud_alloc(mm, pgd, address)) ?
		NULL : pud_offset(pgd, address);
}
static inline pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address)
{
	return (unlikely(pud_none(*pud)) && __pmd_alloc(mm, pud, address)) ?
		NULL : pmd_offset(pud, address);
}
#define pte_alloc(mm, pmd)	(unlikely(pmd_none(*(pmd))) && __pte_alloc(mm, pmd))

/*
 * The page-table lock.  A fault holds mmap_lock only for reading, so two
 * threads of an mm may fault on one pte at once, and the kernel is
 * preemptible: between looking at a pte and changing it, a fault takes
 * this lock and checks that the pte is still what it saw (pte_same()).
 * dissect has one CPU, where Linux's spin_lock() is preempt_disable():
 * so that is all it is.  Every loop over the ptes of a table (zap,
 * mprotect, fork's copy, smaps) runs under it too, because truncation
 * zaps the ptes of every process mapping the file (unmap_mapping_range())
 * without their mmap_lock.  Nothing sleeps while it is held: tables are
 * allocated before it is taken, gathered pages freed after it is dropped.
 */
static inline pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	preempt_disable();
	return pte_offset_map(pmd, addr);
}

static inline void pte_unmap_unlock(pte_t *pte)
{
	preempt_enable();
}

/* The pte of @address, locked, its table allocated first if missing; NULL: no memory. */
#define pte_alloc_map_lock(mm, pmd, address) \
	(pte_alloc(mm, pmd) ? NULL : pte_offset_map_lock(mm, pmd, address))

/* arch/x86/mm/pgtable.c */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
pud_t *pud_alloc_one(struct mm_struct *mm, unsigned long addr);
pmd_t *pmd_alloc_one(struct mm_struct *mm, unsigned long addr);
pte_t *pte_alloc_one(struct mm_struct *mm);
void pud_free(struct mm_struct *mm, pud_t *pud);
void pmd_free(struct mm_struct *mm, pmd_t *pmd);
void pte_free(struct mm_struct *mm, pte_t *pte);

/* Which RSS counter a mapped page counts in (Linux: mm_counter()). */
static inline int mm_counter(struct page *page)
{
	if (PageAnon(page))
		return MM_ANONPAGES;
	return PageSwapBacked(page) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

/* mm/rmap.c: how many PTEs map a page */
void page_add_new_anon_rmap(struct page *page);
void page_remove_rmap(struct page *page);

/* One more PTE maps @page (fork's copy_pte_range, a file page fault). */
static inline void page_dup_rmap(struct page *page)
{
	atomic_inc(&page->_mapcount);
}

/* arch/x86/mm/tlb.c */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);

/* fs/proc/task_mmu.c: one line of /proc/PID/maps; returns its length. */
int show_map_vma(char *buf, size_t size, struct vm_area_struct *vma);

#endif /* _MM_H */
