/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_STACKTRACE_H
#define _ASM_X86_STACKTRACE_H

struct pt_regs;
void show_trace_from(unsigned long bp);
void show_regs(const struct pt_regs *regs);

#endif /* _ASM_X86_STACKTRACE_H */
