/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator: small objects carved out of whole pages (Linux:
 * include/linux/slab.h; the allocator is mm/slub.c).
 *
 * A kmem_cache hands out objects of one size.  kmalloc() picks one of the
 * kmalloc-8 ... kmalloc-4k caches by size, and takes larger requests
 * straight from the buddy allocator.
 */
#ifndef _SLAB_H
#define _SLAB_H

#include <types.h>
#include <list.h>
#include <gfp.h>
#include <asm/page.h>

typedef unsigned int slab_flags_t;

/* kmem_cache_create() flags (Linux's values) */
#define SLAB_RED_ZONE		0x00000400u	/* guard bytes after each object */
#define SLAB_POISON		0x00000800u	/* fill free objects with POISON_FREE */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to cache lines */
#define SLAB_PANIC		0x00040000u	/* panic if kmem_cache_create() fails */

/*
 * kmalloc(0) returns ZERO_SIZE_PTR: not NULL, so the caller sees success,
 * but any access through it faults.  kfree() and ksize() accept it.
 */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	4096	/* larger: pages from the buddy allocator */
#define KMALLOC_MAX_SIZE	(PAGE_SIZE << (MAX_ORDER - 1))	/* 4 MiB */

/**
 * struct kmem_cache - a cache of equal-sized objects
 * @name: shown by slabinfo_show() and in error reports; not copied, so
 *	it must outlive the cache (a string literal)
 * @object_size: the size the caller asked for
 * @size: the distance between objects in a slab: object, red zone, free
 *	pointer, padding (mm/slub.c draws it)
 * @align: the alignment of every object
 * @offset: where a free object keeps its free pointer
 * @inuse: end of the object and its red zone: where metadata starts
 * @flags: SLAB_* flags in effect
 * @ctor: constructor run once on each object when its slab is set up
 * @order: each slab is 2^order pages
 * @objects_per_slab: objects a slab holds
 * @partial: slabs with some objects free and some in use
 * @full: slabs with no object free
 * @active_objs: objects handed out and not yet freed
 * @num_objs: objects in all slabs, free or not
 * @num_slabs: slabs the cache holds
 * @list: the cache's link on slab_caches
 *
 * Linux keeps @partial and @full per NUMA node (struct kmem_cache_node)
 * and a slab per CPU in front of them; dissect has one of each.
 */
struct kmem_cache {
	const char *name;
	unsigned int object_size;
	unsigned int size;
	unsigned int align;
	unsigned int offset;
	unsigned int inuse;
	slab_flags_t flags;
	void (*ctor)(void *object);
	unsigned int order;
	unsigned int objects_per_slab;
	struct list_head partial;
	struct list_head full;
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long num_slabs;
	struct list_head list;
};

extern struct list_head slab_caches;	/* every cache, newest first */
extern struct kmem_cache *kmem_cache;	/* the cache of struct kmem_cache */

/*
 * Debugging: caches created while slab_debug is true poison their free
 * objects and red-zone every object, as if created with SLAB_POISON |
 * SLAB_RED_ZONE.  Set by the "slub_debug" kernel parameter.
 */
extern bool slab_debug;
extern unsigned long slab_poison_errors;	/* a free object was written */
extern unsigned long slab_redzone_errors;	/* a write past an object's end */
extern unsigned long slab_free_errors;		/* frees refused: bad pointer, double free */

void kmem_cache_init(void);
bool slab_is_available(void);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *object);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *object);
size_t ksize(const void *object);
char *kstrdup(const char *s, gfp_t gfp);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/* kmalloc_array - @n objects of @size bytes; NULL if n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

/* Leak proofs: both must return to their earlier values. */
unsigned long slab_objects_in_use(void);	/* all caches + kmalloc-large */
unsigned long slab_nr_pages(void);		/* pages in slabs + kmalloc-large */
void slabinfo_show(void);			/* a /proc/slabinfo-like table */

#endif /* _SLAB_H */
