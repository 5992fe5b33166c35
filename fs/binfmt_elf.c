// SPDX-License-Identifier: GPL-2.0
/*
 * Loading a static ELF64 x86-64 executable (Linux: fs/binfmt_elf.c).
 *
 * load_elf_binary() takes the open executable and an empty mm, and does
 * what Linux's does for a program without an interpreter:
 *
 *   elf_check(), load_elf_phdrs(), elf_check_phdrs()
 *        read the headers, trusting nothing in them (-ENOEXEC)
 *   bprm_mm_init(), setup_arg_pages()                   (fs/exec.c)
 *        the stack area at the top of user space, the strings in it
 *   elf_load_segments(), one elf_map() per PT_LOAD
 *        a private file mapping of the segment's file pages, with its
 *        permissions (vm_file, vm_pgoff: the pages come from the page
 *        cache), and anonymous memory for the bss beyond
 *   set_brk()
 *        the heap starts at the page after the highest segment
 *   create_elf_tables()
 *        argc, argv, envp and the auxiliary vector below the strings
 *
 * ET_EXEC is mapped where its headers say.  A static PIE (ET_DYN without
 * PT_INTERP) goes at ELF_ET_DYN_BASE, its p_vaddr being offsets from
 * there.  A dynamically linked program (PT_INTERP) is refused: there is
 * no dynamic linker to start.
 */
#include <kernel.h>
#include <fs.h>
#include <binfmts.h>
#include <elf.h>
#include <errno.h>
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <random.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include "internal.h"

#define ELF_MIN_ALIGN		PAGE_SIZE
#define ELF_PAGESTART(v)	((v) & ~(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v)	((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v)	(((v) + ELF_MIN_ALIGN - 1) & ~(ELF_MIN_ALIGN - 1))

/* Where a static PIE goes: 2/3 of user space, 0x555555554000 once page-aligned. */
#define ELF_ET_DYN_BASE		(TASK_SIZE / 3 * 2)

#define ELF_MAX_PHNUM		64	/* a dissect limit; Linux allows 64 KiB of them */
#define ELF_CLKTCK		100	/* AT_CLKTCK: USER_HZ, the unit of times() */
#define ELF_AUXV_MAX		24	/* auxv entries we write, AT_NULL included */

/**
 * struct elf_image - what load_elf_binary() learns about the program
 * @ehdr: a copy of the file header
 * @phdrs: a copy of the program headers (kmalloc'd)
 * @load_bias: added to every p_vaddr: 0 for ET_EXEC
 * @executable_stack: PT_GNU_STACK asks for PF_X
 * @start_code: the lowest p_vaddr of an executable PT_LOAD (Linux's rule)
 * @end_code: the highest end of the file part of an executable PT_LOAD
 * @start_data: the highest p_vaddr of any PT_LOAD
 * @end_data: the highest end of the file part of any PT_LOAD
 * @elf_brk: the highest end of any PT_LOAD in memory
 * @phdr_addr: where the program headers are in memory (AT_PHDR)
 * @entry: the first instruction
 *
 * Addresses from @start_code on have @load_bias added once the segments
 * are mapped.
 */
struct elf_image {
	Elf64_Ehdr ehdr;
	Elf64_Phdr *phdrs;
	unsigned long load_bias;
	bool executable_stack;
	unsigned long start_code, end_code, start_data, end_data, elf_brk;
	unsigned long phdr_addr, entry;
};

#define for_each_elf_phdr(img, phdr) \
	for ((phdr) = (img)->phdrs; (phdr) < (img)->phdrs + (img)->ehdr.e_phnum; (phdr)++)

/* --- the headers -------------------------------------------------------- */

/*
 * elf_check - is bprm->file an ELF64 x86-64 executable with its program
 * headers inside the file?  Copies the file header into @ehdr.
 * Return: 0, or -ENOEXEC.
 */
