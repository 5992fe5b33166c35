// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault entry.  This file only decodes CR2 and the error code
 * and decides who handles the fault; what a fault means for an address
 * space is mm/memory.c's business (handle_mm_fault).
 */
#include <kernel.h>
#include <asm/extable.h>
#include <asm/page.h>
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

/**
 * exc_page_fault - the #PF handler
 * @regs: registers at the fault
 * @error_code: the CPU's page-fault error code (X86_PF_*)
 */
void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	if (!user_mode(regs) && fixup_exception(regs, X86_TRAP_PF))
		return;
	page_fault_oops(regs, error_code, address);
}
