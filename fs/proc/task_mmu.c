// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/maps, one area per line (Linux: fs/proc/task_mmu.c):
 *
 *   start-end        perms offset   dev   inode                   name
 *   00400000-00452000 r-xp 00000000 08:02 173521                   /bin/cat
 *   7ffdf3a2c000-7ffdf3a4d000 rw-p 00000000 00:00 0                [stack]
 *
 * perms are r/w/x and p (private: copy-on-write) or s (shared).  After
 * the inode the line is padded to column 73 when a name follows; an
 * unnamed line ends "0 " -- with the space, exactly as Linux prints it.
 */
#include <kernel.h>
#include <fs.h>
#include <mm.h>
#include <string.h>

#define MAPS_NAME_COLUMN	(25 + sizeof(void *) * 6 - 1)	/* Linux's seq_setwidth */

/* [heap], [stack], a file's path, or NULL. */
static const char *vma_name(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_ops && vma->vm_ops->name)
		return vma->vm_ops->name(vma);
	if (vma->vm_file)
		return vma->vm_file->f_path;
	if (!mm)
		return NULL;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk && mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/**
 * show_map_vma - format @vma as a line of /proc/PID/maps into @buf
 * Return: the length of the line (always NUL-terminated, maybe cut).
 */
int show_map_vma(char *buf, size_t size, struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;
	unsigned long long pgoff = vma->vm_file ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0;
	unsigned int dev_major = 0, dev_minor = vma->vm_file ? 1 : 0;	/* shmem: 00:01 */
	unsigned long ino = vma->vm_file ? vma->vm_file->f_inode->i_ino : 0;
	const char *name = vma_name(vma);
	int n;

	n = scnprintf(buf, size, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		      vma->vm_start, vma->vm_end,
		      flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		      flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		      pgoff, dev_major, dev_minor, ino);
	if (name) {
		while (n < (int)MAPS_NAME_COLUMN && n + 1 < (int)size)
			buf[n++] = ' ';
		n += scnprintf(buf + n, size - n, " %s", name);
	}
	n += scnprintf(buf + n, size - n, "\n");
	return n;
}
