// SPDX-License-Identifier: GPL-2.0
/*
 * Memory areas (VMAs): the find_vma() family, how do_mmap(), do_munmap(),
 * do_mprotect() and do_brk() split and merge areas, where
 * get_unmapped_area() puts a new one, and the /proc/PID/maps line of an
 * area.  Every case gets a fresh, empty mm (vma_init) that vma_exit()
 * drops with everything still mapped in it.
 *
 * Addresses are written out in full so a failing case reads like the
 * maps file it would produce.
 */
#include <errno.h>
#include <ktest.h>
#include <fs.h>
#include <mm.h>
#include <string.h>

#define PAGES(n)	((unsigned long)(n) << PAGE_SHIFT)
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_ANONYMOUS | MAP_PRIVATE)

/* The vm_flags do_mmap() gives anonymous memory, by protection. */
#define VM_MAY		(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define F_NONE		VM_MAY
#define F_R		(VM_READ | VM_MAY)
#define F_RW		(VM_READ | VM_WRITE | VM_MAY)
#define F_RX		(VM_READ | VM_EXEC | VM_MAY)
#define F_SHARED	(VM_SHARED | VM_MAYSHARE)

/*
 * The flags the cases compare: access, sharing and the VM_MAY* bits.
 * Linux also marks private writable areas VM_ACCOUNT (commit charge);
 * that bit is dissect's business, not the shape of the area.
 */
#define AREA_FLAGS	(VM_READ | VM_WRITE | VM_EXEC | VM_SHARED | VM_MAY | VM_MAYSHARE)

/* One expected area; pgoff ANY_PGOFF is not compared. */
struct area {
	unsigned long start, end, flags, pgoff;
};
#define ANY_PGOFF	(~0UL)

static int vma_init(struct ktest *test)
{
	test->priv = mm_alloc();
	return test->priv ? 0 : -ENOMEM;
}

static void vma_exit(struct ktest *test)
{
	mmput(test->priv);
}

/* Map @pages anonymous private pages at @addr (MAP_FIXED); they must land there. */
static void map(struct ktest *test, unsigned long addr, unsigned long pages,
		unsigned long prot)
{
	unsigned long ret = do_mmap(test->priv, NULL, addr, PAGES(pages), prot,
				    ANON | MAP_FIXED, 0);

	KTEST_ASSERT_UEQ(test, ret, addr);
}

/* As map(), MAP_SHARED. */
static void map_shared(struct ktest *test, unsigned long addr, unsigned long pages,
		       unsigned long prot)
{
	unsigned long ret = do_mmap(test->priv, NULL, addr, PAGES(pages), prot,
				    MAP_ANONYMOUS | MAP_SHARED | MAP_FIXED, 0);

	KTEST_ASSERT_UEQ(test, ret, addr);
}

static void print_areas(struct ktest *test, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		ktest_printk(test, "  have %#lx-%#lx flags %#lx pgoff %#lx",
			     vma->vm_start, vma->vm_end, vma->vm_flags, vma->vm_pgoff);
}

/*
 * The mm's areas, in address order, must be exactly @want[0..@n), and
 * validate_mm() must find the list, the tree and map_count consistent.
 * @line is the caller's, for the report.
 */
static void expect_areas(struct ktest *test, int line, const struct area *want, int n)
{
	struct mm_struct *mm = test->priv;
	struct vm_area_struct *vma = mm->mmap;
	bool ok = validate_mm(mm) == 0 && mm->map_count == n;
	int i;

	for (i = 0; i < n && vma; i++, vma = vma->vm_next) {
		ok &= vma->vm_start == want[i].start && vma->vm_end == want[i].end &&
		      (vma->vm_flags & AREA_FLAGS) == want[i].flags;
		ok &= want[i].pgoff == ANY_PGOFF || vma->vm_pgoff == want[i].pgoff;
	}
	if (ok && i == n && !vma)
		return;
	KTEST_FAIL(test, "line %d: areas differ (validate_mm %d, map_count %d)",
		   line, validate_mm(mm), mm->map_count);
	for (i = 0; i < n; i++)
		ktest_printk(test, "  want %#lx-%#lx flags %#lx pgoff %#lx", want[i].start,
			     want[i].end, want[i].flags, want[i].pgoff);
	print_areas(test, mm);
}

#define EXPECT_AREAS(test, ...)						\
	expect_areas(test, __LINE__, (const struct area[]){ __VA_ARGS__ },	\
		     sizeof((const struct area[]){ __VA_ARGS__ }) / sizeof(struct area))
#define EXPECT_NO_AREAS(test)	expect_areas(test, __LINE__, NULL, 0)

/* --- find_vma, find_vma_prev, find_vma_intersection ---------------------- */

