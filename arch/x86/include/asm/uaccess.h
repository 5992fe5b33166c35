/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Touching user memory from the kernel (Linux: arch/x86/include/asm/uaccess.h).
 *
 * The kernel never dereferences a user pointer directly.  It checks that
 * the range lies in user space (access_ok), opens a window with STAC
 * (SMAP would fault otherwise), copies with copy_user_generic(), whose
 * faulting instruction has an exception-table entry, and closes it with
 * CLAC.  A fault the page-fault handler cannot resolve (no area, no
 * permission) ends the copy early: the functions report it, and system
 * calls return -EFAULT.  Pages that are merely absent, or copy-on-write,
 * are faulted in exactly as for a user access.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <types.h>
#include <compiler.h>
#include <errno.h>
#include <asm/page.h>
#include <asm/processor.h>

/* arch/x86/lib/copy_user.asm: returns the number of bytes not copied. */
unsigned long copy_user_generic(void *dst, const void *src, unsigned long len);

/* access_ok - [addr, addr + size) lies entirely below TASK_SIZE_MAX. */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

static inline void stac(void)
{
	if (boot_cpu_has(X86_FEATURE_SMAP))
		asm volatile("stac" : : : "memory");
}

static inline void clac(void)
{
	if (boot_cpu_has(X86_FEATURE_SMAP))
		asm volatile("clac" : : : "memory");
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);

/* get_user / put_user: one value; 0 or -EFAULT. */
#define get_user(x, ptr)						\
({									\
	__typeof__(*(ptr)) __gu_val;					\
	int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;		\
	__gu_err;							\
})

#define put_user(x, ptr)						\
({									\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;	\
})

/*
 * copy_from_kernel_nofault - read kernel memory that may not be mapped
 * Return: 0, or -EFAULT if any byte could not be read.
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _ASM_X86_UACCESS_H */
