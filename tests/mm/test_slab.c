// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator (mm/slub.c): counters exact to the object and the
 * page, where objects land, constructors, kmalloc's size classes and
 * large blocks, poison and red zones, refused frees, fault injection.
 *
 * The cases pass whether or not the kernel runs with slab_debug (the
 * ktest kernel does): layouts are checked against what the cache says
 * it does, and the debugging cases make their own debugging caches.
 */
#include <fault-inject.h>
#include <ktest.h>
#include <mm.h>
#include <poison.h>
#include <slab.h>
#include <string.h>

#define NR_OBJS		3000

static void *objs[NR_OBJS];

/* --- helpers ------------------------------------------------------------- */

/* Was @needle printed since the log held @mark bytes?  (kernel/printk.c) */
static bool logged_since(unsigned long mark, const char *needle)
{
	extern char log_buf[];
	extern unsigned long log_next;
	static char text[8192];
	unsigned long n = min(log_next - mark, sizeof(text) - 1);

	for (unsigned long i = 0; i < n; i++)
		text[i] = log_buf[(mark + i) % (1 << 16)];
	text[n] = '\0';
	return strstr(text, needle);
}

static unsigned long log_mark(void)
{
	extern unsigned long log_next;

	return log_next;
}

/* The cache's three counters, and num_objs agreeing with num_slabs. */
static void expect_counts(struct ktest *test, struct kmem_cache *s,
			  unsigned long active, unsigned long slabs)
{
	KTEST_EXPECT_UEQ(test, s->active_objs, active);
	KTEST_EXPECT_UEQ(test, s->num_slabs, slabs);
	KTEST_EXPECT_UEQ(test, s->num_objs, slabs * s->objects_per_slab);
}

/* Is @p an object slot of @s: in one of its slabs, aligned, inside it? */
static void expect_slab_object(struct ktest *test, struct kmem_cache *s, void *p)
{
	struct page *page = virt_to_page(p);
	unsigned long head = ALIGN_DOWN(page_to_pfn(page), 1UL << s->order);
	u8 *start = page_address(pfn_to_page(head));

	KTEST_EXPECT_TRUE(test, PageSlab(page));
	KTEST_EXPECT_PTR_EQ(test, page->slab_cache, s);
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, s->align));
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 8));
	KTEST_EXPECT_EQ(test, ((u8 *)p - start) % s->size, 0);
	KTEST_EXPECT_TRUE(test, (u8 *)p + s->size <= start + (PAGE_SIZE << s->order));
}

static bool cache_listed(struct kmem_cache *s)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list)
		if (c == s)
			return true;
	return false;
}

/* Allocate objs[0 .. n-1] from @s, each filled with its own index. */
static void alloc_tagged(struct ktest *test, struct kmem_cache *s, int n)
{
	for (int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
		memset(objs[i], i & 0xff, s->object_size);
		*(u32 *)objs[i] = i;
	}
}

/* No object was overwritten by another: every tag is intact. */
static void expect_tags_intact(struct ktest *test, struct kmem_cache *s, int n)
{
	int bad = 0;

	for (int i = 0; i < n; i++)
		bad += *(u32 *)objs[i] != (u32)i ||
		       memchr_inv((u8 *)objs[i] + 4, i & 0xff, s->object_size - 4);
	KTEST_EXPECT_EQ(test, bad, 0);
}

/* --- caches and counters ------------------------------------------------- */

