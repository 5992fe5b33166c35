// SPDX-License-Identifier: GPL-2.0
/* split_mem_range, table-driven, on awkward boundaries. */
#include <ktest.h>
#include <kernel.h>
#include <asm/init.h>
#include <asm/page.h>

#define M(x)	((unsigned long)(x) << 20)
#define G(x)	((unsigned long)(x) << 30)
#define K4	0
#define P2M	(1UL << PG_LEVEL_2M)
#define P1G	((1UL << PG_LEVEL_2M) | (1UL << PG_LEVEL_1G))

struct split_case {
	const char *what;
	unsigned long start, end, allowed;
	int nr;
	struct map_range expect[NR_RANGE_MR];
};

static const struct split_case split_cases[] = {
	{ "first MiB", 0, M(1), P1G, 1, { { 0, M(1), K4 } } },
	{ "qemu 256M", M(1), 0xffe0000, P1G, 3,
	  { { M(1), M(2), K4 }, { M(2), 0xfe00000, P2M }, { 0xfe00000, 0xffe0000, K4 } } },
	{ "below 4G, 1G pages", M(1), G(3) - 0x20000, P1G, 5,
	  { { M(1), M(2), K4 }, { M(2), G(1), P2M }, { G(1), G(2), P1G },
	    { G(2), G(3) - M(2), P2M }, { G(3) - M(2), G(3) - 0x20000, K4 } } },
	{ "above 4G, aligned", G(4), G(6), P1G, 1, { { G(4), G(6), P1G } } },
	{ "no 1G pages", M(1), G(3) - 0x20000, P2M, 3,
	  { { M(1), M(2), K4 }, { M(2), G(3) - M(2), P2M }, { G(3) - M(2), G(3) - 0x20000, K4 } } },
	{ "no big pages at all", 0x3000, G(2) + 0x5000, 0, 1, { { 0x3000, G(2) + 0x5000, K4 } } },
	{ "inside one 2M page", M(3) + 0x1000, M(3) + 0x9000, P1G, 1,
	  { { M(3) + 0x1000, M(3) + 0x9000, K4 } } },
	{ "ends on 2M, starts odd", 0x1ff000, M(6), P1G, 2,
	  { { 0x1ff000, M(2), K4 }, { M(2), M(6), P2M } } },
	{ "crosses 1G, no whole GiB", G(1) - M(4), G(1) + M(6) + 0x3000, P1G, 2,
	  { { G(1) - M(4), G(1) + M(6), P2M }, { G(1) + M(6), G(1) + M(6) + 0x3000, K4 } } },
	{ "empty", M(8), M(8), P1G, 0, { { 0 } } },
};

static void split_mem_range_table(struct ktest *test)
{
	for (unsigned int c = 0; c < ARRAY_SIZE(split_cases); c++) {
		const struct split_case *sc = &split_cases[c];
		struct map_range mr[NR_RANGE_MR] = { { 0 } };
		int nr = split_mem_range(mr, 0, sc->start, sc->end, sc->allowed);

		if (nr != sc->nr)
			KTEST_FAIL(test, "%s: %d pieces, expected %d", sc->what, nr, sc->nr);
		for (int i = 0; i < nr && i < sc->nr; i++)
			if (mr[i].start != sc->expect[i].start || mr[i].end != sc->expect[i].end ||
			    mr[i].page_size_mask != sc->expect[i].page_size_mask)
				KTEST_FAIL(test, "%s: piece %d is [%#lx-%#lx) mask %lx, expected [%#lx-%#lx) mask %lx",
					   sc->what, i, mr[i].start, mr[i].end, mr[i].page_size_mask,
					   sc->expect[i].start, sc->expect[i].end,
					   sc->expect[i].page_size_mask);
	}
}

/* Pieces are contiguous, cover the range, and big-page pieces are aligned. */
static void split_mem_range_invariants(struct ktest *test)
{
	unsigned long start = 0x7000;

	for (int step = 0; step < 200; step++) {
		unsigned long end = start + (unsigned long)step * 0x1ffff000UL + 0x1000;
		struct map_range mr[NR_RANGE_MR];
		int nr = split_mem_range(mr, 0, start, end, P1G);
		unsigned long at = start;

		for (int i = 0; i < nr; i++) {
			unsigned long align = (mr[i].page_size_mask & (1UL << PG_LEVEL_1G)) ? G(1) :
					      mr[i].page_size_mask ? M(2) : PAGE_SIZE;

			KTEST_EXPECT_UEQ(test, mr[i].start, at);
			KTEST_EXPECT_TRUE(test, IS_ALIGNED(mr[i].start, align) &&
					  IS_ALIGNED(mr[i].end, align));
			at = mr[i].end;
		}
		KTEST_EXPECT_UEQ(test, at, end);
		start = end + 0x3000;
	}
}

static struct ktest_case split_cases_list[] = {
	KTEST_CASE(split_mem_range_table),
	KTEST_CASE(split_mem_range_invariants),
	{}
};

static struct ktest_suite split_suite = {
	.name = "split_mem_range",
	.test_cases = split_cases_list,
};
ktest_suite(split_suite);
