/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic fixed-width types.  The compiler's freestanding <stddef.h>,
 * <stdint.h> and <stdbool.h> are the only outside headers the kernel uses.
 */
#ifndef _TYPES_H
#define _TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef long long s64;

#ifndef __ssize_t_defined
typedef long ssize_t;
#endif
typedef u64 phys_addr_t;
typedef unsigned int gfp_t;
typedef long off_t;
typedef int pid_t;

typedef struct {
	int counter;
} atomic_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _TYPES_H */