/* Sizes, alignment and slab order follow from size, flags and debugging. */
static void slab_cache_layout(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-24", 24, 0, 0, NULL);
	struct kmem_cache *hw = kmem_cache_create("slab-test-hw", 100, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *small = kmem_cache_create("slab-test-hw20", 20, 0, SLAB_HWCACHE_ALIGN, NULL);

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_ASSERT_NOT_NULL(test, hw);
	KTEST_ASSERT_NOT_NULL(test, small);
	KTEST_EXPECT_EQ(test, s->object_size, 24);
	KTEST_EXPECT_EQ(test, s->align, 8);
	/* debugging adds a word of red zone and the free pointer */
	KTEST_EXPECT_EQ(test, s->size, slab_debug ? 40 : 24);
	KTEST_EXPECT_EQ(test, s->order, 0);
	KTEST_EXPECT_EQ(test, s->objects_per_slab, PAGE_SIZE / s->size);
	KTEST_EXPECT_EQ(test, hw->align, 64);
	KTEST_EXPECT_EQ(test, hw->size, 128);
	KTEST_EXPECT_EQ(test, small->align, 32);
	KTEST_EXPECT_TRUE(test, cache_listed(s) && cache_listed(hw));
	expect_counts(test, s, 0, 0);
	kmem_cache_destroy(s);
	kmem_cache_destroy(hw);
	kmem_cache_destroy(small);
	KTEST_EXPECT_FALSE(test, cache_listed(s));
}

/* Impossible caches are refused with NULL. */
static void slab_create_rejects_bad_args(struct ktest *test)
{
	KTEST_EXPECT_NULL(test, kmem_cache_create("slab-test-bad", 0, 0, 0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create("slab-test-bad", 64, 24, 0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create("slab-test-bad", 64, 2 * PAGE_SIZE, 0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create("slab-test-bad", KMALLOC_MAX_SIZE + 1, 0, 0, NULL));
	KTEST_EXPECT_NULL(test, kmem_cache_create(NULL, 64, 0, 0, NULL));
}

/* A slab for every objects_per_slab objects; LIFO frees empty the last slab first. */
static void slab_alloc_free_lifo(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-64", 64, 0, 0, NULL);
	unsigned long free0 = nr_free_pages(), pages0 = slab_nr_pages();
	unsigned long per, slabs;

	KTEST_ASSERT_NOT_NULL(test, s);
	per = s->objects_per_slab;
	slabs = DIV_ROUND_UP(NR_OBJS, per);
	alloc_tagged(test, s, NR_OBJS);
	expect_counts(test, s, NR_OBJS, slabs);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0 - (slabs << s->order));
	KTEST_EXPECT_UEQ(test, slab_nr_pages(), pages0 + (slabs << s->order));
	expect_tags_intact(test, s, NR_OBJS);
	for (int i = 0; i < NR_OBJS; i++) {
		expect_slab_object(test, s, objs[i]);
		if (i % per)		/* a fresh slab hands out in address order */
			KTEST_EXPECT_PTR_EQ(test, objs[i], (u8 *)objs[i - 1] + s->size);
	}
	for (int i = NR_OBJS - 1; i >= 0; i--) {
		kmem_cache_free(s, objs[i]);
		if (i % per == 0)	/* slab i / per just emptied */
			expect_counts(test, s, i, i / per);
	}
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
	KTEST_EXPECT_UEQ(test, slab_nr_pages(), pages0);
	kmem_cache_destroy(s);
}

/* FIFO frees empty the first slab first, each going back at once. */
static void slab_alloc_free_fifo(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-200", 200, 0, 0, NULL);
	unsigned long free0 = nr_free_pages(), per, slabs;

	KTEST_ASSERT_NOT_NULL(test, s);
	per = s->objects_per_slab;
	slabs = DIV_ROUND_UP(NR_OBJS, per);
	alloc_tagged(test, s, NR_OBJS);
	expect_counts(test, s, NR_OBJS, slabs);
	expect_tags_intact(test, s, NR_OBJS);
	for (int i = 0; i < NR_OBJS; i++) {
		kmem_cache_free(s, objs[i]);
		if ((i + 1) % per == 0) {
			expect_counts(test, s, NR_OBJS - i - 1, slabs - (i + 1) / per);
			KTEST_EXPECT_UEQ(test, nr_free_pages(),
					 free0 - ((slabs - (i + 1) / per) << s->order));
		}
	}
	expect_counts(test, s, 0, 0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
	kmem_cache_destroy(s);
}

/* Freeing every other object keeps every slab; allocating refills them first. */
static void slab_free_interleaved_refills_partials(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-48", 48, 0, 0, NULL);
	unsigned long free0 = nr_free_pages(), slabs;

	KTEST_ASSERT_NOT_NULL(test, s);
	slabs = DIV_ROUND_UP(NR_OBJS, s->objects_per_slab);
	alloc_tagged(test, s, NR_OBJS);
	for (int i = 0; i < NR_OBJS; i += 2)
		kmem_cache_free(s, objs[i]);
	expect_counts(test, s, NR_OBJS / 2, slabs);
	for (int i = 0; i < NR_OBJS; i += 2) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
		memset(objs[i], i & 0xff, s->object_size);
		*(u32 *)objs[i] = i;
	}
	expect_counts(test, s, NR_OBJS, slabs);		/* no new slab */
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0 - (slabs << s->order));
	expect_tags_intact(test, s, NR_OBJS);
	for (int i = 0; i < NR_OBJS; i++)
		kmem_cache_free(s, objs[i]);
	expect_counts(test, s, 0, 0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
	kmem_cache_destroy(s);
}

/* Every object honours the requested alignment, and 8 at least. */
static void slab_objects_aligned(struct ktest *test)
{
	static const unsigned int sizes[] = { 1, 13, 100, 1000 };

	for (unsigned int align = 0; align <= 512; align = align ? align * 2 : 8) {
		for (unsigned int k = 0; k < ARRAY_SIZE(sizes); k++) {
			struct kmem_cache *s = kmem_cache_create("slab-test-align",
								 sizes[k], align, 0, NULL);

			KTEST_ASSERT_NOT_NULL(test, s);
			KTEST_EXPECT_GE(test, s->align, max(align, 8u));
			for (int i = 0; i < 20; i++) {
				objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
				KTEST_ASSERT_NOT_NULL(test, objs[i]);
				expect_slab_object(test, s, objs[i]);
				KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)objs[i], max(align, 8u)));
			}
			for (int i = 0; i < 20; i++)
				kmem_cache_free(s, objs[i]);
			kmem_cache_destroy(s);
		}
	}
}

