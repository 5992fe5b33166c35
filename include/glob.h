/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _GLOB_H
#define _GLOB_H

#include <types.h>

/* Shell-style match of @str against @pat: '*', '?' and [a-z] classes. */
bool glob_match(const char *pat, const char *str);

#endif /* _GLOB_H */
