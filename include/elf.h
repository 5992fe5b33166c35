/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ELF64 file format, as far as a loader of x86-64 executables needs
 * it (Linux: include/uapi/linux/elf.h and include/uapi/linux/auxvec.h;
 * the values are the System V ABI's).
 *
 * An executable starts with one Elf64_Ehdr; e_phoff points at e_phnum
 * program headers (Elf64_Phdr), each describing a segment.  The loader
 * maps the PT_LOAD segments and ignores the sections.
 *
 *   file:  | Ehdr | Phdr Phdr ... |  text ...  |  data ...  | (sections)
 *                                 ^p_offset     ^p_offset
 *   memory:        [p_vaddr, p_vaddr + p_filesz) = file bytes,
 *                  [p_vaddr + p_filesz, p_vaddr + p_memsz) = zeroes (bss)
 */
#ifndef _ELF_H
#define _ELF_H

#include <types.h>

typedef u64 Elf64_Addr;
typedef u64 Elf64_Off;
typedef u16 Elf64_Half;
typedef u32 Elf64_Word;
typedef s32 Elf64_Sword;
typedef u64 Elf64_Xword;
typedef s64 Elf64_Sxword;

/* e_ident[]: the first 16 bytes, readable before the class is known. */
#define EI_NIDENT	16
#define EI_MAG0		0	/* 0x7f 'E' 'L' 'F' */
#define EI_MAG1		1
#define EI_MAG2		2
#define EI_MAG3		3
#define EI_CLASS	4	/* ELFCLASS32 or ELFCLASS64 */
#define EI_DATA		5	/* byte order */
#define EI_VERSION	6	/* EV_CURRENT */
#define EI_OSABI	7
#define EI_PAD		8

#define ELFMAG		"\177ELF"
#define SELFMAG		4

#define ELFCLASSNONE	0
#define ELFCLASS32	1
#define ELFCLASS64	2

#define ELFDATANONE	0
#define ELFDATA2LSB	1	/* little-endian */
#define ELFDATA2MSB	2

#define EV_NONE		0
#define EV_CURRENT	1

#define ELFOSABI_NONE	0

/* e_type */
#define ET_NONE		0
#define ET_REL		1	/* relocatable object (.o) */
#define ET_EXEC		2	/* executable at fixed addresses */
#define ET_DYN		3	/* shared object or position-independent executable */
#define ET_CORE		4

/* e_machine */
#define EM_NONE		0
#define EM_386		3
#define EM_X86_64	62

/**
 * Elf64_Ehdr - the file header, at offset 0
 * @e_entry: the virtual address of the first instruction
 * @e_phoff: file offset of the program header table
 * @e_phentsize: size of one program header (sizeof(Elf64_Phdr))
 * @e_phnum: number of program headers
 */
typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;
	Elf64_Off e_phoff;
	Elf64_Off e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;
	Elf64_Half e_phentsize;
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

/* p_type */
#define PT_NULL		0
#define PT_LOAD		1	/* map this segment */
#define PT_DYNAMIC	2
#define PT_INTERP	3	/* path of the dynamic linker */
#define PT_NOTE		4
#define PT_SHLIB	5
#define PT_PHDR		6	/* the program header table itself, in memory */
#define PT_TLS		7	/* the thread-local storage template */
#define PT_GNU_EH_FRAME	0x6474e550
#define PT_GNU_STACK	0x6474e551	/* p_flags: is the stack executable? */
#define PT_GNU_RELRO	0x6474e552
#define PT_GNU_PROPERTY	0x6474e553

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

/**
 * Elf64_Phdr - one program header
 * @p_offset: where the segment's bytes start in the file
 * @p_vaddr: where they go in memory (an offset from the load base for ET_DYN)
 * @p_filesz: bytes taken from the file
 * @p_memsz: bytes in memory; the part past p_filesz is zero (bss)
 * @p_align: p_offset and p_vaddr are congruent modulo this
 */
typedef struct {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr;
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align;
} Elf64_Phdr;

/*
 * The auxiliary vector: (type, value) pairs the kernel leaves above envp
 * on a new program's stack, ending with AT_NULL (Linux's values).
 */
typedef struct {
	u64 a_type;
	u64 a_val;
} Elf64_auxv_t;

#define AT_NULL		0	/* end of the vector */
#define AT_IGNORE	1
#define AT_EXECFD	2	/* file descriptor of the program */
#define AT_PHDR		3	/* the program headers, in memory */
#define AT_PHENT	4	/* size of one program header */
#define AT_PHNUM	5	/* number of program headers */
#define AT_PAGESZ	6
#define AT_BASE		7	/* load address of the interpreter (0: none) */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_NOTELF	10
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* string naming the CPU: "x86_64" */
#define AT_HWCAP	16	/* CPU feature bits (CPUID 1 EDX on x86) */
#define AT_CLKTCK	17	/* times() ticks per second */
#define AT_SECURE	23	/* set-uid-like: distrust the environment */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	25	/* address of 16 random bytes */
#define AT_HWCAP2	26
#define AT_EXECFN	31	/* the filename given to execve() */
#define AT_SYSINFO_EHDR	33	/* the vDSO */
#define AT_MINSIGSTKSZ	51	/* smallest signal stack the kernel accepts */

/* Linux's arch/x86/include/asm/elf.h */
#define elf_check_arch(x)	((x)->e_machine == EM_X86_64)
#define ELF_PLATFORM		"x86_64"

#endif /* _ELF_H */
