// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator (Linux: mm/slub.c, "SLUB").
 *
 * A kmem_cache hands out objects of one size.  It gets memory from the
 * buddy allocator a slab at a time: a block of 2^order pages cut into
 * equal objects.  The free objects of a slab form a singly linked list,
 * the freelist, threaded through the free objects themselves: each holds a
 * pointer to the next.  A slab's bookkeeping lives in the struct page of
 * its first page (page->freelist, ->inuse, ->objects, ->slab_list).
 *
 *   a slab of n objects (2^order pages, aligned to its size like every
 *   buddy block):
 *
 *   page_address(page)
 *   v
 *   +----------+----------+----------+-- ... --+------------+--------+
 *   | object 0 | object 1 | object 2 |         | object n-1 | unused |
 *   +----------+----------+----------+-- ... --+------------+--------+
 *   |<-s->size>|
 *
 *   page->freelist --> object 2 --> object 0 --> NULL    (the free ones)
 *
 *   one object slot (s->size bytes):
 *
 *   0                    object_size       inuse            inuse + 8      size
 *   +--------------------+-----------------+----------------+--------------+
 *   | the caller's bytes | red zone        | free pointer   | padding to   |
 *   |                    | (SLAB_RED_ZONE) | (poison, ctor) | s->align     |
 *   +--------------------+-----------------+----------------+--------------+
 *
 *   inuse is object_size rounded up to 8 (with SLAB_RED_ZONE, a word more
 *   if that leaves no room); without SLAB_RED_ZONE those bytes are padding.
 *
 * Where the free pointer goes (s->offset): in a plain cache, in the first
 * word of the free object itself (offset 0), costing no memory.  When the
 * cache poisons free objects or has a constructor, the object's bytes must
 * stay as they are while it is free, so the pointer goes past the object
 * and its red zone (offset = inuse), as Linux does.  The poison check
 * therefore covers every byte of the object.
 *
 * Allocation takes the first free object of the first partial slab, and
 * makes a new slab when there is none.  Freeing pushes the object back on
 * its slab's freelist.  An object's slab is found from its address alone:
 * every page of a slab has PG_slab and page->slab_cache, and the slab
 * starts at the pfn rounded down to 2^s->order (virt_to_slab()).  A slab
 * is on s->partial while some objects are free, on s->full when none
 * is; when its last object is freed it goes back to the buddy allocator
 * at once, so a cache with no objects in use holds no pages.
 *
 * Debugging (SLAB_POISON, SLAB_RED_ZONE, or both for every cache created
 * while slab_debug is on): a free object holds POISON_FREE (0x6b) with
 * POISON_END (0xa5) in its last byte, checked when it is handed out
 * again, so a write to freed memory is reported ("Poison overwritten");
 * the red zone holds SLUB_RED_ACTIVE (0xcc) while the object is in use,
 * checked when it is freed, so a write past its end is reported.  The
 * damage is repaired and the kernel carries on.  Frees of pointers that
 * are not objects of the cache, and double frees, are always refused.
 *
 * What dissect leaves out: per-CPU slabs, NUMA nodes, cache merging.  One
 * CPU, so turning interrupts off is the only lock.  The cache of
 * kmem_caches stays in static memory (Linux copies it into an object of
 * itself in bootstrap(), because its per-node parts must be slab memory).
 */
#include <kernel.h>
#include <errno.h>
#include <fault-inject.h>
#include <mm.h>
#include <moduleparam.h>
#include <poison.h>
#include <slab.h>
#include <string.h>
#include <asm/irqflags.h>

#define slub_min_objects	8	/* Linux: 4 * (fls(nr_cpu_ids) + 1) */
#define slub_max_order		3	/* PAGE_ALLOC_COSTLY_ORDER */
#define L1_CACHE_BYTES		64
#define ARCH_SLAB_MINALIGN	8u

#define __OBJECT_POISON		0x80000000u	/* SLAB_POISON and no ctor */
#define CACHE_CREATE_MASK	(SLAB_RED_ZONE | SLAB_POISON | SLAB_HWCACHE_ALIGN | SLAB_PANIC)

/* How far boot has got: kmem_cache_create() and kmalloc() need UP. */
enum slab_state { DOWN, UP };
static enum slab_state slab_state;

