// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call table and dispatch (Linux: arch/x86/entry/syscall_64.c
 * and common.c).  entry_SYSCALL_64 saves the user registers as a
 * struct pt_regs and calls do_syscall_64(); the number is in orig_ax,
 * the result goes back in ax.
 */
#include <kernel.h>
#include <errno.h>
#include <sched.h>
#include <syscalls.h>
#include <asm/irqflags.h>

#define NR_syscalls	512

#define __SYSCALL(nr, sym) long __x64_sys_##sym(const struct pt_regs *);
#include "syscalls/syscall_64.h"
#undef __SYSCALL

#define __SYSCALL(nr, sym) [nr] = __x64_sys_##sym,
static const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include "syscalls/syscall_64.h"
};
#undef __SYSCALL

/*
 * The numbers already reported as not implemented: a bitmap below
 * ENOSYS_BITMAP_NR, a short table above.  Once the table is full, later
 * numbers above the bitmap are no longer reported.
 */
#define ENOSYS_BITMAP_NR	1024
#define ENOSYS_TABLE_SIZE	16

static unsigned long enosys_bitmap[ENOSYS_BITMAP_NR / 64];
static unsigned long enosys_table[ENOSYS_TABLE_SIZE];
static int enosys_table_used;

/* enosys_reported - was @nr reported before?  If not, it counts as reported now. */
static bool enosys_reported(unsigned long nr)
{
	unsigned long bit = 1UL << (nr % 64);
	bool seen;

	if (nr < ENOSYS_BITMAP_NR) {
		seen = enosys_bitmap[nr / 64] & bit;
		enosys_bitmap[nr / 64] |= bit;
		return seen;
	}
	for (int i = 0; i < enosys_table_used; i++)
		if (enosys_table[i] == nr)
			return true;
	if (enosys_table_used == ENOSYS_TABLE_SIZE)
		return true;
	enosys_table[enosys_table_used++] = nr;
	return false;
}

/* sys_ni_syscall - not implemented: -ENOSYS, said once per number. */
static long sys_ni_syscall(unsigned long nr)
{
	unsigned long flags;
	bool seen;

	local_irq_save(flags);
	seen = enosys_reported(nr);
	local_irq_restore(flags);
	if (!seen)
		pr_info("%s[%d]: system call %lu is not implemented (-ENOSYS)\n",
			current->comm, current->pid, nr);
	return -ENOSYS;
}

void syscall_exit_to_user_mode(struct pt_regs *regs);

/* do_syscall_64 - run system call regs->orig_ax; the result goes to regs->ax. */
void do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr])
		regs->ax = sys_call_table[nr](regs);
	else
		regs->ax = sys_ni_syscall(nr);
	syscall_exit_to_user_mode(regs);
}
