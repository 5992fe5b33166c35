/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RANDOM_H
#define _RANDOM_H

#include <types.h>

void get_random_bytes(void *buf, size_t len);

#endif /* _RANDOM_H */
