/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Byte patterns the slab allocator writes into memory nobody should be
 * using, so a stray read shows a recognisable value and a stray write can
 * be caught (Linux: include/linux/poison.h, same values).  The list
 * poisons, LIST_POISON1/2, are in include/list.h.
 */
#ifndef _POISON_H
#define _POISON_H

/* A free object, when its cache poisons (SLAB_POISON, "slub_debug"). */
#define POISON_FREE	0x6b	/* every byte of a free object but the last */
#define POISON_END	0xa5	/* the last byte of a free object */

/* The red zone just past an object (SLAB_RED_ZONE). */
#define SLUB_RED_INACTIVE	0xbb	/* while the object is free */
#define SLUB_RED_ACTIVE		0xcc	/* while it is allocated */

#endif /* _POISON_H */
