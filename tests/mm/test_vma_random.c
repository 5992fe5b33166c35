// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA layer against a model: 10,000 random do_mmap(), do_munmap(),
 * do_mprotect() calls and faults in a 512-page window, each checked.
 *
 * The model says, page by page, what the areas mean: mapped or not, with
 * which protection, private or shared (and then which shared mapping,
 * at which page offset in it), and what a fault has put there (nothing,
 * the zero page, or a page of its own, whose frame and first word the
 * model remembers).  After every operation:
 *
 *   - validate_mm() finds the list, tree, gaps and map_count consistent;
 *   - every page of the window is in an area exactly when the model maps
 *     it, with the model's protection and sharing, and nothing lies
 *     outside the window;
 *   - vm_pgoff runs on page by page: vm_start >> PAGE_SHIFT for private
 *     areas, the offset into their mapping for shared ones;
 *   - no two neighbouring areas could be one (the same vm_flags,
 *     contiguous vm_pgoff, and for shared ones the same mapping):
 *     whatever can merge has merged;
 *   - the rss is the number of pages of their own;
 *   - the ptes of the pages the operation touched agree with the model
 *     and with their area's flags (all of them, every 500 operations).
 *
 * The window ends at mmap_base, so an mmap without MAP_FIXED lands in
 * it, top-down: the model predicts the exact address.  The run is
 * deterministic (xorshift64, fixed seed): a failure names the operation
 * number, which reproduces it.
 */
#include <errno.h>
#include <ktest.h>
#include <fs.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

#define NPAGES		512
#define NR_OPS		10000
#define SEED		0x2545f4914f6cdd1dULL
#define PTE_SCAN_EVERY	500

#define PAGES(n)	((unsigned long)(n) << PAGE_SHIFT)
#define VM_MAY		(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

static const unsigned long prots[] = {
	PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE, PROT_READ | PROT_EXEC,
};

enum page_state {
	UNTOUCHED,	/* no pte */
	ZERO,		/* read fault on private memory: the zero page */
	OWN,		/* a page of its own: written, or any fault on shared memory */
};

struct model_page {
	bool mapped, shared;
	unsigned long prot;
	unsigned long object;	/* shared: which mmap() made it (1, 2, ...) */
	unsigned long offset;	/* shared: its page offset in that mapping */
	enum page_state state;
	unsigned long pfn;	/* OWN: its frame */
	unsigned long stamp;	/* OWN: the first word, written at the fault */
};

struct vma_run {
	struct ktest *test;
	struct mm_struct *mm;
	unsigned long base;		/* the window: [base, base + PAGES(NPAGES)) */
	u64 rng;
	unsigned long op;		/* the operation being checked */
	char what[80];			/* ... and what it was */
	struct model_page page[NPAGES];
	unsigned long nr_objects;	/* shared mappings made so far */
	unsigned long nr_faults, nr_below, nr_enomem;
	int max_areas;
};

/* Too big for the stack; the cases run one at a time. */
static struct vma_run run;

/* Report a failure with the operation that caused it; evaluates to false. */
#define FAIL(r, fmt, ...)						\
	({								\
		KTEST_FAIL((r)->test, "op %lu (%s): " fmt, (r)->op,	\
			   (r)->what, ##__VA_ARGS__);			\
		false;							\
	})

/* xorshift64 (Marsaglia): deterministic, good enough to pick operations. */
static unsigned long rnd(struct vma_run *r, unsigned long n)
{
	r->rng ^= r->rng << 13;
	r->rng ^= r->rng >> 7;
	r->rng ^= r->rng << 17;
	return r->rng % n;
}

static unsigned long page_addr(struct vma_run *r, unsigned long i)
{
	return r->base + PAGES(i);
}

/* The vm_flags do_mmap() gives anonymous memory with @prot. */
static unsigned long prot_flags(unsigned long prot, bool shared)
{
	unsigned long flags = VM_MAY;

	flags |= prot & PROT_READ ? VM_READ : 0;
	flags |= prot & PROT_WRITE ? VM_WRITE : 0;
	flags |= prot & PROT_EXEC ? VM_EXEC : 0;
	return flags | (shared ? VM_SHARED | VM_MAYSHARE : 0);
}

/* The flags the model decides; VM_ACCOUNT and the like are the kernel's business. */
#define AREA_FLAGS	(VM_READ | VM_WRITE | VM_EXEC | VM_SHARED | VM_MAY | VM_MAYSHARE)

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte ? *pte : __pte(0);
}

