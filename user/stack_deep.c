/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stack_deep: a recursion 2 MiB deep.
 *
 * The kernel maps only the top of the stack (128 KiB or so) at exec; every
 * page below is found by a page fault just under the stack VMA, which the
 * kernel must grow downwards (VM_GROWSDOWN) instead of sending SIGSEGV.
 * Each frame fills a 1 KiB array, recurses, then sums the array: the sum
 * is right only if every frame's page kept its contents.
 */
#include <stdint.h>
#include "check.h"

#define FRAME_BYTES	1024
#define DEPTH		2048		/* 2048 frames of > 1 KiB: > 2 MiB */

static uintptr_t lowest_frame = UINTPTR_MAX;

static unsigned long recurse(unsigned int depth)
{
	volatile unsigned char frame[FRAME_BYTES];
	unsigned long sum;

	for (unsigned int i = 0; i < FRAME_BYTES; i++)
		frame[i] = (unsigned char)(depth + i);
	if ((uintptr_t)frame < lowest_frame)
		lowest_frame = (uintptr_t)frame;
	sum = depth ? recurse(depth - 1) : 0;
	for (unsigned int i = 0; i < FRAME_BYTES; i++)
		sum += frame[i];
	return sum;
}

/* The same sum, without the stack. */
static unsigned long expected_sum(void)
{
	unsigned long sum = 0;

	for (unsigned int depth = 0; depth <= DEPTH; depth++)
		for (unsigned int i = 0; i < FRAME_BYTES; i++)
			sum += (unsigned char)(depth + i);
	return sum;
}

int main(void)
{
	volatile unsigned char top;
	unsigned long sum = recurse(DEPTH);
	unsigned long used = (uintptr_t)&top - lowest_frame;

	CHECK(1, sum == expected_sum());
	CHECK(2, used >= (2UL << 20));
	printf("stack_deep: %d frames, %lu KiB of stack, checksum ok\n",
	       DEPTH, used >> 10);
	return 0;
}
