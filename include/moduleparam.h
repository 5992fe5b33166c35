/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel command-line parameters.  __setup("name", fn) registers fn for
 * "name" or "name=value"; early_param() ones run in setup_arch(), before
 * memory is set up (e.g. "loglevel=").  Words the kernel does not know are
 * passed on to init, as Linux does: "a=b" in its environment, others (and
 * everything after "--") in its argv.
 */
#ifndef _MODULEPARAM_H
#define _MODULEPARAM_H

#include <types.h>
#include <compiler.h>

struct kernel_param {
	const char *name;
	int (*setup)(char *val);	/* val is NULL for a bare "name" */
	bool early;
};

#define __setup_param(str, fn, is_early)				\
	static const struct kernel_param __param_##fn			\
	__section("__param") __used __aligned(8) = { str, fn, is_early }

#define __setup(str, fn)	__setup_param(str, fn, false)
#define early_param(str, fn)	__setup_param(str, fn, true)

#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

extern char boot_command_line[];
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ENVS + 2];

void parse_early_param(void);
void parse_args(void);

#endif /* _MODULEPARAM_H */