static unsigned long *first_word(unsigned long pfn)
{
	return __va(pfn << PAGE_SHIFT);
}

/* --- checking the mm against the model --------------------------------- */

static struct model_page *model_page_at(struct vma_run *r, unsigned long addr)
{
	return &r->page[(addr - r->base) >> PAGE_SHIFT];
}

/*
 * Could @prev and @vma be one area?  Then vma_merge() should have made
 * them one.  Shared areas from different mmap() calls never can: in
 * Linux each is its own shmem file.
 */
static bool could_merge(struct vma_run *r, struct vm_area_struct *prev,
			struct vm_area_struct *vma)
{
	if (prev->vm_end != vma->vm_start || prev->vm_flags != vma->vm_flags ||
	    !vma_is_anonymous(prev) || !vma_is_anonymous(vma) ||
	    prev->vm_pgoff + vma_pages(prev) != vma->vm_pgoff)
		return false;
	return !(vma->vm_flags & VM_SHARED) ||
	       model_page_at(r, prev->vm_start)->object == model_page_at(r, vma->vm_start)->object;
}

/* The vm_pgoff page @i should have: its address, or its offset in a shared mapping. */
static unsigned long model_pgoff(struct vma_run *r, unsigned long i)
{
	return r->page[i].shared ? r->page[i].offset : page_addr(r, i) >> PAGE_SHIFT;
}

/* Pages [from, to) of the window must be unmapped in the model. */
static bool check_unmapped(struct vma_run *r, unsigned long from, unsigned long to)
{
	for (unsigned long i = from; i < to; i++)
		if (r->page[i].mapped)
			return FAIL(r, "page %#lx is mapped in the model but in no area",
				    page_addr(r, i));
	return true;
}

/* One area: inside the window, over mapped pages of its flags, merged with what it can. */
static bool check_area(struct vma_run *r, struct vm_area_struct *prev,
		       struct vm_area_struct *vma)
{
	unsigned long first = (vma->vm_start - r->base) >> PAGE_SHIFT;
	unsigned long last = (vma->vm_end - r->base) >> PAGE_SHIFT;

	if (vma->vm_start < r->base || vma->vm_end > page_addr(r, NPAGES))
		return FAIL(r, "area %#lx-%#lx is outside the window", vma->vm_start, vma->vm_end);
	for (unsigned long i = first; i < last; i++) {
		struct model_page *mp = &r->page[i];

		if (!mp->mapped)
			return FAIL(r, "page %#lx is in area %#lx-%#lx but unmapped in the model",
				    page_addr(r, i), vma->vm_start, vma->vm_end);
		if ((vma->vm_flags & AREA_FLAGS) != prot_flags(mp->prot, mp->shared))
			return FAIL(r, "page %#lx: area %#lx-%#lx has flags %#lx, model %#lx",
				    page_addr(r, i), vma->vm_start, vma->vm_end, vma->vm_flags,
				    prot_flags(mp->prot, mp->shared));
		if (vma->vm_pgoff + (i - first) != model_pgoff(r, i))
			return FAIL(r, "page %#lx: area %#lx-%#lx has vm_pgoff %#lx, want %#lx",
				    page_addr(r, i), vma->vm_start, vma->vm_end, vma->vm_pgoff,
				    model_pgoff(r, i) - (i - first));
	}
	if (prev && could_merge(r, prev, vma))
		return FAIL(r, "areas %#lx-%#lx and %#lx-%#lx (flags %#lx) were not merged",
			    prev->vm_start, prev->vm_end, vma->vm_start, vma->vm_end,
			    vma->vm_flags);
	return true;
}

static bool check_areas(struct vma_run *r)
{
	struct vm_area_struct *vma, *prev = NULL;
	unsigned long next = 0, rss = 0;
	int count = 0, err = validate_mm(r->mm);

	if (err)
		return FAIL(r, "validate_mm() = %d", err);
	for (vma = r->mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		if (!check_area(r, prev, vma) ||
		    !check_unmapped(r, next, (vma->vm_start - r->base) >> PAGE_SHIFT))
			return false;
		next = (vma->vm_end - r->base) >> PAGE_SHIFT;
		count++;
	}
	if (!check_unmapped(r, next, NPAGES))
		return false;
	if (count != r->mm->map_count)
		return FAIL(r, "%d areas on the list, map_count %d", count, r->mm->map_count);
	r->max_areas = max(r->max_areas, count);
	for (unsigned long i = 0; i < NPAGES; i++)
		rss += r->page[i].state == OWN;
	if (get_mm_rss(r->mm) != rss)
		return FAIL(r, "rss %lu, model %lu", get_mm_rss(r->mm), rss);
	return true;
}