LIST_HEAD(slab_caches);
struct kmem_cache *kmem_cache;
static struct kmem_cache boot_kmem_cache;

bool slab_debug;
unsigned long slab_poison_errors;
unsigned long slab_redzone_errors;
unsigned long slab_free_errors;

static unsigned long kmalloc_large_objs;	/* kmalloc_large() blocks out */
static unsigned long kmalloc_large_pages;	/* and the pages they hold */

static int setup_slub_debug(char *val)
{
	slab_debug = !val || strcmp(val, "-");	/* "slub_debug=-": off */
	return 0;
}
__setup("slub_debug", setup_slub_debug);

bool slab_is_available(void)
{
	return slab_state >= UP;
}

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & (SLAB_POISON | SLAB_RED_ZONE);
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((u8 *)object + s->offset);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((u8 *)object + s->offset) = fp;
}

#define for_each_object(__p, __s, __addr, __objects)			\
	for (__p = (__addr); __p < (__addr) + (__objects) * (__s)->size;	\
	     __p += (__s)->size)

/* Is @x a kernel address of a page frame with a struct page?  (Linux: virt_addr_valid) */
static bool addr_in_ram(const void *x)
{
	return (unsigned long)x >= PAGE_OFFSET && pfn_valid(virt_to_pfn(x));
}

/*
 * virt_to_slab - the first page of the slab holding @x, or NULL if @x is
 * not slab memory.  A slab is a buddy block, aligned to its size.
 */
static struct page *virt_to_slab(const void *x)
{
	struct page *page;
	unsigned long pfn;

	if (!addr_in_ram(x))
		return NULL;
	page = virt_to_page(x);
	if (!PageSlab(page))
		return NULL;
	pfn = ALIGN_DOWN(page_to_pfn(page), 1UL << page->slab_cache->order);
	return pfn_to_page(pfn);
}

/* Is @object the start of one of the object slots of @page's slab? */
static bool check_valid_pointer(const struct kmem_cache *s, struct page *page,
				const void *object)
{
	unsigned long off = (const u8 *)object - (const u8 *)page_address(page);

	return off < (unsigned long)page->objects * s->size && off % s->size == 0;
}

/*
 * on_freelist - is @search free already?  The walk stops after
 * page->objects steps, so even a corrupt freelist cannot loop it.
 */
static bool on_freelist(const struct kmem_cache *s, struct page *page, void *search)
{
	void *fp = page->freelist;

	for (unsigned int n = 0; fp && n < page->objects; n++) {
		if (fp == search)
			return true;
		fp = get_freepointer(s, fp);
	}
	return false;
}

/* --- error reports, in Linux's words -------------------------------------- */

/* The banner that starts every report about a cache. */
static void __printf(2, 3) slab_bug(const struct kmem_cache *s, const char *fmt, ...)
{
	char buf[128];
	va_list args;

	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, buf);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

/* Hex dump @length bytes at @addr, 16 a line, each line led by @text. */
static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	for (unsigned int i = 0; i < length; i += 16) {
		printk(KERN_ERR "%s%p:", text, addr + i);
		for (unsigned int j = i; j < length && j < i + 16; j++)
			pr_cont(" %02x", addr[j]);
		pr_cont("\n");
	}
}

static void print_slab_info(struct page *page)
{
	pr_err("INFO: Slab 0x%p objects=%u used=%u fp=0x%p flags=%#lx\n",
	       page_address(page), page->objects, page->inuse, page->freelist,
	       page->flags);
}

/* What a report shows after its first line: the slab, the object, the stack. */
static void print_trailer(const struct kmem_cache *s, struct page *page, u8 *p)
{
	print_slab_info(page);
	pr_err("INFO: Object 0x%p @offset=%lu fp=0x%p\n\n", p,
	       (unsigned long)(p - (u8 *)page_address(page)), get_freepointer(s, p));
	print_section("Object ", p, min(s->object_size, 64u));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone ", p + s->object_size, s->inuse - s->object_size);
	dump_stack();
}

/* Report a free of something this allocator did not hand out. */
static void __printf(1, 2) bad_free(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	slab_free_errors++;
	dump_stack();
}

static void restore_bytes(const struct kmem_cache *s, const char *what, u8 value,
			  u8 *from, u8 *to)
{
	pr_err("FIX %s: Restoring %s 0x%p-0x%p=0x%x\n", s->name, what, from, to - 1, value);
	memset(from, value, to - from);
}

