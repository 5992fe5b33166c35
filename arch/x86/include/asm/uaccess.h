/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <types.h>

/* arch/x86/lib/copy_user.asm: returns the number of bytes not copied. */
unsigned long copy_user_generic(void *dst, const void *src, unsigned long len);

/*
 * copy_from_kernel_nofault - read kernel memory that may not be mapped
 * Return: 0, or -EFAULT if any byte could not be read.
 */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _ASM_X86_UACCESS_H */
