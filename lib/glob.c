// SPDX-License-Identifier: GPL-2.0
#include <glob.h>

/* Does the class starting after '[' at *@pat contain @c?  Advances *@pat past ']'. */
static bool match_class(const char **pat, char c)
{
	const char *p = *pat;
	bool inverted = (*p == '!' || *p == '^'), found = false;

	if (inverted)
		p++;
	do {
		char lo = *p, hi = lo;

		if (!lo)
			return false;
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hi = p[2];
			p += 2;
		}
		found |= (lo <= c && c <= hi);
	} while (*++p != ']');
	*pat = p + 1;
	return found != inverted;
}

/*
 * glob_match - iterative matcher: on a mismatch after a '*', retry with
 * the '*' swallowing one more character (the usual backtracking point).
 */
bool glob_match(const char *pat, const char *str)
{
	const char *back_pat = NULL, *back_str = NULL;

	for (;;) {
		char c = *str, d = *pat;

		if (d == '*') {
			back_pat = ++pat;
			back_str = str;
			continue;
		}
		if (c && (d == '?' || d == c)) {
			pat++;
			str++;
			continue;
		}
		if (c && d == '[') {
			const char *p = pat + 1;

			if (match_class(&p, c)) {
				pat = p;
				str++;
				continue;
			}
		}
		if (!c && !d)
			return true;
		if (!back_pat || !*back_str)
			return false;
		pat = back_pat;
		str = ++back_str;
	}
}
