// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/maps and smaps (Linux: fs/proc/task_mmu.c).  maps is one area
 * per line:
 *
 *   start-end        perms offset   dev   inode                   name
 *   00400000-00452000 r-xp 00000000 00:02 173                      /bin/cat
 *   7ffdf3a2c000-7ffdf3a4d000 rw-p 00000000 00:00 0                [stack]
 *
 * perms are r/w/x and p (private: copy-on-write) or s (shared).  A file
 * mapping shows its offset, its file system's device, its inode and its
 * path; after the inode the line is padded to column 73 when a name
 * follows; an unnamed line ends "0 " -- with the space, exactly as Linux
 * prints it.  smaps adds, per area, what its page tables map.
 */
#include <kernel.h>
#include <errno.h>
#include <fs.h>
#include <mm.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include "internal.h"

#define MAPS_NAME_COLUMN	(25 + sizeof(void *) * 6 - 1)	/* Linux's seq_setwidth */

/* [heap], [stack], a file's path (into @buf), or NULL. */
static const char *vma_name(struct vm_area_struct *vma, char *buf, int buflen)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_ops && vma->vm_ops->name)
		return vma->vm_ops->name(vma);
	if (vma->vm_file) {
		char *p = d_path(&vma->vm_file->f_path, buf, buflen);

		return IS_ERR(p) ? "?" : p;
	}
	if (!mm)
		return NULL;
	if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)	/* vma_is_initial_heap */
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
	struct inode *inode = vma->vm_file ? file_inode(vma->vm_file) : NULL;
	unsigned long long pgoff = inode ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0;
	dev_t dev = inode ? inode->i_sb->s_dev : 0;
	char *path = inode ? kmalloc(PATH_MAX, GFP_KERNEL) : NULL;
	const char *name = vma_name(vma, path, PATH_MAX);
	int n;

	n = scnprintf(buf, size, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		      vma->vm_start, vma->vm_end,
		      flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		      flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		      pgoff, MAJOR(dev), MINOR(dev), inode ? inode->i_ino : 0);
	if (inode && !path)
		name = "?";
	if (name) {
		while (n < (int)MAPS_NAME_COLUMN && n + 1 < (int)size)
			buf[n++] = ' ';
		n += scnprintf(buf + n, size - n, " %s", name);
	}
	n += scnprintf(buf + n, size - n, "\n");
	kfree(path);
	return n;
}

/* for_each_map - print every area of @pid's mm with @show; the mm is held meanwhile. */
static int for_each_map(struct seq_file *m, pid_t pid,
			void (*show)(struct seq_file *m, struct vm_area_struct *vma, char *line))
{
	struct mm_struct *mm = get_pid_task_mm(pid);
	struct vm_area_struct *vma;
	char *line;

	if (!mm)
		return 0;			/* a kernel thread: no areas */
	line = kmalloc(PATH_MAX + 128, GFP_KERNEL);
	if (!line) {
		mmput(mm);
		return -ENOMEM;
	}
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma && !m->overflow; vma = vma->vm_next)
		show(m, vma, line);
	mmap_read_unlock(mm);
	mmput(mm);
	kfree(line);
	return 0;
}

static void show_map(struct seq_file *m, struct vm_area_struct *vma, char *line)
{
	show_map_vma(line, PATH_MAX + 128, vma);
	seq_puts(m, line);
}

int proc_pid_maps(struct seq_file *m, pid_t pid)
{
	return for_each_map(m, pid, show_map);
}

/* What one area's page tables map, in bytes (Linux: struct mem_size_stats). */
struct mem_size_stats {
	unsigned long resident, pss, shared_clean, shared_dirty, private_clean,
		      private_dirty, referenced, anonymous;
};

/* smaps_account - one present pte of @vma mapping @page. */
static void smaps_account(struct mem_size_stats *mss, struct page *page, pte_t pte)
{
	int mapcount = page_mapcount(page);
	bool dirty = pte_dirty(pte) || PageDirty(page);

	mss->resident += PAGE_SIZE;
	mss->pss += PAGE_SIZE / max(mapcount, 1);
	if (pte_young(pte))
		mss->referenced += PAGE_SIZE;
	if (PageAnon(page))
		mss->anonymous += PAGE_SIZE;
	if (mapcount >= 2)
		*(dirty ? &mss->shared_dirty : &mss->shared_clean) += PAGE_SIZE;
	else
		*(dirty ? &mss->private_dirty : &mss->private_clean) += PAGE_SIZE;
}