/*
 * The pte of page @i: none if untouched; else the model's frame (the
 * zero page, or its own page still holding its stamp), inaccessible
 * under PROT_NONE, otherwise a user pte no more permissive than the area.
 */
static bool check_pte(struct vma_run *r, unsigned long i)
{
	struct model_page *mp = &r->page[i];
	unsigned long addr = page_addr(r, i);
	pte_t pte = pte_at(r->mm, addr);

	if (mp->state == UNTOUCHED)
		return pte_none(pte) ? true : FAIL(r, "page %#lx: pte %#lx, want none", addr,
						   pte_val(pte));
	if (!pte_present(pte))
		return FAIL(r, "page %#lx: pte %#lx not present", addr, pte_val(pte));
	if (mp->state == ZERO && !is_zero_pfn(pte_pfn(pte)))
		return FAIL(r, "page %#lx: pfn %#lx, want the zero page", addr, pte_pfn(pte));
	if (mp->state == OWN && pte_pfn(pte) != mp->pfn)
		return FAIL(r, "page %#lx: pfn %#lx, want %#lx", addr, pte_pfn(pte), mp->pfn);
	if (mp->state == OWN && *first_word(mp->pfn) != mp->stamp)
		return FAIL(r, "page %#lx holds %#lx, want %#lx", addr, *first_word(mp->pfn),
			    mp->stamp);
	if (mp->prot == PROT_NONE)
		return pte_protnone(pte) ? true :
			FAIL(r, "page %#lx: PROT_NONE but pte %#lx", addr, pte_val(pte));
	if (pte_protnone(pte) || !pte_user(pte))
		return FAIL(r, "page %#lx: pte %#lx not user-accessible", addr, pte_val(pte));
	if (pte_write(pte) && (!(mp->prot & PROT_WRITE) || mp->state == ZERO))
		return FAIL(r, "page %#lx: pte %#lx writable", addr, pte_val(pte));
	if (pte_exec(pte) != !!(mp->prot & PROT_EXEC))
		return FAIL(r, "page %#lx: pte %#lx exec %d", addr, pte_val(pte), pte_exec(pte));
	return true;
}

static bool check_ptes(struct vma_run *r, unsigned long from, unsigned long to)
{
	for (unsigned long i = from; i < to; i++)
		if (!check_pte(r, i))
			return false;
	return true;
}

/* --- the operations ------------------------------------------------------ */

/* A new mapping of pages [from, from + n); a shared one is a new object. */
static void model_map(struct vma_run *r, unsigned long from, unsigned long n,
		      unsigned long prot, bool shared)
{
	unsigned long object = shared ? ++r->nr_objects : 0;

	for (unsigned long i = from; i < from + n; i++)
		r->page[i] = (struct model_page){ .mapped = true, .shared = shared, .prot = prot,
						  .object = object, .offset = i - from };
}

/* A random range of the window, at most @max pages. */
static void pick_range(struct vma_run *r, unsigned long max, unsigned long *from,
		       unsigned long *n)
{
	*from = rnd(r, NPAGES);
	*n = min(1 + rnd(r, max), NPAGES - *from);
}

static bool op_mmap_fixed(struct vma_run *r)
{
	unsigned long from, n, ret, prot = prots[rnd(r, ARRAY_SIZE(prots))];
	bool shared = rnd(r, 8) == 0;

	pick_range(r, 32, &from, &n);
	snprintf(r->what, sizeof(r->what), "mmap MAP_FIXED %#lx +%lu prot %lu%s",
		 page_addr(r, from), n, prot, shared ? " shared" : "");
	ret = do_mmap(r->mm, NULL, page_addr(r, from), PAGES(n), prot, MAP_ANONYMOUS | MAP_FIXED |
		      (shared ? MAP_SHARED : MAP_PRIVATE), 0);
	if (ret != page_addr(r, from))
		return FAIL(r, "returned %#lx", ret);
	model_map(r, from, n, prot, shared);
	return check_areas(r) && check_ptes(r, from, from + n);
}