static int elf_check(const struct linux_binprm *bprm, Elf64_Ehdr *ehdr)
{
	loff_t pos = 0;

	if (bprm->size < sizeof(*ehdr) ||
	    kernel_read(bprm->file, ehdr, sizeof(*ehdr), &pos) != sizeof(*ehdr))
		return -ENOEXEC;
	if (memcmp(ehdr->e_ident, ELFMAG, SELFMAG) != 0)
		return -ENOEXEC;
	if (ehdr->e_ident[EI_CLASS] != ELFCLASS64 || ehdr->e_ident[EI_DATA] != ELFDATA2LSB ||
	    ehdr->e_ident[EI_VERSION] != EV_CURRENT)
		return -ENOEXEC;
	if (ehdr->e_type != ET_EXEC && ehdr->e_type != ET_DYN)
		return -ENOEXEC;
	if (!elf_check_arch(ehdr))
		return -ENOEXEC;
	if (ehdr->e_phentsize != sizeof(Elf64_Phdr))
		return -ENOEXEC;
	if (ehdr->e_phnum < 1 || ehdr->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	if (ehdr->e_phoff > bprm->size ||
	    ehdr->e_phnum * sizeof(Elf64_Phdr) > bprm->size - ehdr->e_phoff)
		return -ENOEXEC;
	return 0;
}

/* load_elf_phdrs - a kmalloc'd copy of the (checked) program headers, NULL, or ERR_PTR. */
static Elf64_Phdr *load_elf_phdrs(const Elf64_Ehdr *ehdr, const struct linux_binprm *bprm)
{
	size_t size = ehdr->e_phnum * sizeof(Elf64_Phdr);
	Elf64_Phdr *phdrs = kmalloc(size, GFP_KERNEL);
	loff_t pos = ehdr->e_phoff;

	if (phdrs && kernel_read(bprm->file, phdrs, size, &pos) != (ssize_t)size) {
		kfree(phdrs);
		return ERR_PTR(-ENOEXEC);
	}
	return phdrs;
}

/*
 * elf_segment_ok - may this PT_LOAD be loaded from a file of @size bytes:
 * no more file bytes than memory bytes, its file part inside the file,
 * its memory inside user space, and p_offset and p_vaddr at the same
 * offset in their pages (so that a page of the file maps a page)?
 */
static bool elf_segment_ok(const Elf64_Phdr *phdr, size_t size)
{
	if (phdr->p_filesz > phdr->p_memsz)
		return false;
	if (phdr->p_offset > size || phdr->p_filesz > size - phdr->p_offset)
		return false;
	if (phdr->p_memsz > TASK_SIZE || phdr->p_vaddr > TASK_SIZE - phdr->p_memsz)
		return false;
	return ELF_PAGEOFFSET(phdr->p_offset) == ELF_PAGEOFFSET(phdr->p_vaddr);
}

/*
 * elf_segments_overlap - do two PT_LOADs claim the same bytes?  (They may
 * share a page: then, as in Linux, the later one's mapping takes it.)
 */
static bool elf_segments_overlap(const struct elf_image *img)
{
	const Elf64_Phdr *a, *b, *end = img->phdrs + img->ehdr.e_phnum;

	for_each_elf_phdr(img, a) {
		if (a->p_type != PT_LOAD || !a->p_memsz)
			continue;
		for (b = a + 1; b < end; b++)
			if (b->p_type == PT_LOAD && b->p_memsz &&
			    a->p_vaddr < b->p_vaddr + b->p_memsz &&
			    b->p_vaddr < a->p_vaddr + a->p_memsz)
				return true;
	}
	return false;
}

/* elf_entry_ok - is e_entry inside an executable PT_LOAD? */
static bool elf_entry_ok(const struct elf_image *img)
{
	const Elf64_Phdr *phdr;
	Elf64_Addr entry = img->ehdr.e_entry;

	for_each_elf_phdr(img, phdr)
		if (phdr->p_type == PT_LOAD && (phdr->p_flags & PF_X) &&
		    entry >= phdr->p_vaddr && entry - phdr->p_vaddr < phdr->p_memsz)
			return true;
	return false;
}

/* maximum_alignment - the largest power-of-two p_align of a PT_LOAD, page-rounded (0: none). */
static unsigned long maximum_alignment(const struct elf_image *img)
{
	const Elf64_Phdr *phdr;
	unsigned long alignment = 0;

	for_each_elf_phdr(img, phdr) {
		if (phdr->p_type != PT_LOAD || (phdr->p_align & (phdr->p_align - 1)))
			continue;
		alignment = max(alignment, (unsigned long)phdr->p_align);
	}
	return ELF_PAGEALIGN(alignment);
}

/*
 * elf_load_bias - what to add to each p_vaddr: 0 for ET_EXEC; for a
 * static PIE, what puts its lowest page at ELF_ET_DYN_BASE rounded down to
 * the largest p_align (Linux's choice with randomization off)
 */
static unsigned long elf_load_bias(const struct elf_image *img)
{
	unsigned long base = ELF_ET_DYN_BASE, alignment, vaddr = ~0UL;
	const Elf64_Phdr *phdr;

	if (img->ehdr.e_type != ET_DYN)
		return 0;
	alignment = maximum_alignment(img);
	if (alignment)
		base &= ~(alignment - 1);
	for_each_elf_phdr(img, phdr)
		if (phdr->p_type == PT_LOAD && phdr->p_vaddr < vaddr)
			vaddr = phdr->p_vaddr;
	return ELF_PAGESTART(base - vaddr);
}

/* elf_segment_placed - once moved by @load_bias, is the segment in user space, above mmap_min_addr? */
static bool elf_segment_placed(const Elf64_Phdr *phdr, unsigned long load_bias)
{
	unsigned long addr = phdr->p_vaddr + load_bias;

	return ELF_PAGESTART(addr) >= mmap_min_addr && addr <= TASK_SIZE - phdr->p_memsz;
}

/*
 * elf_check_phdrs - check the program headers against the file and each
 * other, note PT_GNU_STACK and choose the load bias
 * Return: 0, or -ENOEXEC: an interpreter, no PT_LOAD, a PT_LOAD outside
 * the file or user space, misaligned or overlapping another, or an entry
 * point outside the executable segments.
 */
static int elf_check_phdrs(struct elf_image *img, size_t size)
{
	const Elf64_Phdr *phdr;
	int nr_load = 0;

	for_each_elf_phdr(img, phdr) {
		if (phdr->p_type == PT_INTERP)
			return -ENOEXEC;
		if (phdr->p_type == PT_GNU_STACK)
			img->executable_stack = phdr->p_flags & PF_X;
		if (phdr->p_type != PT_LOAD)
			continue;
		if (!elf_segment_ok(phdr, size))
			return -ENOEXEC;
		nr_load++;
	}
	if (!nr_load || elf_segments_overlap(img) || !elf_entry_ok(img))
		return -ENOEXEC;

	img->load_bias = elf_load_bias(img);
	for_each_elf_phdr(img, phdr)
		if (phdr->p_type == PT_LOAD && !elf_segment_placed(phdr, img->load_bias))
			return -ENOEXEC;
	return 0;
}

/*
 * elf_phdr_addr - where the program headers are once mapped, before the
 * load bias (AT_PHDR): in the file part of the PT_LOAD holding them
 * (Linux's rule); failing that PT_PHDR's p_vaddr; failing that counted
 * from the first PT_LOAD, as older Linux did.
 */
static unsigned long elf_phdr_addr(const struct elf_image *img)
{
	const Elf64_Phdr *phdr, *first = NULL;
	Elf64_Off phoff = img->ehdr.e_phoff;

	for_each_elf_phdr(img, phdr)
		if (phdr->p_type == PT_LOAD && phdr->p_offset <= phoff &&
		    phoff - phdr->p_offset < phdr->p_filesz)
			return phoff - phdr->p_offset + phdr->p_vaddr;
	for_each_elf_phdr(img, phdr) {
		if (phdr->p_type == PT_PHDR)
			return phdr->p_vaddr;
		if (phdr->p_type == PT_LOAD && !first)
			first = phdr;
	}
	return first->p_vaddr - first->p_offset + phoff;
}

/* --- the segments -------------------------------------------------------- */

/* copy_to_mm - write @len bytes from @buf at @addr in @mm: 0, or -EFAULT. */
static int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *buf, size_t len)
{
	while (len) {
		int n = min_t(size_t, len, SZ_1G);

		if (access_remote_vm(mm, addr, (void *)buf, n, true) != n)
			return -EFAULT;
		addr += n;
		buf = (const char *)buf + n;
		len -= n;
	}
	return 0;
}

