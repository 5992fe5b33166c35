// SPDX-License-Identifier: GPL-2.0
/*
 * Backtraces by frame pointers.  Every function built with
 * -fno-omit-frame-pointer starts "push %rbp; mov %rsp, %rbp", so
 *
 *	[rbp]      the caller's rbp       (the next frame)
 *	[rbp + 8]  the return address     (a point in the caller)
 *
 * startup_64 clears rbp before calling start_kernel: a zero rbp ends the
 * chain.  Frames are read with copy_from_kernel_nofault(), so a corrupt
 * chain ends the trace instead of faulting inside the panic path.
 */
#include <kernel.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <asm/stacktrace.h>

#define MAX_FRAMES 32

static void print_frame(unsigned long addr)
{
	printk(KERN_EMERG " %pS\n", (void *)addr);
}

void show_trace_from(unsigned long bp)
{
	unsigned long frame[2];		/* saved rbp, return address */
	int n;

	printk(KERN_EMERG "Call Trace:\n");
	for (n = 0; bp && n < MAX_FRAMES; n++) {
		if (bp & 7 || copy_from_kernel_nofault(frame, (void *)bp, sizeof(frame)))
			break;
		if (!frame[1])
			break;
		print_frame(frame[1]);
		if (frame[0] <= bp)	/* stacks grow down: callers are above */
			break;
		bp = frame[0];
	}
}

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_EMERG "RIP: %04lx:%pS\n", regs->cs, (void *)regs->ip);
	printk(KERN_EMERG "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->sp, regs->flags);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	if (!user_mode(regs))
		show_trace_from(regs->bp);
}

void dump_stack(void)
{
	show_trace_from((unsigned long)__builtin_frame_address(0));
}
