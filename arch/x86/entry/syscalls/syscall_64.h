/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls dissect implements, by Linux x86-64 number (Linux:
 * arch/x86/entry/syscalls/syscall_64.tbl).  Any other number returns
 * -ENOSYS.  Included twice by syscall_64.c, with __SYSCALL defined to
 * declare the entry points and then to fill the table.
 */
__SYSCALL(0, read)
__SYSCALL(1, write)
__SYSCALL(9, mmap)
__SYSCALL(10, mprotect)
__SYSCALL(11, munmap)
__SYSCALL(12, brk)
__SYSCALL(13, rt_sigaction)
__SYSCALL(14, rt_sigprocmask)
__SYSCALL(16, ioctl)
__SYSCALL(19, readv)
__SYSCALL(20, writev)
__SYSCALL(24, sched_yield)
__SYSCALL(35, nanosleep)
__SYSCALL(39, getpid)
__SYSCALL(60, exit)
__SYSCALL(63, uname)
__SYSCALL(102, getuid)
__SYSCALL(104, getgid)
__SYSCALL(107, geteuid)
__SYSCALL(108, getegid)
__SYSCALL(110, getppid)
__SYSCALL(158, arch_prctl)
__SYSCALL(186, gettid)
__SYSCALL(218, set_tid_address)
__SYSCALL(228, clock_gettime)
__SYSCALL(230, clock_nanosleep)
__SYSCALL(231, exit_group)
