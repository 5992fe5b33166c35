/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two descriptors the rest of mm/ is built on (Linux:
 * include/linux/mm_types.h): struct page, one per physical page frame, and
 * struct mm_struct, one per address space.
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include <types.h>
#include <atomic.h>
#include <list.h>
#include <rbtree.h>
#include <asm/pgtable.h>

struct kmem_cache;
struct address_space;

/**
 * struct page - the state of one physical page frame
 * @flags: PG_* bits (include/page-flags.h)
 * @lru: a list link, e.g. the buddy allocator's free list while the page
 *	heads a free block
 * @private: order of a free buddy block (PG_buddy set)
 * @mapping: a page-cache page's file (its address_space), else NULL
 * @index: a page-cache page's offset in its file, in pages
 * @slab_list: while PG_slab: the cache's list of slabs this one is on
 * @slab_cache: while PG_slab: the cache the slab belongs to
 * @freelist: while PG_slab: the first free object of the slab
 * @inuse: while PG_slab: objects handed out from this slab
 * @objects: while PG_slab: objects the slab holds in all
 * @_mapcount: page-table entries mapping the page, minus one (-1: none)
 * @_refcount: references to the page; it is freed when this reaches 0
 *
 * Every page frame up to max_pfn has one, in the mem_map array, so
 * pfn_to_page() and page_to_pfn() are pointer arithmetic.  As in Linux,
 * the middle of the structure means different things to different owners.
 */
struct page {
	unsigned long flags;
	union {
		struct {		/* page allocator, page tables, user pages */
			struct list_head lru;
			unsigned long private;
			struct address_space *mapping;
			unsigned long index;	/* offset in its file, in pages */
		};
		struct {		/* slab allocator (PG_slab) */
			struct list_head slab_list;
			struct kmem_cache *slab_cache;
			void *freelist;
			unsigned int inuse;
			unsigned int objects;
		};
	};
	atomic_t _mapcount;
	atomic_t _refcount;
};

struct vm_area_struct;
struct vm_fault;
struct file;

/**
 * struct vm_operations_struct - what a kind of mapping does (its methods)
 * @open: a VMA was added to an address space (a fork's copy, a split half)
 * @close: a VMA is being removed
 * @fault: a page of the area is not in memory: find it (file pages)
 * @page_mkwrite: a read-only page of a shared mapping is about to be written
 * @access: another process reads or writes this area (e.g. /proc/PID/mem)
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	int (*fault)(struct vm_fault *vmf);
	int (*page_mkwrite)(struct vm_fault *vmf);
	int (*access)(struct vm_area_struct *vma, unsigned long addr,
		      void *buf, int len, int write);
	const char *(*name)(struct vm_area_struct *vma);
};

/**
 * struct vm_area_struct - one memory area: a range of an address space
 * with one set of permissions and one backing (anonymous or a file)
 * @vm_start: first address of the area
 * @vm_end: first address after it (the area is [vm_start, vm_end))
 * @vm_next, @vm_prev: the neighbours in the address-sorted list
 * @vm_rb: the node in the mm's red-black tree (mm->mm_rb)
 * @rb_subtree_gap: the largest free gap before any area in this node's
 *	subtree (a gap is from an area's vm_prev->vm_end to its vm_start),
 *	so get_unmapped_area() can skip whole subtrees
 * @vm_mm: the address space this area belongs to
 * @vm_page_prot: the page protection its PTEs get (vm_get_page_prot)
 * @vm_flags: VM_READ, VM_WRITE, ... (include/mm.h)
 * @vm_ops: the area's methods, or NULL for anonymous memory
 * @vm_pgoff: offset in the file, in pages; for anonymous memory
 *	vm_start >> PAGE_SHIFT, as Linux does
 * @vm_file: the mapped file, or NULL
 * @vm_private_data: for the owner of vm_ops
 * @shared: for a file mapping, its place in the file's i_mmap list
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct vm_area_struct *vm_next, *vm_prev;
	struct rb_node vm_rb;
	unsigned long rb_subtree_gap;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
	struct list_head shared;
};

/* Resident pages by kind, as Linux's MM_* counters. */
enum {
	MM_FILEPAGES,
	MM_ANONPAGES,
	MM_SWAPENTS,
	MM_SHMEMPAGES,
	NR_MM_COUNTERS
};

#include <rwsem.h>

/**
 * struct mm_struct - an address space (the "memory descriptor")
 * @mmap: the first memory area; all are linked by vm_next in address order
 * @mm_rb: the same areas in a red-black tree, for find_vma()
 * @mmap_base: where get_unmapped_area() starts looking, top-down
 * @task_size: the end of user space for this mm
 * @highest_vm_end: vm_end of the last area
 * @pgd: its top page-table page (PML4), loaded into CR3
 * @mm_users: users of the address space itself (threads sharing it)
 * @mm_count: references to this struct; all mm_users together count as one
 * @map_count: number of areas
 * @page_table_lock: guards the page tables
 * @mmap_lock: guards the areas (mmap_sem in older Linux)
 * @mmlist: every mm is linked here, starting from init_mm
 * @hiwater_rss: the most pages this mm ever had resident
 * @hiwater_vm: the most pages this mm ever had mapped
 * @total_vm: pages mapped; @data_vm: private writable; @exec_vm: executable;
 *	@stack_vm: stack
 * @start_code ... @env_end: where the program's parts are
 * @rss_stat: resident pages by kind (MM_ANONPAGES, ...)
 * @exe_file: the program it runs (exec sets it; /proc/PID/exe)
 */
struct mm_struct {
	struct vm_area_struct *mmap;
	struct rb_root mm_rb;
	unsigned long mmap_base;
	unsigned long task_size;
	unsigned long highest_vm_end;
	pgd_t *pgd;
	atomic_t mm_users;
	atomic_t mm_count;
	int map_count;
	int page_table_lock;
	struct rw_semaphore mmap_lock;
	struct list_head mmlist;

	unsigned long hiwater_rss;
	unsigned long hiwater_vm;
	unsigned long total_vm;
	unsigned long locked_vm;
	unsigned long data_vm;
	unsigned long exec_vm;
	unsigned long stack_vm;
	unsigned long def_flags;

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;

	atomic_long_t rss_stat[NR_MM_COUNTERS];
	atomic_long_t pgtables_bytes;	/* page-table pages below pgd, in bytes */
	struct file *exe_file;
};

extern struct mm_struct init_mm;

#endif /* _MM_TYPES_H */
