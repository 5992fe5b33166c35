// SPDX-License-Identifier: GPL-2.0
/*
 * load_elf_binary(): small ELF images built here, loaded into fresh
 * address spaces and read back through access_remote_vm().
 *
 * The image (build_image()), for ET_EXEC at base 0x400000; a static PIE
 * has the same layout from base 0 and is loaded at 0x555555554000:
 *
 *   file offset       vaddr (+ base)      phdr
 *   0x0000 Ehdr       0x400000            [1] PT_LOAD R    headers
 *   0x0040 Phdrs                          [0] PT_PHDR
 *   0x1000 text       0x401000-0x402800   [2] PT_LOAD R+X  entry 0x401010
 *   0x3100 data       0x404100-0x404300   [3] PT_LOAD R+W  file part
 *                     0x404300-0x407100        bss, from the same page on
 *                                         [4] PT_GNU_STACK RW
 *
 * Every other byte of the file is junk (0xee), so a loader that copied
 * more than it should shows it, in the bss above all.
 */
#include <binfmts.h>
#include <elf.h>
#include <fs.h>
#include <errno.h>
#include <ktest.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

#define IMG_SIZE	0x4000
#define PHNUM		5
#define PHOFF		sizeof(Elf64_Ehdr)
#define HDRS_SIZE	(PHOFF + PHNUM * sizeof(Elf64_Phdr))
#define TEXT_OFF	0x1000UL
#define TEXT_SIZE	0x1800UL
#define ENTRY_OFF	0x1010UL		/* from the base */
#define DATA_OFF	0x3100UL
#define DATA_VOFF	0x4100UL		/* from the base */
#define DATA_FILESZ	0x200UL
#define DATA_MEMSZ	0x3000UL
#define JUNK		0xee

#define EXEC_BASE	0x400000UL
#define DYN_BASE	0x555555554000UL	/* ELF_ET_DYN_BASE, page-aligned */
#define STACK_TOP	TASK_SIZE

static u8 image[IMG_SIZE] __aligned(16);

static u8 text_byte(unsigned long i)
{
	return 0x90 + i * 13;
}

static u8 data_byte(unsigned long i)
{
	return 0x40 + i * 7;
}

static Elf64_Phdr *phdr(int i)
{
	return (Elf64_Phdr *)(image + PHOFF) + i;
}

static Elf64_Phdr make_phdr(u32 type, u32 flags, u64 offset, u64 vaddr, u64 filesz,
			    u64 memsz, u64 align)
{
	return (Elf64_Phdr){ .p_type = type, .p_flags = flags, .p_offset = offset,
			     .p_vaddr = vaddr, .p_paddr = vaddr, .p_filesz = filesz,
			     .p_memsz = memsz, .p_align = align };
}

/* build_image - the good image of the drawing above, of @type at @base. */
static void build_image(u16 type, unsigned long base)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)image;

	memset(image, JUNK, sizeof(image));
	*eh = (Elf64_Ehdr){
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
		.e_type = type,
		.e_machine = EM_X86_64,
		.e_version = EV_CURRENT,
		.e_entry = base + ENTRY_OFF,
		.e_phoff = PHOFF,
		.e_ehsize = sizeof(Elf64_Ehdr),
		.e_phentsize = sizeof(Elf64_Phdr),
		.e_phnum = PHNUM,
	};
	*phdr(0) = make_phdr(PT_PHDR, PF_R, PHOFF, base + PHOFF, PHNUM * sizeof(Elf64_Phdr),
			     PHNUM * sizeof(Elf64_Phdr), 8);
	*phdr(1) = make_phdr(PT_LOAD, PF_R, 0, base, HDRS_SIZE, HDRS_SIZE, 0x1000);
	*phdr(2) = make_phdr(PT_LOAD, PF_R | PF_X, TEXT_OFF, base + TEXT_OFF, TEXT_SIZE,
			     TEXT_SIZE, 0x1000);
	*phdr(3) = make_phdr(PT_LOAD, PF_R | PF_W, DATA_OFF, base + DATA_VOFF, DATA_FILESZ,
			     DATA_MEMSZ, 0x1000);
	*phdr(4) = make_phdr(PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 16);
	for (unsigned long i = 0; i < TEXT_SIZE; i++)
		image[TEXT_OFF + i] = text_byte(i);
	for (unsigned long i = 0; i < DATA_FILESZ; i++)
		image[DATA_OFF + i] = data_byte(i);
}

static const char *const default_argv[] = { "prog", "-v", "hello world", NULL };
static const char *const default_envp[] = { "HOME=/", "TERM=dumb", NULL };
#define FILENAME	"/bin/prog"

#define IMAGE_PATH	"/tmp/ktest-elf-image"

/*
 * image_file - the first @size bytes of image[] as an open, unlinked file
 * (it goes with its last user: the file reference here, then the areas
 * that map it)
 */