/*
 * check_bytes_and_report - do the @bytes at @start all hold @value?  If
 * not, report the damaged range (@offset is from the start of @object;
 * Linux counts from the slab's start), then restore it.  Returns true if
 * all was well.
 */
static bool check_bytes_and_report(const struct kmem_cache *s, struct page *page,
				   u8 *object, const char *what, u8 *start,
				   u8 value, unsigned int bytes)
{
	u8 *fault = memchr_inv(start, value, bytes);
	u8 *end = start + bytes;

	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("INFO: 0x%p-0x%p @offset=%lu. First byte 0x%x instead of 0x%x\n",
	       fault, end - 1, (unsigned long)(fault - object), fault[0], value);
	print_trailer(s, page, object);
	restore_bytes(s, what, value, fault, end);
	return false;
}

/* --- poison and red zones ------------------------------------------------- */

/*
 * init_object - set @object's red zone to @val; if @val says free
 * (SLUB_RED_INACTIVE) and the cache poisons, fill the object with poison.
 */
static void init_object(const struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if ((s->flags & __OBJECT_POISON) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if (s->flags & SLAB_RED_ZONE)
		memset(p + s->object_size, val, s->inuse - s->object_size);
}

/*
 * check_object - is @object's red zone still @val, and, if the object is
 * free (@val == SLUB_RED_INACTIVE) and poisoned, its poison intact?
 * Damage is reported, counted and repaired.
 */
static void check_object(const struct kmem_cache *s, struct page *page,
			 void *object, u8 val)
{
	u8 *p = object, *endobject = p + s->object_size;

	if ((s->flags & SLAB_RED_ZONE) &&
	    !check_bytes_and_report(s, page, p, "Right Redzone", endobject, val,
				    s->inuse - s->object_size))
		slab_redzone_errors++;
	if (val == SLUB_RED_INACTIVE && (s->flags & __OBJECT_POISON) &&
	    (!check_bytes_and_report(s, page, p, "Poison", p, POISON_FREE,
				     s->object_size - 1) ||
	     !check_bytes_and_report(s, page, p, "End Poison", endobject - 1,
				     POISON_END, 1)))
		slab_poison_errors++;
}

/* A free object is about to be handed out: it must be untouched since its free. */
static void alloc_debug_processing(const struct kmem_cache *s, struct page *page,
				   void *object)
{
	check_object(s, page, object, SLUB_RED_INACTIVE);
	init_object(s, object, SLUB_RED_ACTIVE);
}

/*
 * free_consistency_checks - may @object be freed to @page's slab?  It
 * must start an object slot and not be free already; if not, the free is
 * reported and refused, and the freelist is left intact.
 */
static bool free_consistency_checks(const struct kmem_cache *s, struct page *page,
				    void *object)
{
	if (!check_valid_pointer(s, page, object)) {
		slab_bug(s, "Invalid object pointer 0x%p", object);
		print_slab_info(page);
		dump_stack();
	} else if (on_freelist(s, page, object)) {
		slab_bug(s, "Object already free");
		print_trailer(s, page, object);
	} else {
		return true;
	}
	slab_free_errors++;
	return false;
}

/*
 * free_debug_processing - the checks before a free: the consistency
 * checks always (Linux runs them only when debugging), the red zone and
 * poison when debugging.  False if @object must not be freed.
 */
static bool free_debug_processing(const struct kmem_cache *s, struct page *page,
				  void *object)
{
	if (!free_consistency_checks(s, page, object))
		return false;
	if (kmem_cache_debug(s)) {
		check_object(s, page, object, SLUB_RED_ACTIVE);
		init_object(s, object, SLUB_RED_INACTIVE);
	}
	return true;
}

/* --- slabs ---------------------------------------------------------------- */

/* A new object, before anyone has used it: poisoned, or constructed. */
static void setup_object(const struct kmem_cache *s, void *object)
{
	init_object(s, object, SLUB_RED_INACTIVE);
	if (s->ctor)
		s->ctor(object);
}

/*
 * allocate_slab - take 2^s->order pages and cut them into objects, all
 * free, chained in address order.  Returns the slab's first page, or NULL
 * if the buddy allocator has no block left.
 */
static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page;
	u8 *p;

	/* the caller's should_fail_alloc() already counted this allocation */
	page = alloc_pages((gfp & __GFP_NOWARN) | __GFP_NOFAIL_INJECT, s->order);
	if (!page)
		return NULL;
	for (unsigned long i = 0; i < (1UL << s->order); i++) {
		SetPageSlab(page + i);
		page[i].slab_cache = s;
	}
	page->objects = s->objects_per_slab;
	page->inuse = 0;
	page->freelist = page_address(page);
	p = page->freelist;
	for (unsigned int i = 0; i < page->objects; i++, p += s->size) {
		setup_object(s, p);
		set_freepointer(s, p, i + 1 < page->objects ? p + s->size : NULL);
	}
	return page;
}

