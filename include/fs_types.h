/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The types of the file system's interfaces (Linux: include/linux/types.h).
 * Apart from types.h so that host-side tests, which include types.h next
 * to their C library's headers, do not see two loff_t and dev_t.
 */
#ifndef _FS_TYPES_H
#define _FS_TYPES_H

#include <types.h>

typedef long long loff_t;		/* a file position */
typedef unsigned int umode_t;		/* file type and permission bits */
typedef unsigned int dev_t;		/* MKDEV(major, minor) */
typedef unsigned int fmode_t;		/* FMODE_READ, ... of an open file */

#endif /* _FS_TYPES_H */