static void vma_find_empty_mm(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	struct vm_area_struct *prev = (void *)1;

	KTEST_EXPECT_NULL(test, find_vma(mm, 0));
	KTEST_EXPECT_NULL(test, find_vma(mm, 0x400000));
	KTEST_EXPECT_NULL(test, find_vma_prev(mm, 0x400000, &prev));
	KTEST_EXPECT_NULL(test, prev);
	KTEST_EXPECT_NULL(test, find_vma_intersection(mm, 0, TASK_SIZE));
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

/*
 * Three areas with holes around them:
 *   A = [0x100000, 0x104000)  B = [0x200000, 0x208000)  C = [0x300000, 0x301000)
 */
static void map_abc(struct ktest *test, struct vm_area_struct *abc[3])
{
	map(test, 0x100000, 4, RW);
	map(test, 0x200000, 8, RW);
	map(test, 0x300000, 1, RW);
	abc[0] = find_vma(test->priv, 0x100000);
	abc[1] = find_vma(test->priv, 0x200000);
	abc[2] = find_vma(test->priv, 0x300000);
	KTEST_ASSERT_TRUE(test, abc[0] && abc[1] && abc[2]);
	KTEST_ASSERT_UEQ(test, abc[0]->vm_start, 0x100000);
	KTEST_ASSERT_UEQ(test, abc[1]->vm_start, 0x200000);
	KTEST_ASSERT_UEQ(test, abc[2]->vm_start, 0x300000);
}

/*
 * find_vma: the area containing @addr, else the first above it;
 * find_vma_prev: the same, and the area before it (the last one if none).
 */
static const struct {
	unsigned long addr;
	int vma, prev;		/* 0, 1, 2 = A, B, C; -1 = NULL */
} find_cases[] = {
	{ 0,		 0, -1 },	/* below all */
	{ 0xfffff,	 0, -1 },
	{ 0x100000,	 0, -1 },	/* A's vm_start */
	{ 0x103fff,	 0, -1 },	/* A's last byte */
	{ 0x104000,	 1,  0 },	/* A's vm_end is not in A */
	{ 0x180000,	 1,  0 },	/* the hole between A and B */
	{ 0x200000,	 1,  0 },
	{ 0x207fff,	 1,  0 },
	{ 0x208000,	 2,  1 },
	{ 0x300000,	 2,  1 },
	{ 0x301000,	-1,  2 },	/* above all: prev is the last area */
	{ TASK_SIZE,	-1,  2 },
	{ ~0UL,		-1,  2 },
};

/* The area @i of find_cases names, from @abc; -1 is NULL. */
static struct vm_area_struct *pick(struct vm_area_struct *abc[3], int i)
{
	return i < 0 ? NULL : abc[i];
}

static void vma_find_vma_and_prev(struct ktest *test)
{
	struct vm_area_struct *abc[3], *vma, *prev;
	int n = ARRAY_SIZE(find_cases), pass, k;

	map_abc(test, abc);
	/* forwards, then backwards: a lookup cache must not answer stale */
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < n; k++) {
			int i = pass ? n - 1 - k : k;
			unsigned long addr = find_cases[i].addr;
			struct vm_area_struct *want = pick(abc, find_cases[i].vma);
			struct vm_area_struct *want_prev = pick(abc, find_cases[i].prev);

			vma = find_vma(test->priv, addr);
			if (vma != want)
				KTEST_FAIL(test, "find_vma(%#lx) = %p, want %p", addr, vma, want);
			prev = (void *)1;
			vma = find_vma_prev(test->priv, addr, &prev);
			if (vma != want || prev != want_prev)
				KTEST_FAIL(test, "find_vma_prev(%#lx) = %p prev %p, want %p prev %p",
					   addr, vma, prev, want, want_prev);
		}
}

/* find_vma_intersection: the first area overlapping [start, end), or NULL. */
static const struct {
	unsigned long start, end;
	int vma;
} intersection_cases[] = {
	{ 0,		0x100000,	-1 },	/* ends where A starts */
	{ 0,		0x100001,	 0 },
	{ 0x103000,	0x104000,	 0 },	/* A's last page */
	{ 0x104000,	0x200000,	-1 },	/* exactly the hole A..B */
	{ 0x103fff,	0x200000,	 0 },
	{ 0x150000,	0x400000,	 1 },	/* B and C: the first one */
	{ 0x208000,	0x300000,	-1 },
	{ 0x300fff,	0x301000,	 2 },
	{ 0x301000,	TASK_SIZE,	-1 },	/* above all */
	{ 0,		TASK_SIZE,	 0 },
};

static void vma_find_vma_intersection(struct ktest *test)
{
	struct vm_area_struct *abc[3], *vma, *want;
	int i;

	map_abc(test, abc);
	for (i = 0; i < (int)ARRAY_SIZE(intersection_cases); i++) {
		want = pick(abc, intersection_cases[i].vma);
		vma = find_vma_intersection(test->priv, intersection_cases[i].start,
					    intersection_cases[i].end);
		if (vma != want)
			KTEST_FAIL(test, "find_vma_intersection(%#lx, %#lx) = %p, want %p",
				   intersection_cases[i].start, intersection_cases[i].end, vma, want);
	}
}

/* --- do_mmap ----------------------------------------------------------- */

/* Linux's own test vector: two separate 6-page areas, pgoff = vm_start >> PAGE_SHIFT. */
static void vma_mmap_linux_vector(struct ktest *test)
{
	map(test, 0x300000, 6, RW);
	map(test, 0x24d000, 6, RW);
	EXPECT_AREAS(test, { 0x24d000, 0x253000, F_RW, 0x24d },
			   { 0x300000, 0x306000, F_RW, 0x300 });
}