/* new_slab - a new slab, counted and put on s->partial; or NULL. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = allocate_slab(s, gfp);

	if (!page)
		return NULL;
	s->num_slabs++;
	s->num_objs += page->objects;
	list_add(&page->slab_list, &s->partial);
	return page;
}

/* free_slab - undo allocate_slab(): unmark the pages, give them back. */
static void free_slab(struct kmem_cache *s, struct page *page)
{
	for (unsigned long i = 0; i < (1UL << s->order); i++) {
		ClearPageSlab(page + i);
		page[i].slab_cache = NULL;	/* page->private again: 0 */
	}
	page->freelist = NULL;
	page->inuse = page->objects = 0;
	__free_pages(page, s->order);
}

/*
 * discard_slab - an empty slab, already off its list, goes back to the
 * buddy allocator.  With debugging its objects are checked a last time:
 * a write to an object freed just before its slab emptied shows here.
 */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	u8 *p, *start = page_address(page);

	s->num_slabs--;
	s->num_objs -= page->objects;
	if (kmem_cache_debug(s))
		for_each_object(p, s, start, page->objects)
			check_object(s, page, p, SLUB_RED_INACTIVE);
	free_slab(s, page);
}

static struct page *get_partial(struct kmem_cache *s)
{
	return list_first_entry_or_null(&s->partial, struct page, slab_list);
}

/*
 * ___slab_alloc - take the first free object of the first partial slab,
 * making a slab if there is none.  Caller has interrupts off.  Returns
 * NULL only if the buddy allocator is out of pages.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct page *page = get_partial(s);
	void *object;

	if (!page)
		page = new_slab(s, gfp);
	if (!page)
		return NULL;
	object = page->freelist;
	page->freelist = get_freepointer(s, object);
	page->inuse++;
	s->active_objs++;
	if (!page->freelist)
		list_move(&page->slab_list, &s->full);
	if (kmem_cache_debug(s))
		alloc_debug_processing(s, page, object);
	return object;
}

static void slab_out_of_memory(const struct kmem_cache *s, gfp_t gfp)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("SLUB: Unable to allocate memory: cache: %s, object size: %u, buffer size: %u, default order: %u\n",
		s->name, s->object_size, s->size, s->order);
}

/*
 * slab_alloc - one object of @s, zeroed if @gfp has __GFP_ZERO; NULL if
 * fault injection picks this allocation or memory is out.  Exactly one
 * allocation for should_fail_alloc(), even when it takes a new slab.
 */
static void *slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	void *object;

	if (should_fail_alloc(gfp))
		return NULL;
	local_irq_save(flags);
	object = ___slab_alloc(s, gfp);
	local_irq_restore(flags);
	if (!object) {
		slab_out_of_memory(s, gfp);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	return object;
}

/*
 * __slab_free - push @object on its slab's freelist.  A full slab becomes
 * partial; a slab with no object left in use is discarded.  Caller has
 * interrupts off.
 */
static void __slab_free(struct kmem_cache *s, struct page *page, void *object)
{
	bool was_full = !page->freelist;

	set_freepointer(s, object, page->freelist);
	page->freelist = object;
	page->inuse--;
	s->active_objs--;
	if (!page->inuse) {
		list_del(&page->slab_list);
		discard_slab(s, page);
	} else if (was_full) {
		list_move_tail(&page->slab_list, &s->partial);
	}
}

