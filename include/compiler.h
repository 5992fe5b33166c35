/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _COMPILER_H
#define _COMPILER_H

#include <types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define __always_inline	inline __attribute__((__always_inline__))
#define noinline	__attribute__((__noinline__))
#define __noreturn	__attribute__((__noreturn__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#define __used		__attribute__((__used__))
#define __maybe_unused	__attribute__((__unused__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))

/* Marks pointers into user memory: only the uaccess functions touch them. */
#define __user

#define barrier()	__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) \
	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

/**
 * container_of - the structure that embeds @ptr as its member @member
 */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#endif /* _COMPILER_H */