static struct file *image_file(size_t size)
{
	struct file *f = filp_open(IMAGE_PATH, O_CREAT | O_RDWR | O_TRUNC, 0755);
	loff_t pos = 0;

	if (IS_ERR(f))
		return f;
	kern_unlink(IMAGE_PATH);
	if (kernel_write(f, image, size, &pos) != (ssize_t)size) {
		fput(f);
		return ERR_PTR(-ENOSPC);
	}
	return f;
}

static int load(struct mm_struct *mm, size_t size, const char *const *argv,
		const char *const *envp, struct linux_binprm *bprm)
{
	int ret;

	*bprm = (struct linux_binprm){
		.file = image_file(size), .size = size, .filename = FILENAME,
		.argv = argv, .envp = envp, .mm = mm,
	};
	if (IS_ERR(bprm->file))
		return PTR_ERR(bprm->file);
	ret = load_elf_binary(bprm);
	fput(bprm->file);
	bprm->file = NULL;
	return ret;
}

/* Load the good image of @type into the case's mm, with the default strings. */
static struct mm_struct *load_good(struct ktest *test, u16 type, struct linux_binprm *bprm)
{
	struct mm_struct *mm = test->priv;

	build_image(type, type == ET_EXEC ? EXEC_BASE : 0);
	KTEST_ASSERT_EQ(test, load(mm, IMG_SIZE, default_argv, default_envp, bprm), 0);
	return mm;
}

static unsigned long read_ulong(struct ktest *test, struct mm_struct *mm, unsigned long addr)
{
	unsigned long val = 0;

	KTEST_EXPECT_EQ(test, access_remote_vm(mm, addr, &val, sizeof(val), false),
			(int)sizeof(val));
	return val;
}

/* The NUL-terminated string at @addr in @mm, into @buf (cut to @size). */
static const char *read_str(struct mm_struct *mm, unsigned long addr, char *buf, int size)
{
	int n = access_remote_vm(mm, addr, buf, size - 1, false);

	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* Do @len bytes at @addr in @mm equal the file's from @off? */
static bool mem_is_file(struct mm_struct *mm, unsigned long addr, unsigned long off,
			unsigned long len)
{
	static u8 buf[IMG_SIZE];

	return access_remote_vm(mm, addr, buf, len, false) == (int)len &&
	       memcmp(buf, image + off, len) == 0;
}

static bool mem_is_zero(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	static u8 buf[IMG_SIZE];

	return access_remote_vm(mm, addr, buf, len, false) == (int)len &&
	       !memchr_inv(buf, 0, len);
}

/* The area at @addr must be exactly [start, end) with protection @prot. */
static void expect_area(struct ktest *test, struct mm_struct *mm, unsigned long addr,
			unsigned long start, unsigned long end, unsigned long vm_rwx)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	KTEST_ASSERT_TRUE(test, vma && vma->vm_start <= addr);
	KTEST_EXPECT_UEQ(test, vma->vm_start, start);
	KTEST_EXPECT_UEQ(test, vma->vm_end, end);
	KTEST_EXPECT_UEQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC), vm_rwx);
	KTEST_EXPECT_FALSE(test, vma->vm_flags & VM_GROWSDOWN);
}

/* The area at @addr maps the image file privately from page @pgoff. */
static void expect_file_area(struct ktest *test, struct mm_struct *mm, unsigned long addr,
			     unsigned long pgoff)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	KTEST_ASSERT_TRUE(test, vma && vma->vm_start <= addr);
	KTEST_ASSERT_NOT_NULL(test, vma->vm_file);
	KTEST_EXPECT_UEQ(test, vma->vm_pgoff, pgoff);
	KTEST_EXPECT_FALSE(test, vma->vm_flags & VM_SHARED);
}

/* --- the initial stack, read back ------------------------------------------ */

#define NR_AT	64

/**
 * struct user_stack - the new program's stack as the program sees it
 * @sp: the stack pointer: argc is there
 * @argv, @envp: where the pointer arrays start
 * @auxv: the values by type (0 if absent); @seen: which types came
 */
struct user_stack {
	unsigned long sp, argc, argv, envp;
	unsigned long auxv[NR_AT];
	bool seen[NR_AT];
};

static void read_user_stack(struct ktest *test, struct mm_struct *mm, unsigned long sp,
			    struct user_stack *us)
{
	unsigned long p;
	int i;