/* slab_free - free @object of @s, in slab @page, unless the checks refuse. */
static void slab_free(struct kmem_cache *s, struct page *page, void *object)
{
	unsigned long flags;

	local_irq_save(flags);
	if (free_debug_processing(s, page, object))
		__slab_free(s, page, object);
	local_irq_restore(flags);
}

/**
 * kmem_cache_alloc - allocate an object from a cache
 * @s: the cache
 * @gfp: GFP_* flags; __GFP_ZERO zeroes the object, __GFP_NOWARN keeps
 *	quiet when memory is out
 *
 * Return: the object, or NULL (never panics).
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp);
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it came from
 * @object: the object; NULL is ignored
 *
 * A pointer that is not an object of @s, or an object already free, is
 * reported (printk and a backtrace) and left alone.
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *page;

	if (!object)
		return;
	page = virt_to_slab(object);
	if (!page)
		bad_free(KERN_ERR "kmem_cache_free: Object 0x%p is not a Slab page!\n", object);
	else if (page->slab_cache != s)
		bad_free(KERN_ERR "kmem_cache_free: Wrong slab cache. %s but object is from %s\n",
			 s->name, page->slab_cache->name);
	else
		slab_free(s, page, object);
}

/* --- creating and destroying caches --------------------------------------- */

/*
 * kmem_cache_flags - the flags a new cache really gets.  slab_debug adds
 * poison and red zones (Linux: "slub_debug=" applied here); a ctor rules
 * out poisoning, which would destroy the constructed state.
 */
static slab_flags_t kmem_cache_flags(slab_flags_t flags, void (*ctor)(void *))
{
	if (slab_debug)
		flags |= SLAB_POISON | SLAB_RED_ZONE;
	if ((flags & SLAB_POISON) && !ctor)
		flags |= __OBJECT_POISON;
	return flags;
}

/*
 * calculate_alignment - @align, at least 8.  SLAB_HWCACHE_ALIGN raises it
 * to a cache line, or for objects of half a line or less to the smallest
 * power of two that holds one: no object straddles two lines needlessly.
 */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return max(align, ARCH_SLAB_MINALIGN);
}

/*
 * calculate_order - the order of the slabs for objects of @size: the
 * smallest that holds slub_min_objects, or past slub_max_order the
 * smallest that holds one.  -E2BIG if no block is big enough.
 */
static int calculate_order(unsigned int size)
{
	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		unsigned long objects = (PAGE_SIZE << order) / size;

		if (objects >= slub_min_objects || (order >= slub_max_order && objects))
			return order;
	}
	return -E2BIG;
}

/*
 * calculate_sizes - lay out an object slot (drawn at the top of the file)
 * from s->object_size, ->flags, ->ctor and ->align; then the slab order.
 * Returns 0 or -E2BIG.
 */
static int calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((s->flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);		/* a red zone of one word at least */
	s->inuse = size;
	s->offset = 0;
	if ((s->flags & __OBJECT_POISON) || s->ctor) {
		s->offset = size;		/* the free pointer past the object */
		size += sizeof(void *);
	}
	s->size = ALIGN(size, s->align);
	order = calculate_order(s->size);
	if (order < 0)
		return order;
	s->order = order;
	s->objects_per_slab = (PAGE_SIZE << order) / s->size;
	return 0;
}

/*
 * kmem_cache_open - fill in the zeroed @s and put it on slab_caches.
 * Returns 0, or -EINVAL for a bad size or alignment.
 */
static int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned long irqflags;

	if (!name || !size || size > KMALLOC_MAX_SIZE || (align & (align - 1)) ||
	    align > PAGE_SIZE)
		return -EINVAL;
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = kmem_cache_flags(flags, ctor);
	s->align = calculate_alignment(flags, align, size);
	if (calculate_sizes(s))
		return -EINVAL;
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	local_irq_save(irqflags);
	list_add(&s->list, &slab_caches);
	local_irq_restore(irqflags);
	return 0;
}

