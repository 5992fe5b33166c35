// SPDX-License-Identifier: GPL-2.0
/*
 * The arch side of tasks (Linux: arch/x86/kernel/process_64.c): what a
 * new task's stack looks like, and the CPU state switched with a task.
 *
 * A new task's kernel stack, top down:
 *
 *   stack + THREAD_SIZE  +-----------------------------+
 *                        | struct pt_regs              |  user registers
 *                        +-----------------------------+
 *                        | struct inactive_task_frame  |  ret_addr = ret_from_fork
 *   thread.sp ---------> +-----------------------------+  bx = fn, r12 = arg
 *
 * The first switch_to() into it pops the frame and "returns" into
 * ret_from_fork, which calls fn(arg) for a kernel thread, or returns to
 * user mode through the pt_regs.
 */
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <errno.h>
#include <string.h>
#include <syscalls.h>
#include <asm/uaccess.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/msr.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/switch_to.h>

struct pcpu_hot pcpu_hot = { .current_task = &init_task };

/* entry_64.asm reaches pcpu_hot by these offsets (asm/current.inc). */
BUILD_BUG_ON(offsetof(struct pcpu_hot, top_of_stack) != PCPU_top_of_stack);
BUILD_BUG_ON(offsetof(struct pcpu_hot, user_rsp) != PCPU_user_rsp);
BUILD_BUG_ON(offsetof(struct task_struct, thread.sp) != 0);

/*
 * copy_thread - build @p's first stack frame (see above): a kernel
 * thread's function, or the parent's user registers with rax = 0 (the
 * child's fork() returns 0), a new stack and thread pointer if clone()
 * gave them.  The FPU state is the parent's too (struct copy).
 * Return: 0, or -EPERM for a thread pointer outside user space (as
 * arch_prctl(ARCH_SET_FS): loading it into the FS base would fault).
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct inactive_task_frame *frame = (struct inactive_task_frame *)childregs - 1;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	frame->bx = (unsigned long)args->fn;
	frame->r12 = (unsigned long)args->fn_arg;
	p->thread.sp = (unsigned long)frame;
	if (args->fn) {
		memset(childregs, 0, sizeof(*childregs));
		return 0;
	}
	*childregs = *task_pt_regs(current);
	childregs->ax = 0;
	if (args->stack)
		childregs->sp = args->stack;
	if (current->mm)
		fxsave(&p->thread.fpu);		/* the parent's registers, now */
	if (args->flags & CLONE_SETTLS) {
		if (args->tls >= TASK_SIZE_MAX)
			return -EPERM;
		p->thread.fsbase = args->tls;
	} else if (current->mm) {
		p->thread.fsbase = rdmsr(MSR_FS_BASE);
	}
	return 0;
}

/* start_thread - make the pt_regs return to user mode at @ip with stack @sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF;
	current->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu__init_state(&current->thread.fpu);
	fxrstor(&current->thread.fpu);
}

/*
 * __switch_to - the rest of the switch, on @next's stack: its kernel
 * stack for entries from user mode (TSS sp0 and the syscall entry's
 * top_of_stack), its FS base, and `current`.
 * Return: @prev, which ret_from_fork and schedule() receive.
 */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

	if (prev->mm) {
		prev->thread.fsbase = rdmsr(MSR_FS_BASE);
		fxsave(&prev->thread.fpu);
	}
	if (next->mm) {
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
		fxrstor(&next->thread.fpu);
	}
	load_sp0(top);
	pcpu_hot.top_of_stack = top;
	pcpu_hot.current_task = next;
	return prev;
}

/* percpu_init - point the kernel's GS base at pcpu_hot (see asm/current.h). */
void percpu_init(void)
{
	wrmsr(MSR_GS_BASE, (unsigned long)&pcpu_hot);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	pcpu_hot.top_of_stack = (unsigned long)init_task.stack + THREAD_SIZE;
	load_sp0(pcpu_hot.top_of_stack);
}

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

/*
 * arch_prctl - the thread pointer: ARCH_SET_FS puts @arg2 in the FS base,
 * where the C library keeps its thread-local storage (%fs:0).
 */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = arg2;
		wrmsr(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}
