// SPDX-License-Identifier: GPL-2.0
/*
 * The programs built into the kernel image (include/builtin_programs.h);
 * the table itself is generated, in $(BUILD)/user/programs.S.
 */
#include <builtin_programs.h>
#include <string.h>

const struct builtin_program *find_builtin_program(const char *name)
{
	for (int i = 0; i < nr_builtin_programs; i++)
		if (strcmp(builtin_programs[i].name, name) == 0)
			return &builtin_programs[i];
	return NULL;
}
