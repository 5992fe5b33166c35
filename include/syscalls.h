/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Defining system calls (Linux: include/linux/syscalls.h).
 *
 *	SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
 *
 * makes __x64_sys_write(const struct pt_regs *regs), the table entry,
 * which takes the arguments from the registers of Linux's x86-64 ABI
 * (rdi, rsi, rdx, r10, r8, r9) and calls the typed body __do_sys_write().
 * The table is arch/x86/entry/syscall_64.c.
 */
#ifndef _SYSCALLS_H
#define _SYSCALLS_H

#include <types.h>
#include <compiler.h>
#include <asm/ptrace.h>

typedef long (*sys_call_ptr_t)(const struct pt_regs *);

#define __SC_DECL(t, a)		t a
#define __SYSCALL_WRAPPER(name, call)					\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		return call;						\
	}

#define SYSCALL_DEFINE0(name)						\
	static long __do_sys_##name(void);				\
	__SYSCALL_WRAPPER(name, __do_sys_##name())			\
	static long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, t1, a1)					\
	static long __do_sys_##name(t1 a1);				\
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->di))		\
	static long __do_sys_##name(t1 a1)

#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)				\
	static long __do_sys_##name(t1 a1, t2 a2);			\
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->di, (t2)regs->si)) \
	static long __do_sys_##name(t1 a1, t2 a2)

#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)			\
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3);		\
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->di, (t2)regs->si, \
						(t3)regs->dx))		\
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3)

#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)		\
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4);	\
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->di, (t2)regs->si, \
						(t3)regs->dx, (t4)regs->r10)) \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)

#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)	\
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5);	\
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->di, (t2)regs->si, \
						(t3)regs->dx, (t4)regs->r10, \
						(t5)regs->r8))		\
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)

#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6); \
	__SYSCALL_WRAPPER(name, __do_sys_##name((t1)regs->di, (t2)regs->si, \
						(t3)regs->dx, (t4)regs->r10, \
						(t5)regs->r8, (t6)regs->r9)) \
	static long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)

#endif /* _SYSCALLS_H */
