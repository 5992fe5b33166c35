/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct task_struct;
struct pt_regs;

/*
 * switch_to - save prev's callee-saved registers and stack pointer, load
 * next's, and return on next's stack (entry_64.asm: __switch_to_asm, then
 * __switch_to for the rest of the CPU state).
 * Return: the task that ran before, as seen from the task now running.
 */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
#define switch_to(prev, next)	__switch_to_asm(prev, next)

void ret_from_fork(void);
struct kernel_clone_args;
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

#endif /* _ASM_X86_SWITCH_TO_H */
