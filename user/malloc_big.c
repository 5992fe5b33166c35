/* SPDX-License-Identifier: GPL-2.0 */
/*
 * malloc_big: the heap, as musl's malloc uses the kernel.
 *
 * musl (1.2, "mallocng") serves a large request with its own anonymous
 * mmap() and gives it back with munmap() on free(); small requests share
 * mmap()ed groups, and malloc's bookkeeping lives in pages it takes with
 * brk() (the first of them turned into a PROT_NONE guard page by an
 * mmap(MAP_FIXED) on top).  So this touches mmap, munmap and brk, and
 * every page it writes is a demand-zero fault the kernel must fill.
 *
 * The memory is reached through volatile pointers: the compiler knows
 * what malloc and calloc return and could otherwise skip the reads.
 */
#include <stdint.h>
#include <unistd.h>
#include "check.h"

#define BIG_SIZE	(8UL << 20)	/* one 8 MiB block */
#define NR_SMALL	4096		/* and many small ones */
#define CALLOC_SIZE	(4UL << 20)

/* A byte pattern that differs from page to page. */
static unsigned char pattern(unsigned long i, unsigned long seed)
{
	return (unsigned char)((i * 31) ^ (i >> 12) ^ seed);
}

static void check_big_block(void)
{
	volatile unsigned char *big = malloc(BIG_SIZE);

	CHECK(1, big != NULL);
	CHECK(2, ((uintptr_t)big & 15) == 0);	/* malloc's alignment */
	for (unsigned long i = 0; i < BIG_SIZE; i++)
		big[i] = pattern(i, 0x5a);
	for (unsigned long i = 0; i < BIG_SIZE; i++)
		CHECK(3, big[i] == pattern(i, 0x5a));
	free((void *)big);
}

static void check_small_blocks(void)
{
	static volatile unsigned char *small[NR_SMALL];

	for (unsigned long n = 0; n < NR_SMALL; n++) {
		unsigned long size = 16 + (n * 37) % 1000;

		small[n] = malloc(size);
		CHECK(10, small[n] != NULL);
		for (unsigned long i = 0; i < size; i++)
			small[n][i] = (unsigned char)n;
	}
	for (unsigned long n = 0; n < NR_SMALL; n++) {
		unsigned long size = 16 + (n * 37) % 1000;

		for (unsigned long i = 0; i < size; i++)
			CHECK(11, small[n][i] == (unsigned char)n);
		free((void *)small[n]);
	}
}

/* calloc of a fresh mapping: the kernel's zero pages, untouched by musl. */
static void check_calloc(void)
{
	volatile unsigned char *zero = calloc(1, CALLOC_SIZE);

	CHECK(20, zero != NULL);
	for (unsigned long i = 0; i < CALLOC_SIZE; i++)
		CHECK(21, zero[i] == 0);
	free((void *)zero);
}

int main(void)
{
	char *brk_before = sbrk(0);

	check_big_block();
	check_small_blocks();
	check_calloc();
	CHECK(30, (char *)sbrk(0) >= brk_before);
	printf("malloc_big: 8 MiB block, %d small blocks and 4 MiB calloc ok "
	       "(brk grew by %ld bytes)\n", NR_SMALL,
	       (long)((char *)sbrk(0) - brk_before));
	return 0;
}
