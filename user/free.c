/* SPDX-License-Identifier: GPL-2.0 */
/*
 * free: how memory is used, from /proc/meminfo.
 *
 *	free [-k | -m]		(KiB, the default; or MiB)
 *
 *	               total        used        free      shared  buff/cache   available
 *	Mem:          253012       10488      240108           0        2416      241524
 *	Swap:              0           0           0
 *
 * /proc/meminfo's "Key:   N kB" lines give MemTotal, MemFree, Buffers,
 * Cached, SReclaimable, Shmem, MemAvailable, SwapTotal and SwapFree; one
 * that is missing counts as 0.  As procps computes them: buff/cache is
 * Buffers + Cached + SReclaimable, shared is Shmem.  used is total - free
 * - buff/cache (procps before 4.0; 4.0 shows total - available).
 * available is MemAvailable, or MemFree if there is no such line.  The
 * Swap line is printed only if meminfo has SwapTotal.
 */
#include <stdio.h>
#include <string.h>

enum { TOTAL, FREE, BUFFERS, CACHED, SRECLAIMABLE, SHMEM, AVAILABLE,
       SWAP_TOTAL, SWAP_FREE, NKEYS };

static const char *const keys[NKEYS] = {
	[TOTAL] = "MemTotal", [FREE] = "MemFree", [BUFFERS] = "Buffers",
	[CACHED] = "Cached", [SRECLAIMABLE] = "SReclaimable",
	[SHMEM] = "Shmem", [AVAILABLE] = "MemAvailable",
	[SWAP_TOTAL] = "SwapTotal", [SWAP_FREE] = "SwapFree",
};

static unsigned long long val[NKEYS];	/* KiB */
static int have[NKEYS];

/* Read /proc/meminfo into val[] and have[]; 0, or -1 if it cannot. */
static int read_meminfo(void)
{
	char line[256], key[64];
	unsigned long long n;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63[^:]: %llu", key, &n) != 2)
			continue;
		for (int i = 0; i < NKEYS; i++) {
			if (strcmp(key, keys[i]) == 0) {
				val[i] = n;
				have[i] = 1;
			}
		}
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long cache, used, avail, div = 1;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "-k") && strcmp(argv[1], "-m"))) {
		fprintf(stderr, "usage: free [-k | -m]\n");
		return 1;
	}
	if (argc == 2 && strcmp(argv[1], "-m") == 0)
		div = 1024;
	if (read_meminfo() < 0) {
		perror("free: /proc/meminfo");
		return 1;
	}
	cache = val[BUFFERS] + val[CACHED] + val[SRECLAIMABLE];
	used = val[TOTAL] > val[FREE] ? val[TOTAL] - val[FREE] : 0;
	if (used >= cache)
		used -= cache;		/* else total - free, as procps does */
	avail = have[AVAILABLE] ? val[AVAILABLE] : val[FREE];

	printf("%-8s%12s%12s%12s%12s%12s%12s\n", "", "total", "used", "free",
	       "shared", "buff/cache", "available");
	printf("%-8s%12llu%12llu%12llu%12llu%12llu%12llu\n", "Mem:",
	       val[TOTAL] / div, used / div, val[FREE] / div, val[SHMEM] / div,
	       cache / div, avail / div);
	if (have[SWAP_TOTAL])
		printf("%-8s%12llu%12llu%12llu\n", "Swap:", val[SWAP_TOTAL] / div,
		       (val[SWAP_TOTAL] - val[SWAP_FREE]) / div, val[SWAP_FREE] / div);
	return fflush(stdout) != 0 || ferror(stdout);
}