/**
 * kmem_cache_create - create a cache of objects of one size
 * @name: its name in slabinfo_show() and reports; kept, not copied
 * @size: bytes per object (up to KMALLOC_MAX_SIZE)
 * @align: alignment, a power of two up to PAGE_SIZE, or 0; objects are
 *	always aligned to 8 at least
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_POISON, SLAB_RED_ZONE, SLAB_PANIC
 * @ctor: run on each object once, when its slab is made; objects must
 *	be freed in their constructed state
 *
 * The cache's struct is an object of the kmem_cache cache, so creation
 * counts as one allocation for fault injection.
 *
 * Return: the cache, or NULL (after a warning); with SLAB_PANIC a failure
 * panics instead.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (WARN_ON(!slab_is_available()))
		goto out;
	err = -ENOMEM;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	err = kmem_cache_open(s, name, size, align, flags & CACHE_CREATE_MASK, ctor);
	if (err) {
		kmem_cache_free(kmem_cache, s);
		s = NULL;
	}
out:
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: Failed to create slab '%s'. Error %d", name, err);
	if (!s)
		pr_warn("kmem_cache_create(%s) failed with error %d\n", name, err);
	return s;
}

/**
 * kmem_cache_destroy - remove a cache that has no objects in use
 * @s: the cache, or NULL
 *
 * A cache with objects still in use is reported and left in place (as
 * Linux does: freeing it would leave those objects dangling).  Its slabs
 * are already gone: each went back to the buddy allocator when it emptied.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;

	if (!s)
		return;
	local_irq_save(flags);
	if (s->active_objs) {
		local_irq_restore(flags);
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		       s->name, __builtin_return_address(0));
		dump_stack();
		return;
	}
	list_del(&s->list);
	local_irq_restore(flags);
	kmem_cache_free(kmem_cache, s);
}

/* --- kmalloc -------------------------------------------------------------- */

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[] = {
	{ "kmalloc-8", 8 },	{ "kmalloc-16", 16 },	{ "kmalloc-32", 32 },
	{ "kmalloc-64", 64 },	{ "kmalloc-96", 96 },	{ "kmalloc-128", 128 },
	{ "kmalloc-192", 192 },	{ "kmalloc-256", 256 },	{ "kmalloc-512", 512 },
	{ "kmalloc-1k", 1024 },	{ "kmalloc-2k", 2048 },	{ "kmalloc-4k", 4096 },
};

static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_info)];

/*
 * kmalloc_slab - the smallest kmalloc cache for @size, 1 ..
 * KMALLOC_MAX_CACHE_SIZE.  (Linux indexes a table by size; a walk over
 * twelve sizes reads simpler.)
 */
static struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int i = 0;

	while (kmalloc_info[i].size < size)
		i++;
	return kmalloc_caches[i];
}

/* The order of the smallest block of pages holding @size bytes (Linux: get_order()). */
static unsigned int size_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/*
 * kmalloc_large - a request too big for the kmalloc caches: a block of
 * pages straight from the buddy allocator.  Its first page is marked for
 * kfree() and ksize() by PG_slab clear and page->private = the order,
 * never 0 here (a page fresh from alloc_pages() has private 0).  Linux
 * marks it as a compound page instead.
 */
static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = size_order(size);
	unsigned long flags;
	struct page *page;

	if (should_fail_alloc(gfp))
		return NULL;
	page = alloc_pages(gfp | __GFP_NOFAIL_INJECT, order);
	if (!page) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("kmalloc: no free block of order %u for %zu bytes\n", order, size);
		return NULL;
	}
	page->private = order;
	local_irq_save(flags);
	kmalloc_large_objs++;
	kmalloc_large_pages += 1UL << order;
	local_irq_restore(flags);
	return page_address(page);
}

/* free_large_kmalloc - undo kmalloc_large(); anything else is reported. */
static void free_large_kmalloc(const void *object)
{
	struct page *page = virt_to_page(object);
	unsigned int order;
	unsigned long flags;

	if (!addr_in_ram(object) || !PAGE_ALIGNED(object) || PageReserved(page) ||
	    !page->private || page->private >= MAX_ORDER || page_ref_count(page) != 1) {
		bad_free(KERN_ERR "kfree: object 0x%p was not allocated by kmalloc\n", object);
		return;
	}
	order = page->private;
	local_irq_save(flags);
	kmalloc_large_objs--;
	kmalloc_large_pages -= 1UL << order;
	local_irq_restore(flags);
	page->private = 0;
	__free_pages(page, order);
}