	memset(us, 0, sizeof(*us));
	us->sp = sp;
	us->argc = read_ulong(test, mm, sp);
	us->argv = sp + 8;
	us->envp = us->argv + (us->argc + 1) * 8;
	for (p = us->envp; read_ulong(test, mm, p); p += 8)
		KTEST_ASSERT_LT(test, p - us->envp, 4096);
	for (p += 8, i = 0; i < NR_AT; i++, p += 16) {
		unsigned long type = read_ulong(test, mm, p);

		if (type == AT_NULL)
			return;
		KTEST_ASSERT_LT(test, type, NR_AT);
		KTEST_EXPECT_FALSE(test, us->seen[type]);
		us->seen[type] = true;
		us->auxv[type] = read_ulong(test, mm, p + 8);
	}
	KTEST_FAIL(test, "no AT_NULL in the first %d auxv entries", NR_AT);
}

static void expect_strings(struct ktest *test, struct mm_struct *mm, unsigned long array,
			   const char *const *strings)
{
	char buf[64];
	int i;

	for (i = 0; strings[i]; i++)
		KTEST_EXPECT_STREQ(test, read_str(mm, read_ulong(test, mm, array + i * 8),
						  buf, sizeof(buf)), strings[i]);
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, array + i * 8), 0);
}

/* [start, end) must hold exactly @strings, back to back with their NULs. */
static void expect_packed_strings(struct ktest *test, struct mm_struct *mm, unsigned long start,
				  unsigned long end, const char *const *strings)
{
	char got[128], want[128];
	unsigned long len = 0;

	for (int i = 0; strings[i]; i++) {
		strcpy(want + len, strings[i]);
		len += strlen(strings[i]) + 1;
	}
	KTEST_ASSERT_UEQ(test, end - start, len);
	KTEST_ASSERT_EQ(test, access_remote_vm(mm, start, got, len, false), (int)len);
	KTEST_EXPECT_EQ(test, memcmp(got, want, len), 0);
}

/* --- cases -------------------------------------------------------------------- */

static void binfmt_elf_maps_segments(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm);

	/* the file's pages, mapped privately: each area names its page offset */
	expect_area(test, mm, 0x400000, 0x400000, 0x401000, VM_READ);
	expect_file_area(test, mm, 0x400000, 0);
	expect_area(test, mm, 0x401000, 0x401000, 0x403000, VM_READ | VM_EXEC);
	expect_file_area(test, mm, 0x401000, TEXT_OFF >> PAGE_SHIFT);
	expect_area(test, mm, 0x404000, 0x404000, 0x405000, VM_READ | VM_WRITE);
	expect_file_area(test, mm, 0x404000, (DATA_OFF - 0x100) >> PAGE_SHIFT);
	/* the bss past the last file page: anonymous memory */
	expect_area(test, mm, 0x405000, 0x405000, 0x408000, VM_READ | VM_WRITE);
	KTEST_EXPECT_NULL(test, find_vma(mm, 0x405000)->vm_file);
	KTEST_EXPECT_NULL(test, find_vma_intersection(mm, 0x403000, 0x404000));
	KTEST_EXPECT_UEQ(test, bprm.entry, 0x401010);
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

static void binfmt_elf_copies_file_bytes(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm);

	/* whole file pages, as Linux maps them: what follows a segment in its
	 * last page is the file's (junk here), unless it is bss */
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, 0x400000, 0, 0x1000));
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, 0x401000, TEXT_OFF, 0x2000));
	/* the data page starts with the file page, as a file mapping would */
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, 0x404000, DATA_OFF - 0x100, 0x100));
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, 0x404100, DATA_OFF, DATA_FILESZ));
	/* bss: the rest of that page (junk in the file), then whole pages */
	KTEST_EXPECT_TRUE(test, mem_is_zero(mm, 0x404300, 0xd00));
	KTEST_EXPECT_TRUE(test, mem_is_zero(mm, 0x405000, 0x3000));
}

static void binfmt_elf_mm_layout(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm);

	KTEST_EXPECT_UEQ(test, mm->start_code, 0x401000);	/* the executable segment */
	KTEST_EXPECT_UEQ(test, mm->end_code, 0x402800);
	KTEST_EXPECT_UEQ(test, mm->start_data, 0x404100);
	KTEST_EXPECT_UEQ(test, mm->end_data, 0x404300);
	KTEST_EXPECT_UEQ(test, mm->start_brk, 0x408000);
	KTEST_EXPECT_UEQ(test, mm->brk, 0x408000);
	KTEST_EXPECT_UEQ(test, mm->start_stack, bprm.sp);
	/* the heap grows from there */
	KTEST_EXPECT_UEQ(test, do_brk(mm, 0x409000), 0x409000);
	expect_area(test, mm, 0x408000, 0x405000, 0x409000, VM_READ | VM_WRITE);
}

