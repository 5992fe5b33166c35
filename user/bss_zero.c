/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bss_zero: what the loader must do with a program's data and bss.
 *
 * .data comes from the file; .bss is the part of the data segment beyond
 * the file (p_memsz > p_filesz) and must read as zero, including the tail
 * of the last page shared with .data, which in the file holds whatever
 * follows .data there.  The 1 MiB array is then written and read back: a
 * kernel that maps a shared zero page for reads must give a private page
 * on the first write.
 */
#include "check.h"

#define BSS_BYTES	(1UL << 20)

/* volatile: the compiler may not assume what main() finds in them. */
static volatile int data[8] = { 1, 2, 3, 5, 8, 13, 21, 34 };
static volatile long small_bss[4];	/* likely on .data's last page */
static volatile unsigned char big_bss[BSS_BYTES];

int main(void)
{
	static const int fib[8] = { 1, 2, 3, 5, 8, 13, 21, 34 };

	for (int i = 0; i < 8; i++)
		CHECK(1, data[i] == fib[i]);
	for (int i = 0; i < 4; i++)
		CHECK(2, small_bss[i] == 0);
	for (unsigned long i = 0; i < BSS_BYTES; i++)
		CHECK(3, big_bss[i] == 0);

	for (unsigned long i = 0; i < BSS_BYTES; i++)
		big_bss[i] = (unsigned char)(i ^ (i >> 8));
	for (unsigned long i = 0; i < BSS_BYTES; i++)
		CHECK(4, big_bss[i] == (unsigned char)(i ^ (i >> 8)));
	data[0] = 42;
	CHECK(5, data[0] == 42 && data[7] == 34);
	printf("bss_zero: .data values and 1 MiB of zero .bss ok\n");
	return 0;
}