/* vm_flags from prot and MAP_SHARED; the length is rounded up to whole pages. */
static void vma_mmap_vm_flags(struct ktest *test)
{
	static const struct {
		unsigned long prot, type, flags;
	} cases[] = {
		{ PROT_NONE,		MAP_PRIVATE,	F_NONE },
		{ PROT_READ,		MAP_PRIVATE,	F_R },
		{ PROT_WRITE,		MAP_PRIVATE,	VM_WRITE | VM_MAY },
		{ RW,			MAP_PRIVATE,	F_RW },
		{ PROT_READ | PROT_EXEC, MAP_PRIVATE,	F_RX },
		{ RW | PROT_EXEC,	MAP_PRIVATE,	F_RW | VM_EXEC },
		{ PROT_READ,		MAP_SHARED,	F_R | F_SHARED },
		{ RW,			MAP_SHARED,	F_RW | F_SHARED },
		{ PROT_READ | 0x10,	MAP_PRIVATE,	F_R },	/* unknown bits: ignored, as Linux */
	};
	struct mm_struct *mm = test->priv;
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(cases); i++) {
		unsigned long addr = 0x400000 + PAGES(16) * i;
		unsigned long ret = do_mmap(mm, NULL, addr, PAGE_SIZE + 1, cases[i].prot,
					    MAP_ANONYMOUS | MAP_FIXED | cases[i].type, 0);
		struct vm_area_struct *vma = find_vma(mm, addr);

		KTEST_ASSERT_UEQ(test, ret, addr);
		KTEST_ASSERT_NOT_NULL(test, vma);
		KTEST_EXPECT_UEQ(test, vma->vm_start, addr);
		KTEST_EXPECT_UEQ(test, vma->vm_end, addr + PAGES(2));
		KTEST_EXPECT_UEQ(test, vma->vm_flags & AREA_FLAGS, cases[i].flags);
		KTEST_EXPECT_UEQ(test, pgprot_val(vma->vm_page_prot),
				 pgprot_val(vm_get_page_prot(vma->vm_flags)));
		KTEST_EXPECT_PTR_EQ(test, vma->vm_mm, mm);
		if (cases[i].type == MAP_PRIVATE) {
			KTEST_EXPECT_TRUE(test, vma_is_anonymous(vma));
			KTEST_EXPECT_NULL(test, vma->vm_file);
			KTEST_EXPECT_UEQ(test, vma->vm_pgoff, addr >> PAGE_SHIFT);
		} else {
			/* shared anonymous memory is a shmem file, as in Linux */
			char buf[64];

			KTEST_ASSERT_NOT_NULL(test, vma->vm_file);
			KTEST_EXPECT_STREQ(test, d_path(&vma->vm_file->f_path, buf, sizeof(buf)),
					   "/dev/zero (deleted)");
			KTEST_EXPECT_UEQ(test, vma->vm_pgoff, 0);
		}
	}
	KTEST_EXPECT_EQ(test, mm->map_count, (int)ARRAY_SIZE(cases));
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

/* Every refusal returns a negative errno and maps nothing. */
static void vma_mmap_errors(struct ktest *test)
{
	static const struct {
		const char *what;
		unsigned long addr, len, prot, flags;
		long err;
	} cases[] = {
		{ "len 0",		   0, 0,			 RW,   ANON,		-EINVAL },
		{ "no MAP_SHARED/PRIVATE", 0, PAGE_SIZE,		 RW,   MAP_ANONYMOUS,	-EINVAL },
		{ "unaligned MAP_FIXED",   0x400800, PAGE_SIZE,		 RW,   ANON | MAP_FIXED, -EINVAL },
		{ "len wraps to 0",	   0, -100UL,			 RW,   ANON,		-ENOMEM },
		{ "len > TASK_SIZE",	   0, TASK_SIZE + PAGE_SIZE,	 RW,   ANON,		-ENOMEM },
		{ "MAP_FIXED past TASK_SIZE", TASK_SIZE - PAGE_SIZE, PAGES(2), RW, ANON | MAP_FIXED, -ENOMEM },
		{ "MAP_FIXED at 0",	   0, PAGE_SIZE,		 RW,   ANON | MAP_FIXED, -EPERM },
		{ "MAP_FIXED below mmap_min_addr", MMAP_MIN_ADDR - PAGE_SIZE, PAGE_SIZE, RW,
		  ANON | MAP_FIXED, -EPERM },
	};
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(cases); i++) {
		unsigned long ret = do_mmap(test->priv, NULL, cases[i].addr, cases[i].len,
					    cases[i].prot, cases[i].flags, 0);

		if (ret != (unsigned long)cases[i].err)
			KTEST_FAIL(test, "%s: do_mmap returned %ld, want %ld",
				   cases[i].what, (long)ret, cases[i].err);
	}
	EXPECT_NO_AREAS(test);
}

/* The last page below TASK_SIZE can be mapped; MAP_FIXED at mmap_min_addr is allowed. */
static void vma_mmap_limits(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	map(test, TASK_SIZE - PAGE_SIZE, 1, PROT_READ);
	map(test, MMAP_MIN_ADDR, 1, PROT_READ);
	EXPECT_AREAS(test, { 0x10000, 0x11000, F_R, 0x10 },
			   { 0x7fffffffe000, 0x7ffffffff000, F_R, 0x7fffffffe });	/* TASK_SIZE */
	KTEST_EXPECT_UEQ(test, mm->highest_vm_end, TASK_SIZE);
}