/*
 * padzero - zero from @elf_bss to the end of its page: the part of the
 * segment's last file page that belongs to its bss
 */
static int padzero(struct mm_struct *mm, unsigned long elf_bss)
{
	unsigned long nbyte = ELF_PAGEOFFSET(elf_bss);

	if (!nbyte)
		return 0;
	return copy_to_mm(mm, elf_bss, page_address(ZERO_PAGE(0)), ELF_MIN_ALIGN - nbyte);
}

/* make_prot - PF_R/W/X to PROT_READ/WRITE/EXEC. */
static unsigned long make_prot(u32 p_flags)
{
	return ((p_flags & PF_R) ? PROT_READ : 0) |
	       ((p_flags & PF_W) ? PROT_WRITE : 0) |
	       ((p_flags & PF_X) ? PROT_EXEC : 0);
}

/*
 * elf_map - map one PT_LOAD segment, as Linux does:
 *
 *   file part   a private mapping of the file over the pages holding
 *               [p_vaddr, p_vaddr + p_filesz): text pages are the page
 *               cache's own (shared by everyone running the program),
 *               data pages are copied on their first write
 *   bss         the rest of the last file page is zeroed (padzero: that
 *               write copies the page), and the pages after it are
 *               anonymous memory
 *
 * Return: 0, or do_mmap()'s error, or -EFAULT.
 */