static void binfmt_elf_stack_area(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm);
	struct vm_area_struct *vma = find_vma(mm, bprm.sp);

	KTEST_ASSERT_TRUE(test, vma && vma->vm_start <= bprm.sp);
	KTEST_EXPECT_UEQ(test, vma->vm_end, STACK_TOP);
	KTEST_EXPECT_TRUE(test, vma->vm_flags & VM_GROWSDOWN);
	KTEST_EXPECT_UEQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC), VM_READ | VM_WRITE);
	/* one page of strings and tables, and 128 KiB below */
	KTEST_EXPECT_UEQ(test, vma->vm_start, STACK_TOP - 0x1000 - 128 * 1024);
	KTEST_EXPECT_UEQ(test, bprm.sp % 16, 0);
	KTEST_EXPECT_UEQ(test, mm->start_stack, bprm.sp);
	KTEST_EXPECT_EQ(test, validate_mm(mm), 0);
}

static void binfmt_elf_stack_strings(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm);
	struct user_stack us;
	char buf[64];

	read_user_stack(test, mm, bprm.sp, &us);
	KTEST_EXPECT_UEQ(test, us.argc, 3);
	expect_strings(test, mm, us.argv, default_argv);
	expect_strings(test, mm, us.envp, default_envp);
	expect_packed_strings(test, mm, mm->arg_start, mm->arg_end, default_argv);
	expect_packed_strings(test, mm, mm->env_start, mm->env_end, default_envp);
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, us.argv), mm->arg_start);
	KTEST_EXPECT_UEQ(test, mm->env_start, mm->arg_end);
	/* the filename and the zero end marker sit at the very top */
	KTEST_EXPECT_UEQ(test, us.auxv[AT_EXECFN], STACK_TOP - 8 - sizeof(FILENAME));
	KTEST_EXPECT_UEQ(test, mm->env_end, us.auxv[AT_EXECFN]);
	KTEST_EXPECT_STREQ(test, read_str(mm, us.auxv[AT_EXECFN], buf, sizeof(buf)), FILENAME);
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, STACK_TOP - 8), 0);
}

static void binfmt_elf_auxv(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm);
	struct vm_area_struct *stack = find_vma(mm, STACK_TOP - 1);
	static const int required[] = {
		AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_FLAGS, AT_ENTRY,
		AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE, AT_RANDOM, AT_HWCAP,
		AT_CLKTCK, AT_PLATFORM, AT_EXECFN,
	};
	struct user_stack us;
	u8 random[16];
	char buf[16];

	read_user_stack(test, mm, bprm.sp, &us);
	for (unsigned int i = 0; i < ARRAY_SIZE(required); i++)
		if (!us.seen[required[i]])
			KTEST_FAIL(test, "auxv has no entry of type %d", required[i]);
	KTEST_EXPECT_FALSE(test, us.seen[AT_SYSINFO_EHDR]);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_PHDR], EXEC_BASE + PHOFF);
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, us.auxv[AT_PHDR], PHOFF, PHNUM * sizeof(Elf64_Phdr)));
	KTEST_EXPECT_UEQ(test, us.auxv[AT_PHENT], sizeof(Elf64_Phdr));
	KTEST_EXPECT_UEQ(test, us.auxv[AT_PHNUM], PHNUM);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_PAGESZ], 4096);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_ENTRY], bprm.entry);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_BASE] | us.auxv[AT_FLAGS] | us.auxv[AT_UID] |
			 us.auxv[AT_EUID] | us.auxv[AT_GID] | us.auxv[AT_EGID] |
			 us.auxv[AT_SECURE], 0);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_CLKTCK], 100);
	KTEST_EXPECT_STREQ(test, read_str(mm, us.auxv[AT_PLATFORM], buf, sizeof(buf)), "x86_64");

	/* AT_RANDOM: 16 bytes inside the stack area, above the tables */
	KTEST_EXPECT_TRUE(test, us.auxv[AT_RANDOM] > us.sp);
	KTEST_EXPECT_TRUE(test, us.auxv[AT_RANDOM] >= stack->vm_start &&
			  us.auxv[AT_RANDOM] + 16 <= mm->arg_start);
	KTEST_EXPECT_EQ(test, access_remote_vm(mm, us.auxv[AT_RANDOM], random, 16, false), 16);
	KTEST_EXPECT_TRUE(test, memchr_inv(random, 0, 16) != NULL);
}

/* AT_RANDOM's bytes differ from one exec to the next. */
static void binfmt_elf_random_varies(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_EXEC, &bprm), *mm2 = mm_alloc();
	struct user_stack us, us2;
	u8 a[16], b[16];

	KTEST_ASSERT_NOT_NULL(test, mm2);
	KTEST_EXPECT_EQ(test, load(mm2, IMG_SIZE, default_argv, default_envp, &bprm), 0);
	read_user_stack(test, mm2, bprm.sp, &us2);
	read_user_stack(test, mm, mm->start_stack, &us);
	KTEST_EXPECT_EQ(test, access_remote_vm(mm, us.auxv[AT_RANDOM], a, 16, false), 16);
	KTEST_EXPECT_EQ(test, access_remote_vm(mm2, us2.auxv[AT_RANDOM], b, 16, false), 16);
	KTEST_EXPECT_NE(test, memcmp(a, b, 16), 0);
	mmput(mm2);
}