/* MAP_FIXED_NOREPLACE refuses to touch an existing area; next to one it maps (and merges). */
static void vma_mmap_fixed_noreplace(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	const unsigned long flags = ANON | MAP_FIXED_NOREPLACE;

	map(test, 0x400000, 2, RW);
	KTEST_EXPECT_EQ(test, (long)do_mmap(mm, NULL, 0x401000, PAGE_SIZE, RW, flags, 0), -EEXIST);
	KTEST_EXPECT_EQ(test, (long)do_mmap(mm, NULL, 0x3ff000, PAGES(2), RW, flags, 0), -EEXIST);
	EXPECT_AREAS(test, { 0x400000, 0x402000, F_RW, 0x400 });
	KTEST_EXPECT_UEQ(test, do_mmap(mm, NULL, 0x402000, PAGE_SIZE, RW, flags, 0), 0x402000);
	EXPECT_AREAS(test, { 0x400000, 0x403000, F_RW, 0x400 });
}

/* MAP_FIXED over the middle of an area splits it; mapping it back as it was merges all three. */
static void vma_mmap_fixed_replaces(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	map(test, 0x404000, 4, PROT_READ);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 },
			   { 0x404000, 0x408000, F_R,  0x404 },
			   { 0x408000, 0x410000, F_RW, 0x408 });
	map(test, 0x404000, 4, RW);
	EXPECT_AREAS(test, { 0x400000, 0x410000, F_RW, 0x400 });
}

/* A hint is used when free; below mmap_min_addr it never is. */
static void vma_mmap_hint(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long low;

	KTEST_EXPECT_UEQ(test, do_mmap(mm, NULL, 0x500000, PAGES(2), RW, ANON, 0), 0x500000);
	low = do_mmap(mm, NULL, PAGE_SIZE, PAGE_SIZE, PROT_READ, ANON, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(low));
	KTEST_EXPECT_TRUE(test, low >= MMAP_MIN_ADDR);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

/* Without a hint, areas go top-down below mmap_base, each just below the last. */
static void vma_mmap_top_down(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long base = mm->mmap_base;

	KTEST_EXPECT_UEQ(test, do_mmap(mm, NULL, 0, PAGES(4), RW, ANON, 0), base - PAGES(4));
	KTEST_EXPECT_UEQ(test, do_mmap(mm, NULL, 0, PAGES(2), PROT_READ, ANON, 0), base - PAGES(6));
	EXPECT_AREAS(test, { base - PAGES(6), base - PAGES(4), F_R,  (base - PAGES(6)) >> PAGE_SHIFT },
			   { base - PAGES(4), base,	      F_RW, (base - PAGES(4)) >> PAGE_SHIFT });
	/* the same protection right below: merges into the area above it */
	KTEST_EXPECT_UEQ(test, do_mmap(mm, NULL, 0, PAGES(1), PROT_READ, ANON, 0), base - PAGES(7));
	EXPECT_AREAS(test, { base - PAGES(7), base - PAGES(4), F_R,  (base - PAGES(7)) >> PAGE_SHIFT },
			   { base - PAGES(4), base,	      F_RW, (base - PAGES(4)) >> PAGE_SHIFT });
}

/* --- merging ------------------------------------------------------------ */

static void vma_merge_with_prev(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x404000, 4, RW);
	EXPECT_AREAS(test, { 0x400000, 0x408000, F_RW, 0x400 });
}

static void vma_merge_with_next(struct ktest *test)
{
	map(test, 0x404000, 4, RW);
	map(test, 0x400000, 4, RW);
	EXPECT_AREAS(test, { 0x400000, 0x408000, F_RW, 0x400 });
}

/* Filling the hole between two compatible areas leaves one area. */
static void vma_merge_fills_hole(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x408000, 4, RW);
	map(test, 0x404000, 4, RW);
	EXPECT_AREAS(test, { 0x400000, 0x40c000, F_RW, 0x400 });
}

static void vma_no_merge_incompatible(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x404000, 4, PROT_READ);		/* other protection */
	map_shared(test, 0x408000, 4, PROT_READ);	/* shared next to private */
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 },
			   { 0x404000, 0x408000, F_R,  0x404 },
			   { 0x408000, 0x40c000, F_R | F_SHARED, ANY_PGOFF });
}

/* --- do_munmap ---------------------------------------------------------- */

/* Each shape starts from one 16-page area [0x400000, 0x410000). */
static void vma_munmap_whole(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x400000, PAGES(16)), 0);
	EXPECT_NO_AREAS(test);
	KTEST_EXPECT_NULL(test, find_vma(test->priv, 0));
}

static void vma_munmap_head(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x400000, PAGES(4)), 0);
	EXPECT_AREAS(test, { 0x404000, 0x410000, F_RW, 0x404 });
}

static void vma_munmap_tail(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x40c000, PAGES(4)), 0);
	EXPECT_AREAS(test, { 0x400000, 0x40c000, F_RW, 0x400 });
}

