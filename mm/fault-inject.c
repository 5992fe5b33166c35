// SPDX-License-Identifier: GPL-2.0
#include <gfp.h>
#include <fault-inject.h>

unsigned long fail_nth;
unsigned long fail_nth_injected;

/* True if this allocation is the one chosen to fail. */
bool should_fail_alloc(gfp_t gfp)
{
	if (!fail_nth || (gfp & __GFP_NOFAIL_INJECT))
		return false;
	if (--fail_nth)
		return false;
	fail_nth_injected++;
	return true;
}
