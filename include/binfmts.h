/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading a program into an address space (Linux: include/linux/binfmts.h,
 * fs/exec.c, fs/binfmt_elf.c).
 *
 * The caller fills in the program image and the strings, and gives an
 * empty mm; load_elf_binary() maps the program, builds the initial stack
 * and reports where to start.  Nothing here touches the running task:
 * the caller installs the mm (exec) and starts the thread.
 */
#ifndef _BINFMTS_H
#define _BINFMTS_H

#include <types.h>

struct mm_struct;

#define MAX_ARG_STRINGS		0x7fffffff
#define MAX_ARG_STRLEN		(32 * 4096)	/* one argument or variable */
#define ARG_MAX_BYTES		(2048 * 1024)	/* all of argv + envp: Linux's 8 MiB stack / 4 */

struct file;

/**
 * struct linux_binprm - one program being loaded
 * @file: the executable, open for reading
 * @size: its length in bytes
 * @filename: its path, for AT_EXECFN and messages
 * @argv, @envp: NULL-terminated arrays of kernel strings
 * @mm: the empty address space to load into (from mm_alloc())
 * @entry: set by the loader: the first instruction to run
 * @sp: set by the loader: the initial user stack pointer (at argc)
 */
struct linux_binprm {
	struct file *file;
	size_t size;
	const char *filename;
	const char *const *argv;
	const char *const *envp;
	struct mm_struct *mm;
	unsigned long entry;
	unsigned long sp;
};

/*
 * load_elf_binary - map a static ELF64 x86-64 executable into bprm->mm
 * Return: 0, -ENOEXEC for anything malformed or unsupported, -E2BIG if the
 * arguments do not fit, -ENOMEM, -EFAULT.  On failure the mm may hold
 * partial mappings: the caller mmput()s it.
 */
int load_elf_binary(struct linux_binprm *bprm);

/* fs/exec.c: run a program in the current task (see exec_binprm()). */
int exec_binprm(struct linux_binprm *bprm);
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);
struct file *open_exec(int dfd, const char *name, int flags);

#endif /* _BINFMTS_H */
