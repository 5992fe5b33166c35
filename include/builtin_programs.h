/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user programs built into the kernel image.
 *
 * There is no file system yet, so the build embeds every program of user/
 * (static x86-64 Linux executables, built with musl) in .rodata:
 * scripts/embed_programs.py writes $(BUILD)/user/programs.S, which makes
 * the table below.  Each image is the whole ELF file, page-aligned, ready
 * for load_elf_binary() (struct linux_binprm's buf and size).
 *
 * builtin_expected_txt is user/expected.txt, NUL-terminated: one line per
 * program saying how it must end ("NAME exit N" or "NAME signal S") and
 * with which arguments and environment; the format is described at the
 * top of that file.
 */
#ifndef _BUILTIN_PROGRAMS_H
#define _BUILTIN_PROGRAMS_H

/**
 * struct builtin_program - one embedded executable
 * @name: the program's name, e.g. "hello" or "argv_check-pie"
 * @data: the ELF file
 * @size: its length in bytes
 */
struct builtin_program {
	const char *name;
	const void *data;
	unsigned long size;
};

extern const struct builtin_program builtin_programs[];
extern const int nr_builtin_programs;
extern const char builtin_expected_txt[];

/**
 * find_builtin_program - look a program up by name
 * Return: its entry in builtin_programs[], or NULL if there is none.
 */
const struct builtin_program *find_builtin_program(const char *name);

#endif /* _BUILTIN_PROGRAMS_H */
