/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 virtual address space, 4-level paging (as in Linux's
 * Documentation/arch/x86/x86_64/mm.rst):
 *
 *   0000000000000000 - 00007ffffffff000   user space, below TASK_SIZE
 *   ffff888000000000 - ...                direct map of all RAM (PAGE_OFFSET)
 *   ffffffff80000000 - ffffffffffffffff   kernel image (__START_KERNEL_map)
 *
 * The kernel is loaded at physical 16 MiB and runs at
 * __START_KERNEL_map + 16 MiB = ffffffff81000000, as Linux does.
 * boot/head_64.asm repeats these constants for NASM; keep them equal.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#define __START_KERNEL_map	0xffffffff80000000UL
#define __PHYSICAL_START	0x1000000UL
#define __START_KERNEL		(__START_KERNEL_map + __PHYSICAL_START)
#define KERNEL_IMAGE_SIZE	(1UL << 30)

#define PAGE_OFFSET		0xffff888000000000UL

#define TASK_SIZE_MAX		((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE		TASK_SIZE_MAX

#ifndef __ASSEMBLY__
#include <types.h>

/* Physical address of a direct-map or kernel-image virtual address. */
static inline unsigned long __phys_addr(unsigned long x)
{
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __pa_symbol(x)	((unsigned long)(x) - __START_KERNEL_map)
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

#define PFN_ALIGN(x)	(((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(x)		(((unsigned long)(x) & (PAGE_SIZE - 1)) == 0)
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

/*
 * clear_page, copy_page - a whole page at once, eight bytes a step
 * (Linux: arch/x86/include/asm/page_64.h, clear_page_rep/copy_page).
 * Every new user page is cleared or copied by these.
 */
static inline void clear_page(void *page)
{
	unsigned long n = PAGE_SIZE / 8;

	__asm__ __volatile__("rep stosq" : "+D"(page), "+c"(n) : "a"(0UL) : "memory");
}

static inline void copy_page(void *to, const void *from)
{
	unsigned long n = PAGE_SIZE / 8;

	__asm__ __volatile__("rep movsq" : "+D"(to), "+S"(from), "+c"(n) : : "memory");
}

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PAGE_H */