static int elf_map(struct mm_struct *mm, const struct linux_binprm *bprm,
		   const Elf64_Phdr *phdr, unsigned long load_bias)
{
	unsigned long addr = phdr->p_vaddr + load_bias, prot = make_prot(phdr->p_flags);
	unsigned long start = ELF_PAGESTART(addr), off = ELF_PAGEOFFSET(addr);
	unsigned long file_end = ELF_PAGEALIGN(addr + phdr->p_filesz);
	unsigned long mem_end = ELF_PAGEALIGN(addr + phdr->p_memsz);
	unsigned long map;
	int retval;

	if (!phdr->p_memsz)
		return 0;
	if (phdr->p_filesz) {
		map = do_mmap(mm, bprm->file, start, file_end - start, prot,
			      MAP_PRIVATE | MAP_FIXED, (phdr->p_offset - off) >> PAGE_SHIFT);
		if (IS_ERR_VALUE(map))
			return (int)map;
		if (phdr->p_memsz > phdr->p_filesz) {
			retval = padzero(mm, addr + phdr->p_filesz);
			if (retval)
				return retval;
		}
	} else {
		file_end = start;
	}
	if (mem_end > file_end) {
		map = do_mmap(mm, NULL, file_end, mem_end - file_end, prot,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
		if (IS_ERR_VALUE(map))
			return (int)map;
	}
	return 0;
}

/* elf_note_segment - Linux's bookkeeping of code, data and brk over the PT_LOADs. */
static void elf_note_segment(struct elf_image *img, const Elf64_Phdr *phdr)
{
	unsigned long k = phdr->p_vaddr;

	if ((phdr->p_flags & PF_X) && k < img->start_code)
		img->start_code = k;
	if (img->start_data < k)
		img->start_data = k;
	k = phdr->p_vaddr + phdr->p_filesz;
	if ((phdr->p_flags & PF_X) && img->end_code < k)
		img->end_code = k;
	if (img->end_data < k)
		img->end_data = k;
	k = phdr->p_vaddr + phdr->p_memsz;
	if (k > img->elf_brk)
		img->elf_brk = k;
}

/*
 * elf_load_segments - map every PT_LOAD in header order and work out
 * where code, data, the heap, the headers and the entry point are
 * Return: 0, -ENOEXEC if a segment reaches the stack area starting at
 * @stack_start, or elf_map()'s error.
 */
static int elf_load_segments(struct elf_image *img, struct linux_binprm *bprm,
			     unsigned long stack_start)
{
	unsigned long bias = img->load_bias;
	const Elf64_Phdr *phdr;

	img->start_code = ~0UL;
	for_each_elf_phdr(img, phdr) {
		int retval;

		if (phdr->p_type != PT_LOAD)
			continue;
		if (phdr->p_vaddr + bias + phdr->p_memsz > stack_start)
			return -ENOEXEC;
		retval = elf_map(bprm->mm, bprm, phdr, bias);
		if (retval)
			return retval;
		elf_note_segment(img, phdr);
	}
	img->start_code += bias;
	img->end_code += bias;
	img->start_data += bias;
	img->end_data += bias;
	img->elf_brk += bias;
	img->phdr_addr = elf_phdr_addr(img) + bias;
	img->entry = img->ehdr.e_entry + bias;
	return 0;
}

/* set_brk - the heap starts at the page after the highest segment. */
static void set_brk(struct mm_struct *mm, unsigned long end)
{
	mm->start_brk = mm->brk = ELF_PAGEALIGN(end);
}

/* --- the tables on the stack --------------------------------------------- */

/* ELF_HWCAP: CPUID leaf 1's EDX feature bits, what Linux reports on x86. */
static unsigned long elf_hwcap(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid_count(1, 0, &eax, &ebx, &ecx, &edx);
	return edx;
}

/* fill_auxv - the auxiliary vector in Linux's order; returns its entries, AT_NULL included. */
static int fill_auxv(Elf64_auxv_t *auxv, const struct elf_image *img, unsigned long u_execfn,
		     unsigned long u_platform, unsigned long u_rand_bytes)
{
	int n = 0;

#define NEW_AUX_ENT(id, val) \
	do { auxv[n].a_type = (id); auxv[n].a_val = (val); n++; } while (0)
	NEW_AUX_ENT(AT_HWCAP, elf_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, ELF_MIN_ALIGN);
	NEW_AUX_ENT(AT_CLKTCK, ELF_CLKTCK);
	NEW_AUX_ENT(AT_PHDR, img->phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, img->ehdr.e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);		/* no interpreter */
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, img->entry);
	NEW_AUX_ENT(AT_UID, 0);			/* no credentials yet: all is root */
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand_bytes);
	NEW_AUX_ENT(AT_HWCAP2, 0);
	NEW_AUX_ENT(AT_EXECFN, u_execfn);
	NEW_AUX_ENT(AT_PLATFORM, u_platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	return n;
}