/* --- constructors -------------------------------------------------------- */

struct ctor_obj {
	u64 magic;
	u64 uses;
	u8 payload[40];
};

#define CTOR_MAGIC	0x5a5a0123fedc9876ULL

static unsigned long ctor_calls;

static void ctor_obj_ctor(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->uses = 0;
	ctor_calls++;
}

/* The ctor runs once per object when its slab is made, never on reuse. */
static void slab_ctor_once_per_object(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-ctor", sizeof(struct ctor_obj),
						 0, 0, ctor_obj_ctor);
	struct ctor_obj *o;
	int n, bad = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	n = 4 * s->objects_per_slab;		/* full slabs: no never-used object */
	KTEST_EXPECT_GE(test, s->offset, s->object_size);	/* free pointer outside */
	ctor_calls = 0;
	for (int i = 0; i < n; i++) {
		objs[i] = o = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, o);
		bad += o->magic != CTOR_MAGIC || o->uses != 0;
		o->uses++;
	}
	KTEST_EXPECT_EQ(test, bad, 0);
	KTEST_EXPECT_UEQ(test, ctor_calls, s->num_objs);
	for (int i = 0; i < n; i += 2)		/* odd ones keep every slab */
		kmem_cache_free(s, objs[i]);
	for (int i = 0; i < n; i += 2) {
		objs[i] = o = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, o);
		bad += o->magic != CTOR_MAGIC || o->uses != 1;	/* state kept, no poison */
	}
	KTEST_EXPECT_EQ(test, bad, 0);
	KTEST_EXPECT_UEQ(test, ctor_calls, s->num_objs);	/* no new calls */
	for (int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	expect_counts(test, s, 0, 0);
	o = kmem_cache_alloc(s, GFP_KERNEL);		/* a new slab: constructed anew */
	KTEST_ASSERT_NOT_NULL(test, o);
	KTEST_EXPECT_EQ(test, o->uses, 0);
	KTEST_EXPECT_UEQ(test, ctor_calls, s->num_objs + DIV_ROUND_UP(n, s->objects_per_slab) * s->objects_per_slab);
	kmem_cache_free(s, o);
	kmem_cache_destroy(s);
}

/* --- zeroing and kmalloc ------------------------------------------------- */

/* __GFP_ZERO clears a dirty, reused object. */
static void slab_zalloc_zeroes(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-zero", 40, 0, 0, NULL);
	void *keep, *p, *z;

	KTEST_ASSERT_NOT_NULL(test, s);
	keep = kmem_cache_alloc(s, GFP_KERNEL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 40);
	kmem_cache_free(s, p);
	z = kmem_cache_zalloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, z, p);		/* LIFO: the same object */
	KTEST_EXPECT_NULL(test, memchr_inv(z, 0, 40));
	kmem_cache_free(s, z);
	kmem_cache_free(s, keep);
	kmem_cache_destroy(s);

	p = kmalloc(100, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, ksize(p));
	kfree(p);
	z = kzalloc(100, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, z);
	KTEST_EXPECT_NULL(test, memchr_inv(z, 0, ksize(z)));
	kfree(z);
}