/* A hole in the middle: one area becomes two; the upper keeps its pgoff consistent. */
static void vma_munmap_middle(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x404000, PAGES(4)), 0);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 },
			   { 0x408000, 0x410000, F_RW, 0x408 });
}

/* Partial first, whole middle, partial last. */
static void vma_munmap_spanning(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x404000, 4, PROT_READ);
	map(test, 0x408000, 4, RW);
	map(test, 0x410000, 4, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x402000, 0x40a000 - 0x402000), 0);
	EXPECT_AREAS(test, { 0x400000, 0x402000, F_RW, 0x400 },
			   { 0x40a000, 0x40c000, F_RW, 0x40a },
			   { 0x410000, 0x414000, F_RW, 0x410 });
}

/* An unaligned length covers its last partial page. */
static void vma_munmap_rounds_len_up(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x400000, 1), 0);
	EXPECT_AREAS(test, { 0x401000, 0x410000, F_RW, 0x401 });
}

/* A range with no area in it is not an error. */
static void vma_munmap_nothing(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x408000, 4, RW);
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x404000, PAGES(4)), 0);	/* the hole */
	KTEST_EXPECT_EQ(test, do_munmap(test->priv, 0x500000, PAGES(4)), 0);	/* above all */
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 },
			   { 0x408000, 0x40c000, F_RW, 0x408 });
}

static void vma_munmap_errors(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	map(test, 0x400000, 4, RW);
	KTEST_EXPECT_EQ(test, do_munmap(mm, 0x400800, PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(test, do_munmap(mm, 0x400000, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, do_munmap(mm, TASK_SIZE, PAGE_SIZE), -EINVAL);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 });
}

/* --- do_mprotect --------------------------------------------------------- */

static void vma_mprotect_head(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x400000, PAGES(4), PROT_READ), 0);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_R,  0x400 },
			   { 0x404000, 0x410000, F_RW, 0x404 });
}

/* The middle splits one area into three; restoring the protection merges them again. */
static void vma_mprotect_middle_and_back(struct ktest *test)
{
	map(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x404000, PAGES(4), PROT_READ), 0);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 },
			   { 0x404000, 0x408000, F_R,  0x404 },
			   { 0x408000, 0x410000, F_RW, 0x408 });
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x404000, PAGES(4), RW), 0);
	EXPECT_AREAS(test, { 0x400000, 0x410000, F_RW, 0x400 });
}

/*
 * Changing the head of an area to its neighbour's protection moves the
 * boundary.  Both areas are writable private memory, so both carry
 * VM_ACCOUNT, which mprotect never takes away (as Linux).
 */
static void vma_mprotect_merges_with_neighbour(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x404000, 4, RW | PROT_EXEC);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x404000, PAGES(2), RW), 0);
	EXPECT_AREAS(test, { 0x400000, 0x406000, F_RW, 0x400 },
			   { 0x406000, 0x408000, F_RW | VM_EXEC, 0x406 });
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x406000, PAGES(2), RW), 0);
	EXPECT_AREAS(test, { 0x400000, 0x408000, F_RW, 0x400 });
}

/* Across three adjacent areas, merging what becomes compatible. */
static void vma_mprotect_spanning(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x404000, 4, PROT_READ);
	map(test, 0x408000, 4, PROT_READ | PROT_EXEC);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x402000, 0x40a000 - 0x402000, RW), 0);
	EXPECT_AREAS(test, { 0x400000, 0x40a000, F_RW, 0x400 },
			   { 0x40a000, 0x40c000, F_RX, 0x40a });
}

/* A range that starts in a hole: -ENOMEM and nothing changes. */
static void vma_mprotect_hole_at_start(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x408000, 4, RW);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x404000, PAGES(8), PROT_READ), -ENOMEM);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x500000, PAGES(1), PROT_READ), -ENOMEM);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 },
			   { 0x408000, 0x40c000, F_RW, 0x408 });
}

/* A hole after the first area: -ENOMEM, but the part before the hole has changed (as Linux). */
static void vma_mprotect_hole_after_first(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	map(test, 0x408000, 4, RW);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x402000, 0x40c000 - 0x402000, PROT_READ),
			-ENOMEM);
	EXPECT_AREAS(test, { 0x400000, 0x402000, F_RW, 0x400 },
			   { 0x402000, 0x404000, F_R,  0x402 },
			   { 0x408000, 0x40c000, F_RW, 0x408 });
}

static void vma_mprotect_errors(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	map(test, 0x400000, 4, RW);
	KTEST_EXPECT_EQ(test, do_mprotect(mm, 0x400800, PAGE_SIZE, PROT_READ), -EINVAL);
	KTEST_EXPECT_EQ(test, do_mprotect(mm, 0x400000, PAGE_SIZE, 0x10), -EINVAL);
	KTEST_EXPECT_EQ(test, do_mprotect(mm, 0x400000, 0, PROT_READ), 0);	/* len 0: nothing */
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW, 0x400 });
}

/* A shared area may be made writable: it kept VM_MAYWRITE. */
static void vma_mprotect_shared_writable(struct ktest *test)
{
	map_shared(test, 0x400000, 4, PROT_READ);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x400000, PAGES(4), RW), 0);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW | F_SHARED, ANY_PGOFF });
}

