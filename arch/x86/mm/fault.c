// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault entry.  This file only decodes CR2 and the error code
 * and decides who handles the fault; what a fault means for an address
 * space is mm/memory.c's business (handle_mm_fault).
 */
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <asm/extable.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

/* Say in words what the error code says in bits, as Linux's show_fault_oops(). */
static void show_fault_oops(unsigned long error_code, unsigned long address)
{
	if (address < PAGE_SIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n",
		       address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n",
		       address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (error_code & X86_PF_USER) ? "user" : "supervisor",
	       (error_code & X86_PF_INSTR) ? "instruction fetch" :
	       (error_code & X86_PF_WRITE) ? "write access" : "read access",
	       (error_code & X86_PF_USER) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", error_code,
	       (error_code & X86_PF_RSVD) ? "reserved bit violation" :
	       !(error_code & X86_PF_PROT) ? "not-present page" :
	       "permissions violation");
}

/* A kernel-mode fault nobody expected: an oops. */
static void page_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	show_fault_oops(error_code, address);
	die("Oops", regs, error_code);
}

/*
 * show_signal_msg - the line Linux prints when a fault kills a process:
 * "prog[42]: segfault at 0 ip 0000000000401126 sp 00007ffffffde9e0 error 6 in prog[401000+2000]"
 */
void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
		     unsigned long address, const char *what)
{
	struct task_struct *tsk = current;
	struct vm_area_struct *vma = tsk->mm ? find_vma(tsk->mm, regs->ip) : NULL;

	printk(KERN_INFO "%s[%d]: %s at %lx ip %016lx sp %016lx error %lx",
	       tsk->comm, tsk->pid, what, address, regs->ip, regs->sp, error_code);
	if (vma && vma->vm_start <= regs->ip)
		pr_cont(" in %s[%lx+%lx]", tsk->comm, vma->vm_start, vma->vm_end - vma->vm_start);
	pr_cont("\n");
}

/*
 * access_error - does @vma forbid the access the error code describes?
 * A write needs VM_WRITE.  A read of a present page faults only if the
 * page forbids it (PROT_NONE, or an instruction fetch from a no-execute
 * page); a read of an absent page needs an accessible area.
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

/* bad_area - no area, or not allowed: SIGSEGV for a user access. */
static void bad_area(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	if (user_mode(regs)) {
		show_signal_msg(regs, error_code, address, "segfault");
		force_sig(SIGSEGV);
		return;
	}
	if (fixup_exception(regs, X86_TRAP_PF))	/* a uaccess routine: -EFAULT */
		return;
	page_fault_oops(regs, error_code, address);
}

static unsigned int fault_flags(struct pt_regs *regs, unsigned long error_code)
{
	unsigned int flags = 0;

	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	return flags;
}

/*
 * do_user_addr_fault - a fault at a user address: find the area (growing
 * a stack down to it if needed), check the access, and let the mm layer
 * resolve it.  The kernel may fault here only inside the uaccess
 * routines (the exception table lists them).
 */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	if (!user_mode(regs) && !search_exception_tables(regs->ip)) {
		page_fault_oops(regs, error_code, address);
		return;
	}
	if ((error_code & X86_PF_RSVD) || !mm) {
		bad_area(regs, error_code, address);
		return;
	}
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start > address && expand_stack(vma, address))
		vma = NULL;
	if (!vma || vma->vm_start > address || access_error(error_code, vma)) {
		mmap_read_unlock(mm);
		bad_area(regs, error_code, address);
		return;
	}
	fault = handle_mm_fault(vma, address, fault_flags(regs, error_code));
	mmap_read_unlock(mm);
	if (!(fault & (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)))
		return;
	if (fault & VM_FAULT_OOM) {
		pr_err("Out of memory: killed process %d (%s)\n", current->pid, current->comm);
		force_sig(SIGKILL);
	} else if (fault & VM_FAULT_SIGBUS) {
		force_sig(SIGBUS);
	} else {
		bad_area(regs, error_code, address);
		return;
	}
	/* a uaccess routine that met it returns -EFAULT; the signal ends the task */
	if (!user_mode(regs))
		fixup_exception(regs, X86_TRAP_PF);
}

/**
 * exc_page_fault - the #PF handler: decode and dispatch
 * @regs: registers at the fault
 * @error_code: the CPU's page-fault error code (X86_PF_*)
 *
 * A fault at a user address goes to do_user_addr_fault(); at a kernel
 * address it is a kernel bug -- unless a probe expected it (exception
 * table) -- or, from user mode, a process touching the kernel: SIGSEGV.
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (address < TASK_SIZE_MAX) {
		do_user_addr_fault(regs, error_code, address);
		return;
	}
	if (user_mode(regs)) {
		bad_area(regs, error_code, address);
		return;
	}
	if (fixup_exception(regs, X86_TRAP_PF))
		return;
	page_fault_oops(regs, error_code, address);
}
