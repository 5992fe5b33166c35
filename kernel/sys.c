// SPDX-License-Identifier: GPL-2.0
/* Small system calls about the calling process (Linux: kernel/sys.c). */
#include <kernel.h>
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <jiffies.h>
#include <mm.h>
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

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val = { 0 };
	struct task_struct *p;

	val.uptime = ktime_get_ns() / 1000000000ULL;
	val.totalram = totalram_pages * PAGE_SIZE;
	val.freeram = nr_free_pages() * PAGE_SIZE;
	list_for_each_entry(p, &task_list, tasks)
		val.procs++;
	val.mem_unit = 1;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

#define PR_SET_NAME	15
#define PR_GET_NAME	16
/* dissect's own: print the mm story (mmtrace) for this process and its children */
#define PR_SET_MMTRACE	0x6d6d7472

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char name[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(name, (const char __user *)arg2, sizeof(name) - 1) < 0)
			return -EFAULT;
		name[sizeof(name) - 1] = '\0';
		strscpy(current->comm, name, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm, TASK_COMM_LEN) ? -EFAULT : 0;
	case PR_SET_MMTRACE:
		current->mmtrace = !!arg2;
		return 0;
	default:
		return -EINVAL;
	}
}
