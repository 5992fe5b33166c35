/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection: make the Nth allocation from now fail, to prove that
 * every failure path unwinds (Linux: lib/fault-inject.c and the per-task
 * /proc/self/fail-nth).  fail_nth == 0 means off; it counts page and slab
 * allocations alike, and the allocation that brings it from 1 to 0 fails.
 */
#ifndef _FAULT_INJECT_H
#define _FAULT_INJECT_H

#include <types.h>

extern unsigned long fail_nth;
extern unsigned long fail_nth_injected;	/* failures injected so far */

bool should_fail_alloc(gfp_t gfp);

#endif /* _FAULT_INJECT_H */