/* kmalloc picks the smallest kmalloc-N cache that fits, as Linux names them. */
static void kmalloc_size_classes(struct ktest *test)
{
	static const struct { size_t size; size_t class; const char *name; } t[] = {
		{ 1, 8, "kmalloc-8" },		{ 8, 8, "kmalloc-8" },
		{ 9, 16, "kmalloc-16" },	{ 33, 64, "kmalloc-64" },
		{ 96, 96, "kmalloc-96" },	{ 97, 128, "kmalloc-128" },
		{ 129, 192, "kmalloc-192" },	{ 193, 256, "kmalloc-256" },
		{ 1000, 1024, "kmalloc-1k" },	{ 2048, 2048, "kmalloc-2k" },
		{ 4096, 4096, "kmalloc-4k" },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(t); i++) {
		void *p = kmalloc(t[i].size, GFP_KERNEL);
		struct kmem_cache *s;
		unsigned long active;

		KTEST_ASSERT_NOT_NULL(test, p);
		s = virt_to_page(p)->slab_cache;
		active = s->active_objs;
		KTEST_EXPECT_UEQ(test, ksize(p), t[i].class);
		KTEST_EXPECT_STREQ(test, s->name, t[i].name);
		KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 8));
		memset(p, 0x11, ksize(p));		/* all of ksize() is usable */
		kfree(p);
		KTEST_EXPECT_UEQ(test, s->active_objs, active - 1);
	}
	KTEST_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_UEQ(test, ksize(ZERO_SIZE_PTR), 0);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
}

/* Above 4 KiB: a block of pages, counted, freed back exactly. */
static void kmalloc_large_uses_pages(struct ktest *test)
{
	unsigned long free0 = nr_free_pages(), pages0 = slab_nr_pages();
	unsigned long objs0 = slab_objects_in_use();
	u8 *p = kmalloc(20000, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_TRUE(test, PAGE_ALIGNED(p));
	KTEST_EXPECT_FALSE(test, PageSlab(virt_to_page(p)));
	KTEST_EXPECT_UEQ(test, ksize(p), 32768);	/* order 3 */
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0 - 8);
	KTEST_EXPECT_UEQ(test, slab_nr_pages(), pages0 + 8);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs0 + 1);
	memset(p, 0x5c, 20000);
	q = kzalloc(4097, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, q);
	KTEST_EXPECT_UEQ(test, ksize(q), 8192);
	KTEST_EXPECT_NULL(test, memchr_inv(q, 0, 8192));
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0 - 10);
	kfree(p);
	kfree(q);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
	KTEST_EXPECT_UEQ(test, slab_nr_pages(), pages0);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs0);
	KTEST_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	KTEST_EXPECT_NULL(test, kmalloc(SIZE_MAX, GFP_KERNEL));
}

/* n * size overflowing gives NULL, not a short buffer. */
static void kcalloc_overflow_is_null(struct ktest *test)
{
	unsigned long objs0 = slab_objects_in_use();
	u8 *p;

	KTEST_EXPECT_NULL(test, kcalloc(SIZE_MAX / 2 + 1, 2, GFP_KERNEL));
	KTEST_EXPECT_NULL(test, kcalloc(1UL << 32, 1UL << 32, GFP_KERNEL));
	KTEST_EXPECT_NULL(test, kmalloc_array(SIZE_MAX, 8, GFP_KERNEL));
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs0);
	p = kcalloc(10, 12, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_UEQ(test, ksize(p), 128);
	KTEST_EXPECT_NULL(test, memchr_inv(p, 0, 120));
	kfree(p);
}

static void kstrdup_copies(struct ktest *test)
{
	static const char src[] = "dissect";
	char long_src[301];
	char *p = kstrdup(src, GFP_KERNEL), *e, *l;

	KTEST_ASSERT_NOT_NULL(test, p);
	KTEST_EXPECT_STREQ(test, p, "dissect");
	KTEST_EXPECT_PTR_NE(test, p, src);
	KTEST_EXPECT_UEQ(test, ksize(p), 8);
	e = kstrdup("", GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, e);
	KTEST_EXPECT_STREQ(test, e, "");
	memset(long_src, 'x', 300);
	long_src[300] = '\0';
	l = kstrdup(long_src, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, l);
	KTEST_EXPECT_STREQ(test, l, long_src);
	KTEST_EXPECT_UEQ(test, ksize(l), 512);
	KTEST_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	kfree(p);
	kfree(e);
	kfree(l);
}