/*
 * A shared anonymous area starts at vm_pgoff 0 (Linux: offset 0 of its
 * own shmem file), its pieces keep their offsets in it, and restoring
 * the protection makes it one area again.
 */
static void vma_mprotect_shared_and_back(struct ktest *test)
{
	map_shared(test, 0x400000, 16, RW);
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x404000, PAGES(4), PROT_READ), 0);
	EXPECT_AREAS(test, { 0x400000, 0x404000, F_RW | F_SHARED, 0 },
			   { 0x404000, 0x408000, F_R | F_SHARED,  4 },
			   { 0x408000, 0x410000, F_RW | F_SHARED, 8 });
	KTEST_EXPECT_EQ(test, do_mprotect(test->priv, 0x404000, PAGES(4), RW), 0);
	EXPECT_AREAS(test, { 0x400000, 0x410000, F_RW | F_SHARED, 0 });
}

/* The pte of @addr in @mm, or an empty one if no page table covers it. */
static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte ? *pte : __pte(0);
}

static void write_fault(struct ktest *test, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(test->priv, addr);

	KTEST_ASSERT_TRUE(test, vma && vma->vm_start <= addr);
	KTEST_ASSERT_EQ(test, handle_mm_fault(vma, addr, FAULT_FLAG_WRITE | FAULT_FLAG_USER) &
			VM_FAULT_ERROR, 0);
}

/* mprotect changes the ptes of pages already faulted in, and keeps their frames. */
static void vma_mprotect_updates_ptes(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	unsigned long pfn;
	pte_t pte;

	map(test, 0x400000, 8, RW);
	write_fault(test, 0x400000);
	write_fault(test, 0x405000);
	pfn = pte_pfn(pte_at(mm, 0x405000));
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(mm, 0x405000)));

	KTEST_EXPECT_EQ(test, do_mprotect(mm, 0x404000, PAGES(4), PROT_READ), 0);
	pte = pte_at(mm, 0x405000);
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_user(pte) && !pte_protnone(pte));
	KTEST_EXPECT_FALSE(test, pte_write(pte));
	KTEST_EXPECT_UEQ(test, pte_pfn(pte), pfn);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(mm, 0x400000)));	/* outside the range */

	KTEST_EXPECT_EQ(test, do_mprotect(mm, 0x404000, PAGES(4), PROT_NONE), 0);
	pte = pte_at(mm, 0x405000);
	KTEST_EXPECT_TRUE(test, pte_protnone(pte));			/* mapped, inaccessible */
	KTEST_EXPECT_UEQ(test, pte_pfn(pte), pfn);

	KTEST_EXPECT_EQ(test, do_mprotect(mm, 0x404000, PAGES(4), PROT_READ | PROT_EXEC), 0);
	pte = pte_at(mm, 0x405000);
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_user(pte) && !pte_protnone(pte));
	KTEST_EXPECT_TRUE(test, pte_exec(pte) && !pte_write(pte));
	KTEST_EXPECT_UEQ(test, pte_pfn(pte), pfn);
	KTEST_EXPECT_UEQ(test, get_mm_rss(mm), 2);
}

/* --- do_brk -------------------------------------------------------------- */

static void vma_brk_grow_and_shrink(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	mm->start_brk = mm->brk = 0x10000000;
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x10020800), 0x10020800);
	KTEST_EXPECT_UEQ(test, mm->brk, 0x10020800);
	EXPECT_AREAS(test, { 0x10000000, 0x10021000, F_RW, 0x10000 });
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x10040000), 0x10040000);	/* extends the same area */
	EXPECT_AREAS(test, { 0x10000000, 0x10040000, F_RW, 0x10000 });
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x10008000), 0x10008000);	/* shrinking unmaps */
	EXPECT_AREAS(test, { 0x10000000, 0x10008000, F_RW, 0x10000 });
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x10000000), 0x10000000);
	EXPECT_NO_AREAS(test);
	KTEST_EXPECT_UEQ(test, mm->brk, 0x10000000);
}

/* brk below start_brk, or into another mapping, is refused: the old brk comes back. */
static void vma_brk_refused(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	mm->start_brk = mm->brk = 0x10000000;
	map(test, 0x10100000, 4, PROT_READ);
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x10004000), 0x10004000);
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x0fff0000), 0x10004000);
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x10200000), 0x10004000);
	KTEST_EXPECT_UEQ(test, mm->brk, 0x10004000);
	EXPECT_AREAS(test, { 0x10000000, 0x10004000, F_RW, 0x10000 },
			   { 0x10100000, 0x10104000, F_R,  0x10100 });
}

/* --- get_unmapped_area ---------------------------------------------------- */

static unsigned long gua(struct ktest *test, unsigned long addr, unsigned long len,
			 unsigned long flags)
{
	return get_unmapped_area(test->priv, NULL, addr, len, 0, flags);
}

static void vma_gua_hint(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	KTEST_EXPECT_UEQ(test, gua(test, 0x400000, PAGES(2), ANON), 0x400000);
	map(test, 0x400000, 4, RW);
	/* taken, or running into the area: top-down instead */
	KTEST_EXPECT_UEQ(test, gua(test, 0x401000, PAGES(2), ANON), mm->mmap_base - PAGES(2));
	KTEST_EXPECT_UEQ(test, gua(test, 0x3ff000, PAGES(2), ANON), mm->mmap_base - PAGES(2));
	KTEST_EXPECT_UEQ(test, gua(test, 0x3fe000, PAGES(2), ANON), 0x3fe000);	/* just fits */
	KTEST_EXPECT_UEQ(test, gua(test, 0x404000, PAGES(2), ANON), 0x404000);
}