static void binfmt_elf_no_arguments(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	struct linux_binprm bprm;
	struct user_stack us;

	build_image(ET_EXEC, EXEC_BASE);
	KTEST_ASSERT_EQ(test, load(mm, IMG_SIZE, NULL, NULL, &bprm), 0);
	read_user_stack(test, mm, bprm.sp, &us);
	KTEST_EXPECT_UEQ(test, us.argc, 0);
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, us.argv), 0);
	KTEST_EXPECT_UEQ(test, us.envp, us.argv + 8);
	KTEST_EXPECT_UEQ(test, mm->arg_start, mm->arg_end);
	KTEST_EXPECT_UEQ(test, mm->env_start, mm->env_end);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_ENTRY], EXEC_BASE + ENTRY_OFF);
	KTEST_EXPECT_UEQ(test, bprm.sp % 16, 0);
}

static void binfmt_elf_static_pie(struct ktest *test)
{
	struct linux_binprm bprm;
	struct mm_struct *mm = load_good(test, ET_DYN, &bprm);
	struct user_stack us;

	expect_area(test, mm, DYN_BASE, DYN_BASE, DYN_BASE + 0x1000, VM_READ);
	expect_area(test, mm, DYN_BASE + 0x1000, DYN_BASE + 0x1000, DYN_BASE + 0x3000,
		    VM_READ | VM_EXEC);
	expect_area(test, mm, DYN_BASE + 0x4000, DYN_BASE + 0x4000, DYN_BASE + 0x5000,
		    VM_READ | VM_WRITE);
	expect_file_area(test, mm, DYN_BASE + 0x4000, (DATA_OFF - 0x100) >> PAGE_SHIFT);
	expect_area(test, mm, DYN_BASE + 0x5000, DYN_BASE + 0x5000, DYN_BASE + 0x8000,
		    VM_READ | VM_WRITE);
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, DYN_BASE + TEXT_OFF, TEXT_OFF, TEXT_SIZE));
	KTEST_EXPECT_TRUE(test, mem_is_zero(mm, DYN_BASE + DATA_VOFF + DATA_FILESZ,
					    DATA_MEMSZ - DATA_FILESZ));
	KTEST_EXPECT_UEQ(test, bprm.entry, DYN_BASE + ENTRY_OFF);
	KTEST_EXPECT_UEQ(test, mm->start_code, DYN_BASE + TEXT_OFF);
	KTEST_EXPECT_UEQ(test, mm->end_code, DYN_BASE + TEXT_OFF + TEXT_SIZE);
	KTEST_EXPECT_UEQ(test, mm->start_data, DYN_BASE + DATA_VOFF);
	KTEST_EXPECT_UEQ(test, mm->end_data, DYN_BASE + DATA_VOFF + DATA_FILESZ);
	KTEST_EXPECT_UEQ(test, mm->brk, DYN_BASE + 0x8000);

	read_user_stack(test, mm, bprm.sp, &us);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_ENTRY], DYN_BASE + ENTRY_OFF);
	KTEST_EXPECT_UEQ(test, us.auxv[AT_PHDR], DYN_BASE + PHOFF);
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, us.auxv[AT_PHDR], PHOFF, PHNUM * sizeof(Elf64_Phdr)));
	KTEST_EXPECT_UEQ(test, us.auxv[AT_BASE], 0);
}

/* PT_GNU_STACK with PF_X: an executable stack. */
static void binfmt_elf_executable_stack(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	struct linux_binprm bprm;
	struct vm_area_struct *vma;

	build_image(ET_EXEC, EXEC_BASE);
	phdr(4)->p_flags = PF_R | PF_W | PF_X;
	KTEST_ASSERT_EQ(test, load(mm, IMG_SIZE, default_argv, default_envp, &bprm), 0);
	vma = find_vma(mm, bprm.sp);
	KTEST_ASSERT_NOT_NULL(test, vma);
	KTEST_EXPECT_UEQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_GROWSDOWN),
			 VM_READ | VM_WRITE | VM_EXEC | VM_GROWSDOWN);
	KTEST_EXPECT_UEQ(test, vma->vm_end, STACK_TOP);
}

/*
 * Text and data share a page: as in Linux, the later segment's mapping
 * takes the page (with its permissions), holding the file's bytes.
 */