/**
 * kmalloc - allocate memory
 * @size: bytes wanted
 * @gfp: GFP_* flags; __GFP_ZERO zeroes the memory
 *
 * Up to KMALLOC_MAX_CACHE_SIZE the memory is an object of the smallest
 * kmalloc-N cache that fits (ksize() tells N); above, a block of pages.
 *
 * Return: the memory aligned to 8 at least, ZERO_SIZE_PTR for @size 0,
 * or NULL when memory is out or @size is above KMALLOC_MAX_SIZE.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_SIZE)
		return NULL;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	if (WARN_ON_ONCE(!slab_is_available()))
		return NULL;
	return slab_alloc(kmalloc_slab(size), gfp);
}

/**
 * kfree - free memory from kmalloc() (or any cache: it finds the cache)
 * @object: the memory; NULL and ZERO_SIZE_PTR are ignored
 *
 * A pointer the allocator did not hand out, or a double free, is
 * reported and left alone.
 */
void kfree(const void *object)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(object))
		return;
	page = virt_to_slab(object);
	if (page)
		slab_free(page->slab_cache, page, (void *)object);
	else
		free_large_kmalloc(object);
}

/**
 * ksize - the usable size of memory from kmalloc()
 * @object: the memory
 *
 * Return: the object size of its cache, or the size of its block of
 * pages; 0 for NULL and ZERO_SIZE_PTR.
 */
size_t ksize(const void *object)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(object))
		return 0;
	page = virt_to_slab(object);
	if (page)
		return page->slab_cache->object_size;
	return PAGE_SIZE << virt_to_page(object)->private;
}

/**
 * kstrdup - copy a string into kmalloc() memory (Linux keeps it in mm/util.c)
 * @s: the string, or NULL
 * @gfp: GFP_* flags
 *
 * Return: the copy, or NULL if @s is NULL or memory is out.
 */
char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}

/* --- accounting and boot -------------------------------------------------- */

/**
 * slab_objects_in_use - objects handed out by every cache, plus blocks
 * out from kmalloc_large()
 */
unsigned long slab_objects_in_use(void)
{
	struct kmem_cache *s;
	unsigned long flags, n;

	local_irq_save(flags);
	n = kmalloc_large_objs;
	list_for_each_entry(s, &slab_caches, list)
		n += s->active_objs;
	local_irq_restore(flags);
	return n;
}

/** slab_nr_pages - pages held by every cache's slabs and by kmalloc_large() */
unsigned long slab_nr_pages(void)
{
	struct kmem_cache *s;
	unsigned long flags, n;

	local_irq_save(flags);
	n = kmalloc_large_pages;
	list_for_each_entry(s, &slab_caches, list)
		n += s->num_slabs << s->order;
	local_irq_restore(flags);
	return n;
}

/** slabinfo_show - print every cache's counters, as Linux's /proc/slabinfo */
void slabinfo_show(void)
{
	struct kmem_cache *s;

	pr_info("slabinfo - version: 2.1\n");
	pr_info("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : slabdata <active_slabs> <num_slabs>\n");
	list_for_each_entry(s, &slab_caches, list)
		pr_info("%-17s %13lu %10lu %9u %12u %14lu : slabdata %14lu %11lu\n",
			s->name, s->active_objs, s->num_objs, s->size,
			s->objects_per_slab, 1UL << s->order, s->num_slabs, s->num_slabs);
	pr_info("kmalloc-large: %lu allocations, %lu pages\n",
		kmalloc_large_objs, kmalloc_large_pages);
}

/**
 * kmem_cache_init - set up the slab allocator; the buddy allocator must be up
 *
 * First the cache of struct kmem_cache, in static memory; from then on
 * kmem_cache_create() works, and makes the kmalloc caches.
 */
void kmem_cache_init(void)
{
	if (WARN_ON(slab_state != DOWN))
		return;
	kmem_cache = &boot_kmem_cache;
	if (kmem_cache_open(kmem_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
			    SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot create the kmem_cache cache");
	slab_state = UP;
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_info); i++)
		kmalloc_caches[i] = kmem_cache_create(kmalloc_info[i].name,
						      kmalloc_info[i].size, 0,
						      SLAB_PANIC, NULL);
	pr_info("SLUB: HWalign=%d, Order=0-%d, MinObjects=%d, CPUs=1, Nodes=1%s\n",
		L1_CACHE_BYTES, slub_max_order, slub_min_objects,
		slab_debug ? ", slub_debug: poison, red zones" : "");
}