/* --- debugging: poison, red zones ---------------------------------------- */

/* A cache made while slab_debug is on poisons; turning it off after changes nothing. */
static struct kmem_cache *create_debug_cache(const char *name, unsigned int size)
{
	bool saved = slab_debug;
	struct kmem_cache *s;

	slab_debug = true;
	s = kmem_cache_create(name, size, 0, 0, NULL);
	slab_debug = saved;
	return s;
}

/* A write to a freed object is reported when the object is handed out again. */
static void slab_poison_catches_use_after_free(struct ktest *test)
{
	struct kmem_cache *s = create_debug_cache("slab-poison-test", 40);
	unsigned long errors = slab_poison_errors, mark;
	u8 *keep, *victim, *again;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_TRUE(test, s->flags & SLAB_POISON);
	KTEST_EXPECT_GE(test, s->offset, 40);		/* free pointer past the object */
	keep = kmem_cache_alloc(s, GFP_KERNEL);		/* keeps the slab alive */
	victim = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, victim);
	kmem_cache_free(s, victim);
	KTEST_EXPECT_NULL(test, memchr_inv(victim, POISON_FREE, 39));
	KTEST_EXPECT_EQ(test, victim[39], POISON_END);

	mark = log_mark();
	victim[5] = 0;					/* the use after free */
	again = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, again, victim);
	KTEST_EXPECT_UEQ(test, slab_poison_errors, errors + 1);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "BUG slab-poison-test (Not tainted): Poison overwritten"));
	KTEST_EXPECT_TRUE(test, logged_since(mark, "@offset=5. First byte 0x0 instead of 0x6b"));
	kmem_cache_free(s, again);
	kmem_cache_free(s, keep);
	expect_counts(test, s, 0, 0);
	KTEST_EXPECT_UEQ(test, slab_poison_errors, errors + 1);	/* repaired: no more */
	kmem_cache_destroy(s);
}

/* Clean use never trips the check; a poisoned object comes out still poisoned. */
static void slab_poison_clean_cycles(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-poison", 64, 0, SLAB_POISON, NULL);
	unsigned long errors = slab_poison_errors + slab_redzone_errors;

	KTEST_ASSERT_NOT_NULL(test, s);
	alloc_tagged(test, s, 100);
	for (int round = 0; round < 50; round++) {
		for (int i = 1; i < 100; i += 2)
			kmem_cache_free(s, objs[i]);
		for (int i = 1; i < 100; i += 2) {
			objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, objs[i]);
			KTEST_EXPECT_NULL(test, memchr_inv(objs[i], POISON_FREE, 63));
			memset(objs[i], round, 64);
		}
	}
	for (int i = 0; i < 100; i++)
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_UEQ(test, slab_poison_errors + slab_redzone_errors, errors);
	expect_counts(test, s, 0, 0);
	kmem_cache_destroy(s);
}

/* A write to a free object is still caught if its slab empties before reuse. */
static void slab_poison_checked_when_slab_empties(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-poison-discard", 32, 0, SLAB_POISON, NULL);
	unsigned long errors = slab_poison_errors, free0 = nr_free_pages(), mark;
	u8 *a, *b;

	KTEST_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, b);
	kmem_cache_free(s, b);
	b[31] = 0x42;					/* the end marker */
	mark = log_mark();
	kmem_cache_free(s, a);				/* the slab empties */
	KTEST_EXPECT_UEQ(test, slab_poison_errors, errors + 1);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "BUG slab-poison-discard (Not tainted): End Poison overwritten"));
	expect_counts(test, s, 0, 0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
	kmem_cache_destroy(s);
}

/* A write past the end lands in the red zone and is reported at free. */
static void slab_red_zone_catches_overflow(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-redzone-test", 20, 0, SLAB_RED_ZONE, NULL);
	unsigned long errors = slab_redzone_errors, mark;
	u8 *keep, *p, *again;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_EQ(test, s->inuse - s->object_size, 4);	/* 20 .. 24 */
	keep = kmem_cache_alloc(s, GFP_KERNEL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	memset(p, 0x77, 20);				/* all of it: fine */
	p[20] = 'x';					/* one byte too far */
	mark = log_mark();
	kmem_cache_free(s, p);
	KTEST_EXPECT_UEQ(test, slab_redzone_errors, errors + 1);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "BUG slab-redzone-test (Not tainted): Right Redzone overwritten"));
	KTEST_EXPECT_TRUE(test, logged_since(mark, "@offset=20. First byte 0x78 instead of 0xcc"));
	expect_counts(test, s, 1, 1);			/* freed all the same */
	again = kmem_cache_alloc(s, GFP_KERNEL);	/* repaired: no new report */
	KTEST_EXPECT_PTR_EQ(test, again, p);
	kmem_cache_free(s, again);
	kmem_cache_free(s, keep);
	KTEST_EXPECT_UEQ(test, slab_redzone_errors, errors + 1);
	kmem_cache_destroy(s);
}