static void binfmt_elf_segments_share_a_page(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	struct linux_binprm bprm;

	build_image(ET_EXEC, EXEC_BASE);
	*phdr(3) = make_phdr(PT_LOAD, PF_R | PF_W, TEXT_OFF + TEXT_SIZE, 0x402800, 0x100,
			     0x1000, 0x1000);
	KTEST_ASSERT_EQ(test, load(mm, IMG_SIZE, default_argv, default_envp, &bprm), 0);
	expect_area(test, mm, 0x401000, 0x401000, 0x402000, VM_READ | VM_EXEC);
	expect_area(test, mm, 0x402000, 0x402000, 0x403000, VM_READ | VM_WRITE);
	expect_file_area(test, mm, 0x402000, (TEXT_OFF + 0x1000) >> PAGE_SHIFT);
	expect_area(test, mm, 0x403000, 0x403000, 0x404000, VM_READ | VM_WRITE);
	KTEST_EXPECT_TRUE(test, mem_is_file(mm, 0x401000, TEXT_OFF, TEXT_SIZE + 0x100));
	KTEST_EXPECT_TRUE(test, mem_is_zero(mm, 0x402900, 0x1700));
	KTEST_EXPECT_UEQ(test, mm->end_code, 0x402800);
	KTEST_EXPECT_UEQ(test, mm->brk, 0x404000);
}

/* --- refusals ----------------------------------------------------------------- */

#define EH(field) \
	offsetof(Elf64_Ehdr, field), sizeof(((Elf64_Ehdr *)0)->field)
#define PH(i, field) \
	PHOFF + (i) * sizeof(Elf64_Phdr) + offsetof(Elf64_Phdr, field), \
	sizeof(((Elf64_Phdr *)0)->field)

/**
 * struct bad_image - one way the good image can be broken
 * @name: what is wrong
 * @size: the file's size if not IMG_SIZE
 * @pokes: up to three little-endian fields to overwrite
 * @late: refused only once the stack is mapped (else nothing is mapped)
 */
struct bad_image {
	const char *name;
	size_t size;
	struct {
		size_t offset;
		size_t width;
		u64 value;
	} pokes[3];
	bool late;
};

static const struct bad_image bad_images[] = {
	{ "file shorter than a header", .size = sizeof(Elf64_Ehdr) - 1 },
	{ "bad magic", .pokes = { { EH(e_ident[EI_MAG1]), 'e' } } },
	{ "32-bit class", .pokes = { { EH(e_ident[EI_CLASS]), ELFCLASS32 } } },
	{ "big-endian", .pokes = { { EH(e_ident[EI_DATA]), ELFDATA2MSB } } },
	{ "version 0", .pokes = { { EH(e_ident[EI_VERSION]), EV_NONE } } },
	{ "i386", .pokes = { { EH(e_machine), EM_386 } } },
	{ "relocatable object", .pokes = { { EH(e_type), ET_REL } } },
	{ "core file", .pokes = { { EH(e_type), ET_CORE } } },
	{ "32-bit phentsize", .pokes = { { EH(e_phentsize), 32 } } },
	{ "no program headers", .pokes = { { EH(e_phnum), 0 } } },
	{ "65 program headers", .pokes = { { EH(e_phnum), 65 } } },
	{ "headers past the end", .pokes = { { EH(e_phoff), IMG_SIZE - 2 * sizeof(Elf64_Phdr) } } },
	{ "header offset wraps", .pokes = { { EH(e_phoff), ~0UL - 8 } } },
	{ "PT_INTERP", .pokes = { { PH(4, p_type), PT_INTERP } } },
	{ "static PIE with PT_INTERP",
	  .pokes = { { EH(e_type), ET_DYN }, { PH(4, p_type), PT_INTERP } } },
	{ "p_filesz > p_memsz", .pokes = { { PH(2, p_filesz), TEXT_SIZE + 1 } } },
	{ "file part past the end",
	  .pokes = { { PH(3, p_filesz), IMG_SIZE - DATA_OFF + 1 } } },
	{ "p_offset past the end", .pokes = { { PH(3, p_offset), 0xfffffffffffff100 } } },
	{ "p_offset + p_filesz wraps",
	  .pokes = { { PH(3, p_filesz), ~0UL - 0x100 }, { PH(3, p_memsz), ~0UL - 0x100 } } },
	{ "p_vaddr + p_memsz wraps", .pokes = { { PH(3, p_vaddr), 0xfffffffffffff100 } } },
	{ "past TASK_SIZE", .pokes = { { PH(3, p_vaddr), TASK_SIZE - 0x1000 + 0x100 } } },
	{ "kernel address", .pokes = { { PH(3, p_vaddr), 0xffff888000000100 } } },
	{ "huge p_memsz", .pokes = { { PH(3, p_memsz), 1UL << 47 } } },
	{ "segments overlap", .pokes = { { PH(3, p_vaddr), 0x402100 } } },
	{ "p_offset and p_vaddr misaligned", .pokes = { { PH(3, p_vaddr), 0x404180 } } },
	{ "no PT_LOAD", .pokes = { { PH(1, p_type), PT_NOTE }, { PH(2, p_type), PT_NOTE },
				   { PH(3, p_type), PT_NOTE } } },
	{ "entry in data", .pokes = { { EH(e_entry), 0x404100 } } },
	{ "entry in read-only headers", .pokes = { { EH(e_entry), 0x400010 } } },
	{ "entry just past the text", .pokes = { { EH(e_entry), 0x402800 } } },
	{ "entry unmapped", .pokes = { { EH(e_entry), 0x900000 } } },
	{ "segment below mmap_min_addr", .pokes = { { PH(1, p_vaddr), 0 } } },
	{ "segment in the stack area",
	  .pokes = { { PH(3, p_vaddr), TASK_SIZE - 0x10000 + 0x100 } }, .late = true },
};

