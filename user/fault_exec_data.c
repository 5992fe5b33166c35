/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault_exec_data: jumping into data must kill the program with SIGSEGV.
 * .data is a PT_LOAD segment without PF_X, mapped with the NX bit, so the
 * instruction fetch faults (error code: instruction fetch, user, present)
 * before the "ret" placed there can run.
 */
#include "check.h"

static unsigned char code[16] = { 0xc3 };	/* ret */

int main(void)
{
	void (*volatile fn)(void) = (void (*)(void))code;

	printf("fault_exec_data: calling into .data at %p\n", (void *)code);
	fflush(stdout);
	fn();
	printf("fault_exec_data: the data ran as code\n");
	return 1;		/* expected: killed by SIGSEGV */
}
