// SPDX-License-Identifier: GPL-2.0
/* glob_match, which ktest.filter uses. */
#include <ktest.h>
#include <glob.h>

static const struct {
	const char *pat, *str;
	bool match;
} glob_table[] = {
	{ "buddy", "buddy", true },
	{ "buddy", "buddies", false },
	{ "bud*", "buddy", true },
	{ "*", "", true },
	{ "*y", "buddy", true },
	{ "*x", "buddy", false },
	{ "b?ddy", "buddy", true },
	{ "b?ddy", "bddy", false },
	{ "*mem*", "memblock", true },
	{ "*mem*", "split_mem_range", true },
	{ "a*b*c", "aXXbYYc", true },
	{ "a*b*c", "aXXbYY", false },
	{ "[a-c]x", "bx", true },
	{ "[!a-c]x", "bx", false },
	{ "[!a-c]x", "dx", true },
	{ "*.*", "suite.case", true },
	{ "", "x", false },
};

static void glob_match_table(struct ktest *test)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(glob_table); i++)
		if (glob_match(glob_table[i].pat, glob_table[i].str) != glob_table[i].match)
			KTEST_FAIL(test, "glob_match(\"%s\", \"%s\") != %d", glob_table[i].pat,
				   glob_table[i].str, glob_table[i].match);
}

static struct ktest_case glob_cases[] = {
	KTEST_CASE(glob_match_table),
	{}
};

static struct ktest_suite glob_suite = {
	.name = "glob",
	.test_cases = glob_cases,
};
ktest_suite(glob_suite);