static void vma_gua_top_down(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	KTEST_EXPECT_UEQ(test, gua(test, 0, PAGES(3), ANON), mm->mmap_base - PAGES(3));
	map(test, mm->mmap_base - PAGES(3), 3, RW);
	KTEST_EXPECT_UEQ(test, gua(test, 0, PAGES(5), ANON), mm->mmap_base - PAGES(8));
}

/* MAP_FIXED: the address as it is, taken or not. */
static void vma_gua_fixed(struct ktest *test)
{
	map(test, 0x400000, 4, RW);
	KTEST_EXPECT_UEQ(test, gua(test, 0x401000, PAGES(2), ANON | MAP_FIXED), 0x401000);
	KTEST_EXPECT_UEQ(test, gua(test, 0x700000, PAGES(2), ANON | MAP_FIXED), 0x700000);
	KTEST_EXPECT_EQ(test, (long)gua(test, 0, TASK_SIZE + PAGE_SIZE, ANON), -ENOMEM);
}

/*
 * All of user space from mmap_min_addr up is taken but for one 64-page
 * gap: the search finds it, and fails for anything bigger.  Areas are
 * only structs, so two huge PROT_NONE areas cost nothing.
 */
static void vma_gua_last_gap(struct ktest *test)
{
	const unsigned long gap = 0x40000000, gap_len = PAGES(64);
	struct mm_struct *mm = test->priv;

	map(test, MMAP_MIN_ADDR, (gap - MMAP_MIN_ADDR) >> PAGE_SHIFT, PROT_NONE);
	map(test, gap + gap_len, (TASK_SIZE - gap - gap_len) >> PAGE_SHIFT, PROT_NONE);
	KTEST_EXPECT_UEQ(test, gua(test, 0, gap_len, ANON), gap);
	KTEST_EXPECT_UEQ(test, gua(test, 0, PAGES(16), ANON), gap + gap_len - PAGES(16));
	KTEST_EXPECT_EQ(test, (long)gua(test, 0, gap_len + PAGE_SIZE, ANON), -ENOMEM);
	KTEST_EXPECT_EQ(test, (long)do_mmap(mm, NULL, 0, gap_len + PAGE_SIZE, RW, ANON, 0), -ENOMEM);
	KTEST_EXPECT_UEQ(test, do_mmap(mm, NULL, 0, gap_len, RW, ANON, 0), gap);
	KTEST_EXPECT_EQ(test, (long)gua(test, 0, PAGES(17), ANON), -ENOMEM);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

/* --- validate_mm ---------------------------------------------------------- */

/* validate_mm() is not vacuous: each kind of damage is reported, and undoing it heals. */
static void vma_validate_mm_catches_damage(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	struct vm_area_struct *vma;

	map(test, 0x400000, 4, RW);
	map(test, 0x500000, 4, PROT_READ);
	map(test, 0x600000, 4, RW);
	vma = find_vma(mm, 0x500000);
	KTEST_ASSERT_NOT_NULL(test, vma);
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
	ktest_printk(test, "the validate_mm complaints below are expected");

	mm->map_count++;
	KTEST_EXPECT_NE(test, validate_mm(mm), 0);
	mm->map_count--;

	mm->highest_vm_end -= PAGE_SIZE;
	KTEST_EXPECT_NE(test, validate_mm(mm), 0);
	mm->highest_vm_end += PAGE_SIZE;

	vma->rb_subtree_gap += PAGE_SIZE;
	KTEST_EXPECT_NE(test, validate_mm(mm), 0);
	vma->rb_subtree_gap -= PAGE_SIZE;

	vma->vm_end = 0x600000 + PAGE_SIZE;		/* overlaps the next area */
	KTEST_EXPECT_NE(test, validate_mm(mm), 0);
	vma->vm_end = 0x504000;

	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

/* --- show_map_vma: /proc/PID/maps ----------------------------------------- */

static void expect_maps_line(struct ktest *test, unsigned long addr, const char *want)
{
	struct vm_area_struct *vma = find_vma(test->priv, addr);
	char buf[160];
	int len;

	KTEST_ASSERT_NOT_NULL(test, vma);
	memset(buf, 0, sizeof(buf));
	len = show_map_vma(buf, sizeof(buf), vma);
	KTEST_EXPECT_STREQ(test, buf, want);
	KTEST_EXPECT_EQ(test, len, (int)strlen(want));
}

/*
 * Anonymous areas: no name, so the line ends with the inode "0 " (trailing
 * space, as Linux).  Shared anonymous memory is a shmem file: device
 * 00:01, its inode number, and the name "/dev/zero (deleted)".
 */
static void vma_maps_anonymous(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	char shared[128];
	int n;

	map(test, 0x300000, 6, RW);
	map(test, 0x400000, 1, PROT_NONE);
	map(test, 0x500000, 2, PROT_READ | PROT_EXEC);
	map_shared(test, 0x600000, 1, RW | PROT_EXEC);
	KTEST_ASSERT_UEQ(test, do_mmap(mm, NULL, 0, PAGES(4), RW, ANON, 0), 0x7ffff7ffb000);
	expect_maps_line(test, 0x300000, "00300000-00306000 rw-p 00000000 00:00 0 \n");
	expect_maps_line(test, 0x400000, "00400000-00401000 ---p 00000000 00:00 0 \n");
	expect_maps_line(test, 0x500000, "00500000-00502000 r-xp 00000000 00:00 0 \n");
	n = snprintf(shared, sizeof(shared), "00600000-00601000 rwxs 00000000 00:%02x %lu ",
		     MINOR(file_inode(find_vma(mm, 0x600000)->vm_file)->i_sb->s_dev),
		     file_inode(find_vma(mm, 0x600000)->vm_file)->i_ino);
	while (n < 72)
		shared[n++] = ' ';		/* the name starts in column 73 */
	snprintf(shared + n, sizeof(shared) - n, " /dev/zero (deleted)\n");
	expect_maps_line(test, 0x600000, shared);
	expect_maps_line(test, 0x7ffff7ffb000,
			 "7ffff7ffb000-7ffff7fff000 rw-p 00000000 00:00 0 \n");
}

/* The heap and the stack are named, the name starting in column 73. */
static void vma_maps_heap_and_stack(struct ktest *test)
{
	struct mm_struct *mm = test->priv;

	mm->start_brk = mm->brk = 0x10000000;
	KTEST_ASSERT_UEQ(test, do_brk(mm, 0x10021000), 0x10021000);
	map(test, 0x7ffffffde000, 0x21, RW);
	mm->start_stack = 0x7fffffffe3a0;
	expect_maps_line(test, 0x10000000,
			 "10000000-10021000 rw-p 00000000 00:00 0"
			 "                                  [heap]\n");
	expect_maps_line(test, 0x7ffffffde000,
			 "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0"
			 "                          [stack]\n");
	/* an ordinary area elsewhere stays unnamed */
	map(test, 0x20000000, 1, RW);
	expect_maps_line(test, 0x20000000, "20000000-20001000 rw-p 00000000 00:00 0 \n");
	/* nor is the bss just below an empty heap (Linux: vma_is_initial_heap) */
	mm->start_brk = mm->brk = 0x30001000;
	map(test, 0x30000000, 1, RW);
	expect_maps_line(test, 0x30000000, "30000000-30001000 rw-p 00000000 00:00 0 \n");
}

static struct ktest_case vma_cases[] = {
	KTEST_CASE(vma_find_empty_mm),
	KTEST_CASE(vma_find_vma_and_prev),
	KTEST_CASE(vma_find_vma_intersection),
	KTEST_CASE(vma_mmap_linux_vector),
	KTEST_CASE(vma_mmap_vm_flags),
	KTEST_CASE(vma_mmap_errors),
	KTEST_CASE(vma_mmap_limits),
	KTEST_CASE(vma_mmap_fixed_noreplace),
	KTEST_CASE(vma_mmap_fixed_replaces),
	KTEST_CASE(vma_mmap_hint),
	KTEST_CASE(vma_mmap_top_down),
	KTEST_CASE(vma_merge_with_prev),
	KTEST_CASE(vma_merge_with_next),
	KTEST_CASE(vma_merge_fills_hole),
	KTEST_CASE(vma_no_merge_incompatible),
	KTEST_CASE(vma_munmap_whole),
	KTEST_CASE(vma_munmap_head),
	KTEST_CASE(vma_munmap_tail),
	KTEST_CASE(vma_munmap_middle),
	KTEST_CASE(vma_munmap_spanning),
	KTEST_CASE(vma_munmap_rounds_len_up),
	KTEST_CASE(vma_munmap_nothing),
	KTEST_CASE(vma_munmap_errors),
	KTEST_CASE(vma_mprotect_head),
	KTEST_CASE(vma_mprotect_middle_and_back),
	KTEST_CASE(vma_mprotect_merges_with_neighbour),
	KTEST_CASE(vma_mprotect_spanning),
	KTEST_CASE(vma_mprotect_hole_at_start),
	KTEST_CASE(vma_mprotect_hole_after_first),
	KTEST_CASE(vma_mprotect_errors),
	KTEST_CASE(vma_mprotect_shared_writable),
	KTEST_CASE(vma_mprotect_shared_and_back),
	KTEST_CASE(vma_mprotect_updates_ptes),
	KTEST_CASE(vma_brk_grow_and_shrink),
	KTEST_CASE(vma_brk_refused),
	KTEST_CASE(vma_gua_hint),
	KTEST_CASE(vma_gua_top_down),
	KTEST_CASE(vma_gua_fixed),
	KTEST_CASE(vma_gua_last_gap),
	KTEST_CASE(vma_validate_mm_catches_damage),
	KTEST_CASE(vma_maps_anonymous),
	KTEST_CASE(vma_maps_heap_and_stack),
	{}
};

static struct ktest_suite vma_suite = {
	.name = "vma",
	.test_cases = vma_cases,
	.init = vma_init,
	.exit = vma_exit,
};
ktest_suite(vma_suite);