/* --- refused frees ------------------------------------------------------- */

/* A second free is reported and ignored: no object is handed out twice. */
static void slab_double_free_refused(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-df", 32, 0, 0, NULL);
	unsigned long errors = slab_free_errors, free0, mark;
	void *keep, *a, *x, *y;
	u8 *big;

	KTEST_ASSERT_NOT_NULL(test, s);
	keep = kmem_cache_alloc(s, GFP_KERNEL);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, a);
	kmem_cache_free(s, a);
	mark = log_mark();
	kmem_cache_free(s, a);
	KTEST_EXPECT_UEQ(test, slab_free_errors, errors + 1);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "BUG slab-test-df (Not tainted): Object already free"));
	expect_counts(test, s, 1, 1);
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(test, x, a);
	KTEST_EXPECT_TRUE(test, y && y != a && y != keep);
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, keep);
	expect_counts(test, s, 0, 0);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, cache_listed(s));

	free0 = nr_free_pages();
	big = kmalloc(20000, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, big);
	kfree(big);
	kfree(big);				/* its pages are free already */
	KTEST_EXPECT_UEQ(test, slab_free_errors, errors + 2);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
}

static u8 not_slab_memory[PAGE_SIZE] __aligned(PAGE_SIZE);

/* Wrong cache, a pointer inside an object, memory that was never slab. */
static void slab_bad_frees_refused(struct ktest *test)
{
	struct kmem_cache *a = kmem_cache_create("slab-test-a", 64, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("slab-test-b", 64, 0, 0, NULL);
	unsigned long errors = slab_free_errors, mark = log_mark();
	struct page *page = alloc_page(GFP_KERNEL);
	u8 *obj;

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_NOT_NULL(test, page);
	obj = kmem_cache_alloc(a, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, obj);

	kmem_cache_free(b, obj);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "Wrong slab cache. slab-test-b but object is from slab-test-a"));
	kmem_cache_free(a, obj + 8);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "BUG slab-test-a (Not tainted): Invalid object pointer"));
	kmem_cache_free(a, not_slab_memory);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "is not a Slab page"));
	kfree(not_slab_memory);
	kfree(not_slab_memory + 8);
	kfree(page_address(page));
	kfree((void *)0x1000);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "was not allocated by kmalloc"));
	KTEST_EXPECT_UEQ(test, slab_free_errors, errors + 7);

	expect_counts(test, a, 1, 1);
	expect_counts(test, b, 0, 0);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);	/* untouched */
	__free_page(page);
	kmem_cache_free(a, obj);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

/* A cache with objects in use is not destroyed, and still works. */
static void slab_destroy_busy_cache_refuses(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-busy", 128, 0, 0, NULL);
	unsigned long mark;
	void *p, *q;

	KTEST_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, p);
	mark = log_mark();
	kmem_cache_destroy(s);
	KTEST_EXPECT_TRUE(test, logged_since(mark, "kmem_cache_destroy slab-test-busy: Slab cache still has objects"));
	KTEST_EXPECT_TRUE(test, cache_listed(s));
	expect_counts(test, s, 1, 1);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, q);
	kmem_cache_free(s, q);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KTEST_EXPECT_FALSE(test, cache_listed(s));
}

/* --- fault injection and accounting -------------------------------------- */