static void poke(const struct bad_image *bad)
{
	for (int i = 0; i < 3 && bad->pokes[i].width; i++)
		memcpy(image + bad->pokes[i].offset, &bad->pokes[i].value, bad->pokes[i].width);
}

static void binfmt_elf_rejects_malformed(struct ktest *test)
{
	struct linux_binprm bprm;

	/* the good image loads: each entry's damage is what is refused */
	build_image(ET_EXEC, EXEC_BASE);
	KTEST_ASSERT_EQ(test, load(test->priv, IMG_SIZE, default_argv, default_envp, &bprm), 0);

	for (unsigned int i = 0; i < ARRAY_SIZE(bad_images); i++) {
		const struct bad_image *bad = &bad_images[i];
		struct mm_struct *mm = mm_alloc();
		int ret;

		KTEST_ASSERT_NOT_NULL(test, mm);
		build_image(ET_EXEC, EXEC_BASE);
		poke(bad);
		ret = load(mm, bad->size ?: IMG_SIZE, default_argv, default_envp, &bprm);
		if (ret != -ENOEXEC)
			KTEST_FAIL(test, "%s: returned %d, not -ENOEXEC", bad->name, ret);
		if (!bad->late && mm->map_count)
			KTEST_FAIL(test, "%s: %d areas mapped before refusing", bad->name,
				   mm->map_count);
		mmput(mm);
	}
}

/* --- argument limits ------------------------------------------------------------ */

/* A string of @len 'a's, from a buffer of MAX_ARG_STRLEN + 1 of them. */
static const char *a_string(const char *big, size_t len)
{
	return big + MAX_ARG_STRLEN - len;
}

static int load_args(const char *const *argv, const char *const *envp, int *map_count)
{
	struct mm_struct *mm = mm_alloc();
	struct linux_binprm bprm;
	int ret;

	*map_count = -1;
	if (!mm)
		return -ENOMEM;
	ret = load(mm, IMG_SIZE, argv, envp, &bprm);
	*map_count = mm->map_count;
	mmput(mm);
	return ret;
}

/* A NULL-terminated array of @n pointers to @str (kmalloc'd). */
static const char **repeat(const char *str, int n)
{
	const char **v = kmalloc_array(n + 1, sizeof(*v), GFP_KERNEL);

	if (v) {
		for (int i = 0; i < n; i++)
			v[i] = str;
		v[n] = NULL;
	}
	return v;
}

/*
 * E2BIG: one string longer than MAX_ARG_STRLEN, or argv and envp together
 * past ARG_MAX_BYTES (2 MiB, Linux's with an 8 MiB stack).  Pieces of
 * 120000 bytes: @over of them are too many, @half of them are over half.
 */
static void binfmt_elf_e2big(struct ktest *test)
{
	enum { PIECE = 120000, OVER = ARG_MAX_BYTES / PIECE + 1, HALF = OVER / 2 + 1 };
	char *big = kmalloc(MAX_ARG_STRLEN + 1, GFP_KERNEL);
	const char *too_long[] = { a_string(big, MAX_ARG_STRLEN), NULL };
	const char *longest[] = { a_string(big, MAX_ARG_STRLEN - 1), NULL };
	const char **over = repeat(a_string(big, PIECE), OVER);
	const char **half = repeat(a_string(big, PIECE), HALF);
	int mapped;

	KTEST_ASSERT_TRUE(test, big && over && half);
	memset(big, 'a', MAX_ARG_STRLEN);
	big[MAX_ARG_STRLEN] = '\0';
	build_image(ET_EXEC, EXEC_BASE);

	KTEST_EXPECT_EQ(test, load_args(too_long, NULL, &mapped), -E2BIG);
	KTEST_EXPECT_EQ(test, mapped, 0);
	KTEST_EXPECT_EQ(test, load_args(over, NULL, &mapped), -E2BIG);
	KTEST_EXPECT_EQ(test, load_args(half, half, &mapped), -E2BIG);
	KTEST_EXPECT_EQ(test, load_args(NULL, over, &mapped), -E2BIG);
	/* one string of MAX_ARG_STRLEN bytes, NUL included, fits exactly */
	KTEST_EXPECT_EQ(test, load_args(longest, NULL, &mapped), 0);
	KTEST_EXPECT_EQ(test, load_args(half, NULL, &mapped), 0);
	kfree(over);
	kfree(half);
	kfree(big);
}

