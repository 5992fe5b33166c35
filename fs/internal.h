/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What fs/exec.c offers the binary format loaders (fs/binfmt_elf.c).
 * Linux declares these in include/linux/binfmts.h and keeps the fields of
 * struct bprm_stack inside struct linux_binprm (p, exec, argc, envc).
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <types.h>
#include <asm/page.h>

struct linux_binprm;
struct vm_area_struct;

/* The top of a new program's stack (Linux: STACK_TOP, unrandomized). */
#define STACK_TOP	TASK_SIZE

/**
 * struct bprm_stack - the new program's stack while exec builds it
 * @vma: the stack area, [vm_start, STACK_TOP)
 * @p: the lowest byte written so far; the loader writes below it
 * @exec: where the filename string went (AT_EXECFN)
 * @argc: number of argv strings
 * @envc: number of envp strings
 */
struct bprm_stack {
	struct vm_area_struct *vma;
	unsigned long p;
	unsigned long exec;
	int argc, envc;
};

int bprm_mm_init(struct linux_binprm *bprm, struct bprm_stack *stack);
int setup_arg_pages(struct linux_binprm *bprm, struct bprm_stack *stack,
		    bool executable_stack);

#endif /* _FS_INTERNAL_H */