/* fail_nth = N fails the Nth allocation: one kmem_cache_alloc counts once. */
static void slab_fault_injection(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("slab-test-fail", 64, 0, 0, NULL);
	unsigned long injected = fail_nth_injected, free0 = nr_free_pages();
	void *p, *q;

	KTEST_ASSERT_NOT_NULL(test, s);
	fail_nth = 1;
	KTEST_EXPECT_NULL(test, kmem_cache_alloc(s, GFP_KERNEL));
	KTEST_EXPECT_UEQ(test, fail_nth_injected, injected + 1);
	expect_counts(test, s, 0, 0);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);

	fail_nth = 2;				/* the first needs a new slab: still one */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, p);
	KTEST_EXPECT_NULL(test, kmem_cache_alloc(s, GFP_KERNEL));
	KTEST_EXPECT_UEQ(test, fail_nth_injected, injected + 2);
	expect_counts(test, s, 1, 1);
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* works again */
	KTEST_EXPECT_NOT_NULL(test, q);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);

	fail_nth = 1;
	KTEST_EXPECT_NULL(test, kmalloc(64, GFP_KERNEL));
	fail_nth = 1;
	KTEST_EXPECT_NULL(test, kmalloc(20000, GFP_KERNEL));
	fail_nth = 2;
	p = kmalloc(20000, GFP_KERNEL);		/* its pages are not counted again */
	KTEST_EXPECT_NOT_NULL(test, p);
	KTEST_EXPECT_NULL(test, kmalloc(20000, GFP_KERNEL));
	kfree(p);
	fail_nth = 1;
	KTEST_EXPECT_NULL(test, kmem_cache_create("slab-test-nomem", 64, 0, 0, NULL));
	KTEST_EXPECT_UEQ(test, fail_nth_injected, injected + 6);
	KTEST_EXPECT_UEQ(test, fail_nth, 0);
	kmem_cache_destroy(s);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free0);
}

/* The global counters add up every cache, the cache structs included. */
static void slab_global_counters(struct ktest *test)
{
	unsigned long objs0 = slab_objects_in_use(), pages0, mark;
	struct kmem_cache *s = kmem_cache_create("slab-test-info", 512, 0, 0, NULL);

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs0 + 1);	/* the struct */
	pages0 = slab_nr_pages();
	alloc_tagged(test, s, 10);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs0 + 11);
	KTEST_EXPECT_UEQ(test, slab_nr_pages(), pages0 + (s->num_slabs << s->order));
	mark = log_mark();
	slabinfo_show();
	KTEST_EXPECT_TRUE(test, logged_since(mark, "slabinfo - version: 2.1"));
	KTEST_EXPECT_TRUE(test, logged_since(mark, "slab-test-info"));
	KTEST_EXPECT_TRUE(test, logged_since(mark, "kmalloc-4k"));
	for (int i = 0; i < 10; i++)
		kmem_cache_free(s, objs[i]);
	KTEST_EXPECT_UEQ(test, slab_nr_pages(), pages0);
	kmem_cache_destroy(s);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs0);
}

/* Cases change slab_debug and fail_nth; put them back whatever happened. */
static bool saved_slab_debug;

static int slab_test_init(struct ktest *test)
{
	saved_slab_debug = slab_debug;
	return 0;
}

static void slab_test_exit(struct ktest *test)
{
	slab_debug = saved_slab_debug;
	fail_nth = 0;
}

static struct ktest_case slab_cases[] = {
	KTEST_CASE(slab_cache_layout),
	KTEST_CASE(slab_create_rejects_bad_args),
	KTEST_CASE(slab_alloc_free_lifo),
	KTEST_CASE(slab_alloc_free_fifo),
	KTEST_CASE(slab_free_interleaved_refills_partials),
	KTEST_CASE(slab_objects_aligned),
	KTEST_CASE(slab_ctor_once_per_object),
	KTEST_CASE(slab_zalloc_zeroes),
	KTEST_CASE(kmalloc_size_classes),
	KTEST_CASE(kmalloc_large_uses_pages),
	KTEST_CASE(kcalloc_overflow_is_null),
	KTEST_CASE(kstrdup_copies),
	KTEST_CASE(slab_poison_catches_use_after_free),
	KTEST_CASE(slab_poison_clean_cycles),
	KTEST_CASE(slab_poison_checked_when_slab_empties),
	KTEST_CASE(slab_red_zone_catches_overflow),
	KTEST_CASE(slab_double_free_refused),
	KTEST_CASE(slab_bad_frees_refused),
	KTEST_CASE(slab_destroy_busy_cache_refuses),
	KTEST_CASE(slab_fault_injection),
	KTEST_CASE(slab_global_counters),
	{}
};

static struct ktest_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
	.init = slab_test_init,
	.exit = slab_test_exit,
};
ktest_suite(slab_suite);
