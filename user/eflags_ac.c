/* SPDX-License-Identifier: GPL-2.0 */
/*
 * eflags_ac: user mode may set EFLAGS.AC (with popf) -- the flag that,
 * with SMAP, lets the kernel touch user memory.  So the kernel must clear
 * it on every entry: SYSCALL masks it (MSR_SYSCALL_MASK), interrupts and
 * exceptions do not, and the entry code clears it (clac).  The user's own
 * value comes back on every return.
 *
 * This program sets AC, makes a system call and spins in user mode for
 * argv[1] loops (default 1000000) while the timer interrupts it, checks
 * that AC is still set, and clears it.  tests/kernel/test_user.c runs it
 * with a long spin and checks that no kernel code ran with AC meanwhile.
 * Only registers are touched while AC is set: on Linux, CR0.AM makes
 * any misaligned access in user mode an alignment-check fault then.
 */
#include <stdlib.h>
#include "check.h"

#define X86_EFLAGS_AC	0x40000UL

/* With AC set: getpid(), then @loops turns of a loop; returns the flags after. */
static unsigned long spin_with_ac(unsigned long loops)
{
	unsigned long flags;

	asm volatile("sub $128, %%rsp\n\t"		/* keep clear of the red zone */
		     "pushfq\n\t"
		     "orq $0x40000, (%%rsp)\n\t"
		     "popfq\n\t"
		     "mov $39, %%eax\n\t"		/* getpid */
		     "syscall\n"
		     "1:\tdec %1\n\t"
		     "jnz 1b\n\t"
		     "pushfq\n\t"
		     "popq %0\n\t"
		     "pushfq\n\t"
		     "andq $-0x40001, (%%rsp)\n\t"
		     "popfq\n\t"
		     "add $128, %%rsp"
		     : "=r"(flags), "+r"(loops) : : "rax", "rcx", "r11", "cc", "memory");
	return flags;
}

static unsigned long current_flags(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0" : "=r"(flags));
	return flags;
}

int main(int argc, char **argv)
{
	unsigned long loops = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;

	CHECK(1, loops > 0);
	CHECK(2, spin_with_ac(loops) & X86_EFLAGS_AC);	/* ours, through it all */
	CHECK(3, !(current_flags() & X86_EFLAGS_AC));
	printf("eflags_ac: AC set across a system call and %lu loops\n", loops);
	return 0;
}
