/* SPDX-License-Identifier: GPL-2.0 */
/*
 * argv_check: the initial stack the kernel builds for a new program.
 *
 * Run as "argv_check one two three" with exactly one environment
 * variable, DISSECT=1 (user/expected.txt says so).  At _start the stack
 * holds, upwards from the stack pointer:
 *
 *	argc
 *	argv[0] .. argv[argc-1], NULL
 *	envp[0] .. , NULL
 *	auxv: (type, value) pairs ending with AT_NULL
 *
 * main() sees the first two; getauxval() reads the third.  This program is
 * also built as a static PIE (argv_check-pie), which the kernel must load
 * at a base address of its choosing: then every address in auxv includes
 * that base.
 */
#include <elf.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "check.h"

extern char _start[];		/* the entry point, from musl's crt1 */
/* The PIE's dynamic section, from the linker; 0 in a fixed-address program. */
extern const char _DYNAMIC[] __attribute__((weak, visibility("hidden")));

/*
 * The load bias: where the program runs minus where it was linked (0 for
 * ET_EXEC).  Found as musl's __init_tls() does: from PT_PHDR if there is
 * one, else from PT_DYNAMIC and the run-time address of _DYNAMIC.
 */
static unsigned long load_bias(const Elf64_Phdr *phdr, unsigned long phnum)
{
	for (unsigned long i = 0; i < phnum; i++) {
		if (phdr[i].p_type == PT_PHDR)
			return (unsigned long)phdr - phdr[i].p_vaddr;
		if (phdr[i].p_type == PT_DYNAMIC && _DYNAMIC)
			return (unsigned long)_DYNAMIC - phdr[i].p_vaddr;
	}
	return 0;
}

/* Is @addr inside a PT_LOAD segment whose flags include all of @flags? */
static int in_load_segment(const Elf64_Phdr *phdr, unsigned long phnum,
			   unsigned long addr, unsigned int flags)
{
	unsigned long bias = load_bias(phdr, phnum);

	for (unsigned long i = 0; i < phnum; i++) {
		unsigned long start = bias + phdr[i].p_vaddr;

		if (phdr[i].p_type == PT_LOAD &&
		    (phdr[i].p_flags & flags) == flags &&
		    addr >= start && addr < start + phdr[i].p_memsz)
			return 1;
	}
	return 0;
}

static void check_args(int argc, char **argv, char **envp)
{
	const char *base;

	CHECK(1, argc == 4);
	CHECK(2, argv[0] != NULL);
	base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	CHECK(3, strncmp(base, "argv_check", 10) == 0);
	CHECK(4, strcmp(argv[1], "one") == 0);
	CHECK(5, strcmp(argv[2], "two") == 0);
	CHECK(6, strcmp(argv[3], "three") == 0);
	CHECK(7, argv[4] == NULL);
	CHECK(8, envp == argv + argc + 1);	/* the ABI's layout */
	CHECK(9, envp[0] != NULL && strcmp(envp[0], "DISSECT=1") == 0);
	CHECK(10, envp[1] == NULL);
}

static void check_auxv(void)
{
	const Elf64_Phdr *phdr = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long phnum = getauxval(AT_PHNUM);
	const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
	unsigned char any = 0;

	CHECK(20, getauxval(AT_PAGESZ) == 4096);
	CHECK(21, phdr != NULL);
	CHECK(22, phnum > 0 && phnum < 64);
	CHECK(23, getauxval(AT_PHENT) == sizeof(Elf64_Phdr));
	CHECK(24, in_load_segment(phdr, phnum, (unsigned long)phdr, PF_R));
	CHECK(25, getauxval(AT_ENTRY) == (unsigned long)_start);
	CHECK(26, in_load_segment(phdr, phnum, (unsigned long)_start, PF_R | PF_X));
	CHECK(27, random != NULL);
	for (int i = 0; i < 16; i++)
		any |= random[i];
	CHECK(28, any != 0);		/* 16 zero bytes: not random */
	CHECK(29, getauxval(AT_UID) == getuid());
	CHECK(30, getauxval(AT_EUID) == geteuid());
	CHECK(31, getauxval(AT_GID) == getgid());
	CHECK(32, getauxval(AT_EGID) == getegid());
}

int main(int argc, char **argv, char **envp)
{
	check_args(argc, argv, envp);
	check_auxv();
	printf("argv_check: argc %d, argv, envp and auxv ok (entry %#lx, "
	       "%lu phdrs at %#lx, load bias %#lx)\n", argc,
	       getauxval(AT_ENTRY), getauxval(AT_PHNUM), getauxval(AT_PHDR),
	       load_bias((const Elf64_Phdr *)getauxval(AT_PHDR), getauxval(AT_PHNUM)));
	return 0;
}