/* A big argument: the stack area is its pages plus 128 KiB. */
static void binfmt_elf_big_argument(struct ktest *test)
{
	struct mm_struct *mm = test->priv;
	char *big = kmalloc(100001, GFP_KERNEL);
	const char *argv[] = { "prog", big, NULL };
	struct vm_area_struct *vma;
	struct linux_binprm bprm;
	unsigned long strings;

	KTEST_ASSERT_NOT_NULL(test, big);
	memset(big, 'b', 100000);
	big[100000] = '\0';
	build_image(ET_EXEC, EXEC_BASE);
	KTEST_EXPECT_EQ(test, load(mm, IMG_SIZE, argv, default_envp, &bprm), 0);
	kfree(big);

	strings = 8 + sizeof(FILENAME) + sizeof("HOME=/") + sizeof("TERM=dumb") +
		  sizeof("prog") + 100001;
	KTEST_EXPECT_UEQ(test, mm->arg_end - mm->arg_start, sizeof("prog") + 100001);
	vma = find_vma(mm, STACK_TOP - 1);
	KTEST_ASSERT_NOT_NULL(test, vma);
	KTEST_EXPECT_UEQ(test, vma->vm_start, STACK_TOP - PAGE_ALIGN(strings) - 128 * 1024);
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, bprm.sp), 2);
}

/* More pointers than 128 KiB hold: the stack area grows to take them. */
static void binfmt_elf_many_arguments(struct ktest *test)
{
	enum { N = 20000 };
	struct mm_struct *mm = test->priv;
	const char **argv = kmalloc_array(N + 1, sizeof(*argv), GFP_KERNEL);
	struct vm_area_struct *vma;
	struct linux_binprm bprm;
	char buf[8];
	int ret;

	KTEST_ASSERT_NOT_NULL(test, argv);
	for (int i = 0; i < N; i++)
		argv[i] = i % 2 ? "x" : "y";
	argv[N] = NULL;
	build_image(ET_EXEC, EXEC_BASE);
	ret = load(mm, IMG_SIZE, argv, NULL, &bprm);
	kfree(argv);
	KTEST_ASSERT_EQ(test, ret, 0);

	vma = find_vma(mm, bprm.sp);
	KTEST_ASSERT_TRUE(test, vma && vma->vm_start <= bprm.sp);
	KTEST_EXPECT_UEQ(test, vma->vm_end, STACK_TOP);
	KTEST_EXPECT_UEQ(test, bprm.sp % 16, 0);
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, bprm.sp), N);
	KTEST_EXPECT_STREQ(test, read_str(mm, read_ulong(test, mm, bprm.sp + 8 * N), buf,
					  sizeof(buf)), "x");
	KTEST_EXPECT_UEQ(test, read_ulong(test, mm, bprm.sp + 8 * (N + 1)), 0);
	KTEST_EXPECT_UEQ(test, mm->arg_end - mm->arg_start, 2 * N);
}

static int binfmt_elf_init(struct ktest *test)
{
	test->priv = mm_alloc();
	return test->priv ? 0 : -ENOMEM;
}

static void binfmt_elf_exit(struct ktest *test)
{
	mmput(test->priv);
}

static struct ktest_case binfmt_elf_cases[] = {
	KTEST_CASE(binfmt_elf_maps_segments),
	KTEST_CASE(binfmt_elf_copies_file_bytes),
	KTEST_CASE(binfmt_elf_mm_layout),
	KTEST_CASE(binfmt_elf_stack_area),
	KTEST_CASE(binfmt_elf_stack_strings),
	KTEST_CASE(binfmt_elf_auxv),
	KTEST_CASE(binfmt_elf_random_varies),
	KTEST_CASE(binfmt_elf_no_arguments),
	KTEST_CASE(binfmt_elf_static_pie),
	KTEST_CASE(binfmt_elf_executable_stack),
	KTEST_CASE(binfmt_elf_segments_share_a_page),
	KTEST_CASE(binfmt_elf_rejects_malformed),
	KTEST_CASE(binfmt_elf_e2big),
	KTEST_CASE(binfmt_elf_big_argument),
	KTEST_CASE(binfmt_elf_many_arguments),
	{}
};

static struct ktest_suite binfmt_elf_suite = {
	.name = "binfmt_elf",
	.test_cases = binfmt_elf_cases,
	.init = binfmt_elf_init,
	.exit = binfmt_elf_exit,
};
ktest_suite(binfmt_elf_suite);
