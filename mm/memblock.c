// SPDX-License-Identifier: GPL-2.0
/*
 * memblock, the boot-time allocator (see include/memblock.h).
 *
 * Both region lists are kept sorted by base, with overlapping or touching
 * regions merged, so "is this address reserved" and "walk the free gaps"
 * are simple scans.  Allocation is top-down below memblock.current_limit,
 * as on Linux x86, so early page tables come from the top of the memory
 * the boot page tables can reach.
 */
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>
#include "internal.h"

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock = {
	.current_limit = ~(phys_addr_t)0,
	.memory = { .regions = memory_regions, .name = "memory" },
	.reserved = { .regions = reserved_regions, .name = "reserved" },
};

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Merge region i with its successors while they overlap or touch. */
static void memblock_merge_from(struct memblock_type *type, unsigned long i)
{
	struct memblock_region *r = &type->regions[i];

	while (i + 1 < type->cnt && r[1].base <= r->base + r->size) {
		phys_addr_t end = max(r->base + r->size, r[1].base + r[1].size);

		r->size = end - r->base;
		memblock_remove_region(type, i + 1);
	}
}

/*
 * memblock_add_range - insert [base, base+size) keeping @type sorted
 * and merged.  Return: 0, or -ENOSPC when the array is full.
 */
int memblock_add_range(struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size)
{
	unsigned long i = 0;

	if (!size)
		return 0;
	if (type->cnt == INIT_MEMBLOCK_REGIONS)
		panic("memblock_add_range: %s array full", type->name);
	while (i < type->cnt && type->regions[i].base < base)
		i++;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->cnt++;
	memblock_merge_from(type, i ? i - 1 : 0);
	if (i < type->cnt)
		memblock_merge_from(type, i);
	return 0;
}

/* Cut [base, base+size) out of @type, splitting a region if needed. */
int memblock_remove_range(struct memblock_type *type,
				 phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;

	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = r->base + r->size;

		if (rend <= base || r->base >= end)
			continue;
		if (r->base < base && rend > end) {	/* a hole in the middle */
			r->size = base - r->base;
			return memblock_add_range(type, end, rend - end);
		}
		if (r->base < base) {
			r->size = base - r->base;
		} else if (rend > end) {
			r->size = rend - end;
			r->base = end;
		} else {
			memblock_remove_region(type, i--);
		}
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

static bool memblock_type_contains(struct memblock_type *type,
				   phys_addr_t base, phys_addr_t size)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base <= base && base + size <= r->base + r->size)
			return true;
	}
	return false;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_type_contains(&memblock.reserved, addr, 1);
}

bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	return memblock_type_contains(&memblock.memory, base, size);
}

/*
 * __next_free_mem_range - the next stretch of memory that is not reserved
 * @idx: iterator state, 0 to start: memory index in the low 32 bits,
 *	 reserved index in the high 32 bits
 *
 * Return: true with [*out_start, *out_end) set, false when done.
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end)
{
	struct memblock_type *mem = &memblock.memory, *rsv = &memblock.reserved;
	unsigned long mi = *idx & 0xffffffff, ri = *idx >> 32;

	for (; mi < mem->cnt; mi++, ri = 0) {
		phys_addr_t m_start = mem->regions[mi].base;
		phys_addr_t m_end = m_start + mem->regions[mi].size;

		/* the gaps between reserved regions: before rsv[0], ..., after the last */
		for (; ri <= rsv->cnt; ri++) {
			phys_addr_t g_start = ri ? rsv->regions[ri - 1].base + rsv->regions[ri - 1].size : 0;
			phys_addr_t g_end = ri < rsv->cnt ? rsv->regions[ri].base : ~(phys_addr_t)0;

			if (g_start >= m_end)
				break;
			if (g_end <= m_start)
				continue;
			*out_start = max(m_start, g_start);
			*out_end = min(m_end, g_end);
			*idx = mi | ((u64)(ri + 1) << 32);
			return true;
		}
	}
	*idx = ~(u64)0;
	return false;
}

/*
 * memblock_phys_alloc_range - reserve @size bytes aligned to @align inside
 * [start, end) and below current_limit, as high as possible.
 * Return: the physical address, or 0 if nothing fits.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	phys_addr_t s, e, found = 0;
	u64 i = 0;

	end = min(end, memblock.current_limit);
	start = max(start, (phys_addr_t)PAGE_SIZE);	/* 0 means failure */
	while (__next_free_mem_range(&i, &s, &e)) {
		phys_addr_t cand;

		s = max(s, start);
		e = min(e, end);
		if (e < s + size || e < size)
			continue;
		cand = ALIGN_DOWN(e - size, align);
		if (cand >= s)
			found = cand;		/* later ranges are higher */
	}
	if (found)
		memblock_reserve(found, size);
	return found;
}

/* memblock_alloc - zeroed boot memory, returned at its direct-map address. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc_range(size, align, 0, ~(phys_addr_t)0);

	if (!pa)
		return NULL;
	memset(__va(pa), 0, size);
	return __va(pa);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	struct memblock_type *mem = &memblock.memory;

	if (!mem->cnt)
		return 0;
	return mem->regions[mem->cnt - 1].base + mem->regions[mem->cnt - 1].size;
}

static void memblock_dump(struct memblock_type *type)
{
	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%016llx-0x%016llx], 0x%016llx bytes\n",
			type->name, i, r->base, r->base + r->size - 1, r->size);
	}
}

void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/* Free [start, end) page frames to the buddy allocator in aligned blocks. */
static unsigned long __free_memory_core(unsigned long start, unsigned long end)
{
	unsigned long pfn = start;

	while (pfn < end) {
		unsigned int order = MAX_ORDER - 1;

		while (order && ((pfn & ((1UL << order) - 1)) || pfn + (1UL << order) > end))
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		pfn += 1UL << order;
	}
	return end - start;
}

/**
 * memblock_free_all - release every unreserved page to the buddy allocator
 *
 * Reserved pages (firmware, the kernel image, mem_map itself) stay
 * PG_reserved and are never handed out.
 */
void memblock_free_all(void)
{
	phys_addr_t s, e;
	u64 i = 0;

	while (__next_free_mem_range(&i, &s, &e)) {
		unsigned long start = PFN_UP(s), end = PFN_DOWN(e);

		if (start < end)
			__free_memory_core(start, end);
	}
}