/* put_ulong - write @val at *@sp in @mm and step *@sp past it: 0, or -EFAULT. */
static int put_ulong(struct mm_struct *mm, unsigned long *sp, unsigned long val)
{
	if (copy_to_mm(mm, *sp, &val, sizeof(val)))
		return -EFAULT;
	*sp += sizeof(val);
	return 0;
}

/*
 * put_string_pointers - write at *@sp the addresses of @n strings lying
 * back to back from @p (copies of @strings), then NULL
 * Return: the address after the last string, or 0 on a fault.
 */
static unsigned long put_string_pointers(struct mm_struct *mm, unsigned long *sp,
					 unsigned long p, int n, const char *const *strings)
{
	for (int i = 0; i < n; i++) {
		if (put_ulong(mm, sp, p))
			return 0;
		p += strlen(strings[i]) + 1;
	}
	return put_ulong(mm, sp, 0) ? 0 : p;
}

/*
 * put_elf_tables - argc, argv, envp and the auxiliary vector, upwards from
 * stack->p; sets mm's arg_end, env_start and env_end on the way
 */
static int put_elf_tables(struct linux_binprm *bprm, const struct bprm_stack *stack,
			  const Elf64_auxv_t *auxv, int ei_index)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long sp = stack->p, p;

	if (put_ulong(mm, &sp, stack->argc))
		return -EFAULT;
	p = put_string_pointers(mm, &sp, mm->arg_start, stack->argc, bprm->argv);
	if (!p)
		return -EFAULT;
	mm->arg_end = mm->env_start = p;
	p = put_string_pointers(mm, &sp, p, stack->envc, bprm->envp);
	if (!p)
		return -EFAULT;
	mm->env_end = p;
	return copy_to_mm(mm, sp, auxv, ei_index * sizeof(*auxv));
}