/* Where the top-down search must put @n pages: the highest gap that fits. */
static unsigned long model_top_down(struct vma_run *r, unsigned long n)
{
	unsigned long end = NPAGES, i;

	for (i = NPAGES; i > 0; i--) {
		if (r->page[i - 1].mapped)
			end = i - 1;
		else if (end - (i - 1) >= n)
			break;
	}
	/* i == 0: the gap runs on below the window */
	return page_addr(r, end) - PAGES(n);
}

static bool model_free(struct vma_run *r, unsigned long from, unsigned long n)
{
	for (unsigned long i = from; i < from + n; i++)
		if (r->page[i].mapped)
			return false;
	return true;
}

/*
 * mmap without MAP_FIXED, half the time with a hint: the hint if it is
 * free, else top-down from mmap_base (the window's end).  An area that
 * lands below the window is unmapped again at once.
 */
static bool op_mmap(struct vma_run *r)
{
	unsigned long n = 1 + rnd(r, rnd(r, 8) ? 16 : 128);	/* now and then a big one */
	unsigned long prot = prots[rnd(r, ARRAY_SIZE(prots))];
	unsigned long hint = 0, want, ret, from;

	if (rnd(r, 2))
		hint = page_addr(r, rnd(r, NPAGES - n + 1));
	if (hint && model_free(r, (hint - r->base) >> PAGE_SHIFT, n))
		want = hint;
	else
		want = model_top_down(r, n);
	snprintf(r->what, sizeof(r->what), "mmap hint %#lx +%lu prot %lu", hint, n, prot);
	ret = do_mmap(r->mm, NULL, hint, PAGES(n), prot, MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (ret != want)
		return FAIL(r, "returned %#lx, want %#lx", ret, want);
	if (ret < r->base) {
		r->nr_below++;
		if (do_munmap(r->mm, ret, PAGES(n)))
			return FAIL(r, "unmapping it below the window failed");
		return check_areas(r);
	}
	from = (ret - r->base) >> PAGE_SHIFT;
	model_map(r, from, n, prot, false);
	return check_areas(r) && check_ptes(r, from, from + n);
}

static bool op_munmap(struct vma_run *r)
{
	unsigned long from, n, i;
	int ret;

	pick_range(r, 48, &from, &n);
	snprintf(r->what, sizeof(r->what), "munmap %#lx +%lu", page_addr(r, from), n);
	ret = do_munmap(r->mm, page_addr(r, from), PAGES(n));
	if (ret)
		return FAIL(r, "returned %d", ret);
	for (i = from; i < from + n; i++)
		r->page[i] = (struct model_page){ .mapped = false };
	return check_areas(r) && check_ptes(r, from, from + n);
}

/*
 * Linux's mprotect: -ENOMEM if the first page is unmapped, with nothing
 * changed; else page by page up to the first hole (then -ENOMEM, the
 * pages before it changed) or the end (0).
 */
static int model_mprotect(struct vma_run *r, unsigned long from, unsigned long n,
			  unsigned long prot)
{
	for (unsigned long i = from; i < from + n; i++) {
		if (!r->page[i].mapped)
			return -ENOMEM;
		r->page[i].prot = prot;
	}
	return 0;
}

static bool op_mprotect(struct vma_run *r)
{
	unsigned long from, n, prot = prots[rnd(r, ARRAY_SIZE(prots))];
	int want, ret;

	pick_range(r, 24, &from, &n);
	snprintf(r->what, sizeof(r->what), "mprotect %#lx +%lu prot %lu",
		 page_addr(r, from), n, prot);
	want = model_mprotect(r, from, n, prot);
	ret = do_mprotect(r->mm, page_addr(r, from), PAGES(n), prot);
	r->nr_enomem += want == -ENOMEM;
	if (ret != want)
		return FAIL(r, "returned %d, want %d", ret, want);
	return check_areas(r) && check_ptes(r, from, from + n);
}

/* A fault just gave page @i a frame of its own: fresh and zeroed; stamp it. */
static bool check_new_page(struct vma_run *r, unsigned long i, pte_t pte)
{
	struct model_page *mp = &r->page[i];
	struct page *page = pfn_to_page(pte_pfn(pte));

	if (is_zero_pfn(pte_pfn(pte)) || !pfn_valid(pte_pfn(pte)))
		return FAIL(r, "page %#lx: pte %#lx, want a new page", page_addr(r, i),
			    pte_val(pte));
	/* a shared page also has the shmem file's page-cache reference */
	if (page_mapcount(page) != 1 || page_ref_count(page) != 1 + !!mp->shared)
		return FAIL(r, "new page: mapcount %d refcount %d", page_mapcount(page),
			    page_ref_count(page));
	if (memchr_inv(page_address(page), 0, PAGE_SIZE))
		return FAIL(r, "new page %#lx is not zeroed", pte_pfn(pte));
	mp->state = OWN;
	mp->pfn = pte_pfn(pte);
	mp->stamp = page_addr(r, i) ^ (r->op << 12) ^ 0x5a5a;
	*first_word(mp->pfn) = mp->stamp;
	return true;
}

/*
 * Fault a random accessible page, reading or (if allowed) writing.  A
 * read of untouched private memory maps the zero page; a write, or any
 * fault on shared memory, gives the page a frame of its own; a page that
 * has one keeps it.
 */
static bool op_fault(struct vma_run *r)
{
	unsigned long i, addr, tries = 0;
	struct model_page *mp;
	struct vm_area_struct *vma;
	bool write;
	pte_t pte;

	do {
		i = rnd(r, NPAGES);
		mp = &r->page[i];
		if (++tries > 8)
			return true;		/* hardly anything accessible now */
	} while (!mp->mapped || mp->prot == PROT_NONE);
	addr = page_addr(r, i);
	write = (mp->prot & PROT_WRITE) && rnd(r, 2);
	snprintf(r->what, sizeof(r->what), "%s fault %#lx", write ? "write" : "read", addr);
	vma = find_vma(r->mm, addr);
	if (!vma || vma->vm_start > addr)
		return FAIL(r, "no area");
	if (handle_mm_fault(vma, addr, FAULT_FLAG_USER | (write ? FAULT_FLAG_WRITE : 0)) &
	    VM_FAULT_ERROR)
		return FAIL(r, "handle_mm_fault failed");
	r->nr_faults++;
	pte = pte_at(r->mm, addr);
	if (write && !pte_write(pte))
		return FAIL(r, "pte %#lx not writable after a write fault", pte_val(pte));
	if (mp->state != OWN && (write || mp->shared)) {
		if (!check_new_page(r, i, pte))
			return false;
	} else if (mp->state == UNTOUCHED) {
		mp->state = ZERO;
	}
	return check_pte(r, i) && check_areas(r);
}

static bool run_one(struct vma_run *r)
{
	unsigned long pick = rnd(r, 100);

	if (pick < 30)
		return op_mmap_fixed(r);
	if (pick < 40)
		return op_mmap(r);
	if (pick < 60)
		return op_munmap(r);
	if (pick < 85)
		return op_mprotect(r);
	return op_fault(r);
}

static void vma_random_ops(struct ktest *test)
{
	unsigned long free_before = nr_free_pages(), objs_before = slab_objects_in_use();
	struct vma_run *r = &run;

	memset(r, 0, sizeof(*r));
	r->test = test;
	r->rng = SEED;
	r->mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(test, r->mm);
	r->base = r->mm->mmap_base - PAGES(NPAGES);
	ktest_printk(test, "seed %#llx, %d operations on [%#lx, %#lx)", SEED, NR_OPS,
		     r->base, r->mm->mmap_base);

	for (r->op = 0; r->op < NR_OPS; r->op++) {
		if (!run_one(r))
			break;
		if (r->op % PTE_SCAN_EVERY == 0 && !check_ptes(r, 0, NPAGES))
			break;
	}
	if (r->op < NR_OPS) {
		struct vm_area_struct *vma;

		for (vma = r->mm->mmap; vma; vma = vma->vm_next)
			ktest_printk(test, "  area %#lx-%#lx flags %#lx pgoff %#lx",
				     vma->vm_start, vma->vm_end, vma->vm_flags, vma->vm_pgoff);
	}
	ktest_printk(test, "%lu ops, %lu faults, %lu mmaps below the window, "
		     "%lu mprotects hit a hole, up to %d areas",
		     r->op, r->nr_faults, r->nr_below, r->nr_enomem, r->max_areas);
	mmput(r->mm);
	KTEST_EXPECT_UEQ(test, nr_free_pages(), free_before);
	KTEST_EXPECT_UEQ(test, slab_objects_in_use(), objs_before);
}

static struct ktest_case vma_random_cases[] = {
	KTEST_CASE(vma_random_ops),
	{}
};

static struct ktest_suite vma_random_suite = {
	.name = "vma_random",
	.test_cases = vma_random_cases,
};
ktest_suite(vma_random_suite);
