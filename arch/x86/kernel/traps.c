// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions: decide what each one means.  A fault the exception table
 * knows (a probe, a user copy) resumes at its fixup; anything else in
 * kernel mode is a kernel bug: report it ("die") and panic -- unless a
 * self-test case is running, in which case only that case fails.
 */
#include <kernel.h>
#include <ktest.h>
#include <sched.h>
#include <signal.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/extable.h>
#include <asm/irq.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE]	= "divide error",
	[X86_TRAP_DB]	= "debug",
	[X86_TRAP_NMI]	= "non-maskable interrupt",
	[X86_TRAP_BP]	= "int3",
	[X86_TRAP_OF]	= "overflow",
	[X86_TRAP_BR]	= "bounds",
	[X86_TRAP_UD]	= "invalid opcode",
	[X86_TRAP_NM]	= "device not available",
	[X86_TRAP_DF]	= "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS]	= "invalid TSS",
	[X86_TRAP_NP]	= "segment not present",
	[X86_TRAP_SS]	= "stack segment",
	[X86_TRAP_GP]	= "general protection fault",
	[X86_TRAP_PF]	= "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt",
	[X86_TRAP_MF]	= "coprocessor error",
	[X86_TRAP_AC]	= "alignment check",
	[X86_TRAP_MC]	= "machine check",
	[X86_TRAP_XF]	= "SIMD exception",
	[X86_TRAP_VE]	= "virtualization exception",
	[X86_TRAP_CP]	= "control protection",
};

const char *trap_name(unsigned long vector)
{
	if (vector < NR_EXCEPTION_VECTORS && exception_names[vector])
		return exception_names[vector];
	return "reserved exception";
}

/**
 * die - report a fatal kernel-mode exception
 *
 * Prints the exception, its error code and the registers with a
 * backtrace.  A running self-test case is ended as failed (the kernel
 * goes on with the next case); otherwise the kernel panics.
 */
void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	static int die_counter;

	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err, ++die_counter);
	show_regs(regs);
	if (ktest_case_running())
		ktest_case_crashed(str);
	panic("Fatal exception");
}

/* The signal a user-mode exception sends (Linux: each exc_* handler). */
static int trap_signal(unsigned long vector)
{
	switch (vector) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_DB:
	case X86_TRAP_BP:
		return SIGTRAP;
	case X86_TRAP_AC:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static void do_error_trap(struct pt_regs *regs, unsigned long vector)
{
	if (user_mode(regs)) {
		printk(KERN_INFO "traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n",
		       current->comm, current->pid, trap_name(vector),
		       regs->ip, regs->sp, regs->orig_ax);
		force_sig(trap_signal(vector));
		return;
	}
	if (fixup_exception(regs, vector))
		return;
	die(trap_name(vector), regs, regs->orig_ax);
}

void irqentry_exit(struct pt_regs *regs);

/* Called by common_entry (entry_64.asm) for every vector. */
void do_idt_entry(struct pt_regs *regs, unsigned long vector)
{
	if (vector == X86_TRAP_PF)
		exc_page_fault(regs, regs->orig_ax);
	else if (vector < NR_EXCEPTION_VECTORS)
		do_error_trap(regs, vector);
	else
		do_IRQ(regs, vector);
	irqentry_exit(regs);
}

void trap_init(void)
{
	cpu_init();
	idt_setup_traps();
	syscall_init();
	fpu__init_cpu();
}
