// SPDX-License-Identifier: GPL-2.0
/* Parsing the kernel command line; see include/moduleparam.h. */
#include <kernel.h>
#include <moduleparam.h>
#include <string.h>
#include <ctype.h>
#include <asm/bootparam.h>

extern const struct kernel_param __start___param[], __stop___param[];

char boot_command_line[COMMAND_LINE_SIZE];
static char param_buf[2][COMMAND_LINE_SIZE];	/* words point into these */

const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };

static const struct kernel_param *find_param(const char *name)
{
	const struct kernel_param *p;

	for (p = __start___param; p < __stop___param; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

/*
 * next_arg - split the next word off *@s: "name", "name=value" or
 * name="value with spaces".  Returns the word's name, sets *@val to the
 * value or NULL; NULL at the end of the line.
 */
static char *next_arg(char **s, char **val)
{
	char *p = *s, *name;
	bool quoted = false;

	while (isspace(*p))
		p++;
	if (!*p)
		return NULL;
	name = p;
	*val = NULL;
	for (; *p && (quoted || !isspace(*p)); p++) {
		if (*p == '"') {
			quoted = !quoted;
			memmove(p, p + 1, strlen(p));
			p--;
		} else if (*p == '=' && !*val) {
			*p = '\0';
			*val = p + 1;
		}
	}
	if (*p)
		*p++ = '\0';
	*s = p;
	return name;
}

static void add_init_word(const char **list, int max, const char *word)
{
	int n = 0;

	while (list[n])
		n++;
	if (n < max) {
		list[n] = word;
		list[n + 1] = NULL;
	} else {
		pr_warn("Too many boot %s vars at `%s'\n",
			list == argv_init ? "init" : "env", word);
	}
}

/* Run the handlers of one pass (early or not); return unknown-word count. */
static int parse_pass(bool early, char *line)
{
	char *name, *val;
	int unknown = 0;

	while ((name = next_arg(&line, &val))) {
		const struct kernel_param *p;

		if (!strcmp(name, "--")) {
			if (!early)
				while ((name = next_arg(&line, &val)))
					add_init_word(argv_init, MAX_INIT_ARGS, name);
			break;
		}
		p = find_param(name);
		if (p) {
			if (p->early == early && p->setup(val))
				pr_warn("Malformed early option '%s'\n", name);
			continue;
		}
		if (early)
			continue;
		unknown++;
		if (val) {
			val[-1] = '=';
			add_init_word(envp_init, MAX_INIT_ENVS, name);
		} else {
			add_init_word(argv_init, MAX_INIT_ARGS, name);
		}
	}
	return unknown;
}

void parse_early_param(void)
{
	strscpy(param_buf[0], boot_command_line, sizeof(param_buf[0]));
	parse_pass(true, param_buf[0]);
}

void parse_args(void)
{
	strscpy(param_buf[1], boot_command_line, sizeof(param_buf[1]));
	if (parse_pass(false, param_buf[1]))
		pr_notice("Unknown kernel command line parameters were passed to init\n");
}

static int __init_loglevel(char *val)
{
	int level;

	if (!val || kstrtoint(val, 10, &level))
		return -1;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", __init_loglevel);

static int __init_quiet(char *val)
{
	console_loglevel = 4;		/* KERN_WARNING and worse */
	return 0;
}
early_param("quiet", __init_quiet);
