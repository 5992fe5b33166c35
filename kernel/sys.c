// SPDX-License-Identifier: GPL-2.0
/* Small system calls about the calling process (Linux: kernel/sys.c). */
#include <kernel.h>
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <asm/uaccess.h>

#define __NEW_UTS_LEN	64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/*
 * dissect speaks the Linux system-call ABI, so it answers "Linux" like
 * other kernels that do (WSL1, FreeBSD's Linux layer); the release says
 * which kernel really answers.
 */
static const struct new_utsname dissect_utsname = {
	.sysname = "Linux",
	.nodename = "dissect",
	.release = "5.15.0-dissect",
	.version = "#1 dissect 0.1",
	.machine = "x86_64",
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &dissect_utsname, sizeof(*name)) ? -EFAULT : 0;
}

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->real_parent->tgid;
}

/* There are no users besides root: every id is 0. */
SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

/* set_tid_address - where to write 0 when this thread exits; returns its tid. */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* exit_group - the whole process exits (one thread per process, so far). */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}