/*
 * create_elf_tables - finish the stack below the strings and leave
 * stack->p at argc, where the program starts (addresses grow upwards):
 *
 *   STACK_TOP   +------------------------------+ 0x7ffffffff000
 *               | 8 zero bytes: the end marker |
 *               | "filename\0"                 | <- AT_EXECFN
 *               | envp strings, back to back   | env_start .. env_end
 *               | argv strings, back to back   | arg_start .. arg_end
 *               | (down to a multiple of 16)   |
 *               | "x86_64\0"                   | <- AT_PLATFORM
 *               | 16 random bytes              | <- AT_RANDOM
 *               | (down so that sp % 16 == 0)  |
 *               | auxv: (type, value) pairs,   |
 *               |       ending (AT_NULL, 0)    |
 *               | NULL                         |
 *               | envp[envc - 1] ... envp[0]   |
 *               | NULL                         |
 *               | argv[argc - 1] ... argv[0]   |
 *   sp      ->  | argc                         | = mm->start_stack = bprm->sp
 *               +------------------------------+
 *
 * The stack area grows to hold it all (a long argv can outgrow the
 * 128 KiB setup_arg_pages() left, as Linux's put_user()s would fault the
 * stack down).
 *
 * Return: 0, or -EFAULT.
 */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf_image *img,
			     struct bprm_stack *stack)
{
	Elf64_auxv_t auxv[ELF_AUXV_MAX];
	unsigned long p = stack->p & ~15UL;	/* arch_align_stack(), unrandomized */
	unsigned long u_platform, u_rand_bytes, sp;
	u8 k_rand_bytes[16];
	int ei_index, items;

	u_platform = p -= sizeof(ELF_PLATFORM);
	get_random_bytes(k_rand_bytes, sizeof(k_rand_bytes));
	u_rand_bytes = p -= sizeof(k_rand_bytes);
	if (copy_to_mm(bprm->mm, u_platform, ELF_PLATFORM, sizeof(ELF_PLATFORM)) ||
	    copy_to_mm(bprm->mm, u_rand_bytes, k_rand_bytes, sizeof(k_rand_bytes)))
		return -EFAULT;

	ei_index = fill_auxv(auxv, img, stack->exec, u_platform, u_rand_bytes);
	items = (stack->argc + 1) + (stack->envc + 1) + 1;
	sp = (p - ei_index * sizeof(auxv[0]) - items * sizeof(unsigned long)) & ~15UL;
	if (expand_stack(stack->vma, sp))
		return -EFAULT;
	stack->p = sp;
	return put_elf_tables(bprm, stack, auxv, ei_index);
}

/* --- the loader ------------------------------------------------------------ */

/*
 * load_elf_binary - see include/binfmts.h.  On failure bprm->mm keeps
 * whatever was mapped so far; the caller's mmput() takes it down.
 */
int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image img = { };
	struct bprm_stack stack = { };
	struct mm_struct *mm = bprm->mm;
	int retval;

	retval = elf_check(bprm, &img.ehdr);
	if (retval)
		return retval;
	img.phdrs = load_elf_phdrs(&img.ehdr, bprm);
	if (IS_ERR_OR_NULL(img.phdrs))
		return img.phdrs ? PTR_ERR(img.phdrs) : -ENOMEM;
	retval = elf_check_phdrs(&img, bprm->size);
	if (retval)
		goto out;

	retval = bprm_mm_init(bprm, &stack);
	if (retval)
		goto out;
	retval = setup_arg_pages(bprm, &stack, img.executable_stack);
	if (retval)
		goto out;
	retval = elf_load_segments(&img, bprm, stack.vma->vm_start);
	if (retval)
		goto out;
	set_brk(mm, img.elf_brk);
	retval = create_elf_tables(bprm, &img, &stack);
	if (retval)
		goto out;

	mm->start_code = img.start_code;
	mm->end_code = img.end_code;
	mm->start_data = img.start_data;
	mm->end_data = img.end_data;
	mm->start_stack = stack.p;
	bprm->entry = img.entry;
	bprm->sp = stack.p;
out:
	kfree(img.phdrs);
	return retval;
}
