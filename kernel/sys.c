// SPDX-License-Identifier: GPL-2.0
/* Small system calls about the calling process (Linux: kernel/sys.c). */
#include <kernel.h>
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <jiffies.h>
#include <mm.h>
#include <syscalls.h>
#include <fdtable.h>
#include <asm/irqflags.h>
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
	unsigned long flags;

	val.uptime = ktime_get_ns() / 1000000000ULL;
	val.totalram = totalram_pages * PAGE_SIZE;
	val.freeram = nr_free_pages() * PAGE_SIZE;
	local_irq_save(flags);			/* a dead task may be freed at any switch */
	list_for_each_entry(p, &task_list, tasks)
		val.procs++;
	local_irq_restore(flags);
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

/* --- process groups and sessions ---------------------------------------------- */

/* The thread-group leader of process @pid, or NULL (interrupts off). */
static struct task_struct *find_process(pid_t pid)
{
	struct task_struct *p = find_task_by_pid(pid);

	return p && p->tgid == pid && !(p->exit_state & EXIT_DEAD) ? p : NULL;
}

/* Set @p's process group, for all its threads. */
static void set_task_pgrp(struct task_struct *leader, pid_t pgrp, pid_t sid)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->tgid == leader->tgid) {
			t->pgrp = pgrp;
			if (sid)
				t->session = sid;
		}
}

/*
 * setpgid - move process @pid (0: the caller), which must be the caller
 * or its child in its session, into group @pgid (0: its own pid)
 */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	unsigned long flags;
	long err = -ESRCH;

	if (pgid < 0)
		return -EINVAL;
	local_irq_save(flags);
	p = find_process(pid ? pid : current->tgid);
	if (!p || (p->tgid != current->tgid && p->real_parent->tgid != current->tgid))
		goto out;
	err = -EPERM;
	if (p->session != current->session || p->pid == p->session)
		goto out;
	if (!pgid)
		pgid = p->tgid;
	set_task_pgrp(p, pgid, 0);
	err = 0;
out:
	local_irq_restore(flags);
	return err;
}

static long pid_field(pid_t pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	local_irq_save(flags);
	p = pid ? find_process(pid) : current;
	if (p)
		ret = session ? p->session : p->pgrp;
	local_irq_restore(flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return pid_field(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgrp;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return pid_field(pid, true);
}

/* setsid - a new session and group led by the caller; -EPERM for a group leader. */
SYSCALL_DEFINE0(setsid)
{
	unsigned long flags;
	struct task_struct *p;
	bool taken = false;

	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks)
		taken |= p->pgrp == current->tgid && !p->exit_state;
	if (!taken)
		set_task_pgrp(current, current->tgid, current->tgid);
	local_irq_restore(flags);
	return taken ? -EPERM : current->tgid;
}

/* --- credentials: everybody is root ------------------------------------------- */

SYSCALL_DEFINE1(setuid, unsigned int, uid)
{
	return uid == 0 ? 0 : -EPERM;
}

SYSCALL_DEFINE1(setgid, unsigned int, gid)
{
	return gid == 0 ? 0 : -EPERM;
}

SYSCALL_DEFINE2(getgroups, int, size, unsigned int __user *, list)
{
	return size < 0 ? -EINVAL : 0;
}

/* --- resource limits ------------------------------------------------------------- */

/*
 * do_prlimit - read (@old) and/or set (@new) limit @resource of the
 * process @pid (0: the caller).  Limits are recorded and reported; only
 * RLIMIT_NOFILE and RLIMIT_STACK mean something to dissect.
 */
static long do_prlimit(pid_t pid, unsigned int resource, const struct rlimit *new,
		       struct rlimit *old)
{
	struct task_struct *p;
	unsigned long flags;
	long err = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
		return -EPERM;
	local_irq_save(flags);
	p = pid ? find_process(pid) : current;
	if (!p) {
		err = -ESRCH;
	} else {
		if (old)
			*old = p->rlim[resource];
		if (new)
			p->rlim[resource] = *new;
	}
	local_irq_restore(flags);
	return err;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit __user *, new_rlim, struct rlimit __user *, old_rlim)
{
	struct rlimit new, old;
	long err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	err = do_prlimit(pid, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit r;
	long err = do_prlimit(0, resource, NULL, &r);

	if (!err && copy_to_user(rlim, &r, sizeof(r)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit __user *, rlim)
{
	struct rlimit r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(0, resource, &r, NULL);
}

/* --- resource use: dissect keeps no CPU-time accounting ---------------------------- */

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1
#define USER_HZ		100		/* the unit of times() */

/* getrusage - who's resource use: all zeroes (no accounting here). */
SYSCALL_DEFINE2(getrusage, int, who, void __user *, ru)
{
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	return clear_user(ru, 144) ? -EFAULT : 0;	/* sizeof(struct rusage) */
}

/* times - CPU times (zeroes) and the clock: USER_HZ ticks since boot. */
SYSCALL_DEFINE1(times, void __user *, tbuf)
{
	if (tbuf && clear_user(tbuf, 4 * sizeof(long)))
		return -EFAULT;
	return ktime_get_ns() / (1000000000ULL / USER_HZ);
}

/* getresuid, getresgid: real, effective and saved ids, all root's. */
static long put_three_zeros(unsigned int __user *a, unsigned int __user *b,
			    unsigned int __user *c)
{
	return put_user(0U, a) || put_user(0U, b) || put_user(0U, c) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(getresuid, unsigned int __user *, ruid, unsigned int __user *, euid,
		unsigned int __user *, suid)
{
	return put_three_zeros(ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid, unsigned int __user *, rgid, unsigned int __user *, egid,
		unsigned int __user *, sgid)
{
	return put_three_zeros(rgid, egid, sgid);
}