/* The two-letter names of vm_flags in smaps' VmFlags line (Linux: show_smap_vma_flags). */
static void show_smap_vma_flags(struct seq_file *m, struct vm_area_struct *vma)
{
	static const struct { unsigned long flag; const char *name; } names[] = {
		{ VM_READ, "rd" }, { VM_WRITE, "wr" }, { VM_EXEC, "ex" },
		{ VM_SHARED, "sh" }, { VM_MAYREAD, "mr" }, { VM_MAYWRITE, "mw" },
		{ VM_MAYEXEC, "me" }, { VM_MAYSHARE, "ms" }, { VM_GROWSDOWN, "gd" },
		{ VM_PFNMAP, "pf" }, { VM_LOCKED, "lo" }, { VM_IO, "io" },
		{ VM_DONTCOPY, "dc" }, { VM_DONTEXPAND, "de" }, { VM_ACCOUNT, "ac" },
		{ VM_NORESERVE, "nr" },
	};

	seq_puts(m, "VmFlags:");
	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		if (vma->vm_flags & names[i].flag)
			seq_printf(m, " %s", names[i].name);
	seq_putc(m, '\n');
}

static void smaps_line(struct seq_file *m, const char *name, unsigned long bytes)
{
	seq_printf(m, "%-16s%8lu kB\n", name, bytes >> 10);
}

/*
 * The smaps walk (Linux: walk_page_range() with smaps_pte_range() as its
 * pmd_entry): one function per level, each skipping the entries with no
 * table below, so an area costs what is mapped in it, not its size.  The
 * target's mmap_lock is held for reading; the ptes are read under the
 * pte lock, as a truncation may zap them meanwhile.
 */
static void smaps_pte_range(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr,
			    unsigned long end, struct mem_size_stats *mss)
{
	pte_t *start_pte = pte_offset_map_lock(vma->vm_mm, pmd, addr), *pte = start_pte;

	do {
		struct page *page;

		if (!pte_present(*pte))
			continue;
		page = vm_normal_page(vma, addr, *pte);
		if (page)
			smaps_account(mss, page, *pte);
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap_unlock(start_pte);
}

static void smaps_pmd_range(struct vm_area_struct *vma, pud_t *pud, unsigned long addr,
			    unsigned long end, struct mem_size_stats *mss)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none_or_clear_bad(pmd))
			continue;
		smaps_pte_range(vma, pmd, addr, next, mss);
	} while (pmd++, addr = next, addr != end);
}

static void smaps_pud_range(struct vm_area_struct *vma, pgd_t *pgd, unsigned long addr,
			    unsigned long end, struct mem_size_stats *mss)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none_or_clear_bad(pud))
			continue;
		smaps_pmd_range(vma, pud, addr, next, mss);
	} while (pud++, addr = next, addr != end);
}

/* smaps_page_range - account every page @vma's page tables map into @mss. */
static void smaps_page_range(struct vm_area_struct *vma, struct mem_size_stats *mss)
{
	unsigned long addr = vma->vm_start, end = vma->vm_end, next;
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none_or_clear_bad(pgd))
			continue;
		smaps_pud_range(vma, pgd, addr, next, mss);
	} while (pgd++, addr = next, addr != end);
}

static void show_smap(struct seq_file *m, struct vm_area_struct *vma, char *line)
{
	struct mem_size_stats mss = { 0 };

	smaps_page_range(vma, &mss);
	show_map(m, vma, line);
	smaps_line(m, "Size:", vma->vm_end - vma->vm_start);
	smaps_line(m, "KernelPageSize:", PAGE_SIZE);
	smaps_line(m, "MMUPageSize:", PAGE_SIZE);
	smaps_line(m, "Rss:", mss.resident);
	smaps_line(m, "Pss:", mss.pss);
	smaps_line(m, "Shared_Clean:", mss.shared_clean);
	smaps_line(m, "Shared_Dirty:", mss.shared_dirty);
	smaps_line(m, "Private_Clean:", mss.private_clean);
	smaps_line(m, "Private_Dirty:", mss.private_dirty);
	smaps_line(m, "Referenced:", mss.referenced);
	smaps_line(m, "Anonymous:", mss.anonymous);
	smaps_line(m, "Swap:", 0);
	smaps_line(m, "Locked:", vma->vm_flags & VM_LOCKED ? mss.pss : 0);
	show_smap_vma_flags(m, vma);
}

int proc_pid_smaps(struct seq_file *m, pid_t pid)
{
	return for_each_map(m, pid, show_smap);
}
