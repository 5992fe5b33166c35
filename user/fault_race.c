/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fault_race: threads of one process fault on the same pages at once.
 *
 * A fault holds mmap_lock only for reading and the kernel is preemptible,
 * so a fault may be switched away from between looking at a pte and
 * setting it, while another thread faults on the same pte.  The kernel
 * must look again before it sets the pte (Linux: pte_same() under the
 * page-table lock), or the second fault's page replaces the first's: a
 * write is lost and a page leaks.
 *
 * Each round maps a fresh area and every thread writes its own word of
 * every page, all in the same order.  The area takes longer to fault in
 * than a time slice, so the tick preempts the thread that runs first in
 * the middle of its faults, and the next one, running over the pages
 * already there, reaches the page it was faulting on:
 *
 *   private, first touch by a write       do_anonymous_page
 *   private, read by all first            the zero page, then do_wp_page
 *   shared (a shmem file), first touch    do_fault -> shmem_fault
 *
 * After each round, every word must hold what its thread wrote.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define NTHREADS	4
#define PAGES		8192		/* 32 MiB: longer to fault in than a time slice */
#define ROUNDS		2
#define PAGE		4096

enum kind { WRITE_FIRST, READ_FIRST, SHARED, NR_KINDS };

static pthread_barrier_t barrier;
static volatile uint64_t *area;
static enum kind kind;
static int round_nr;

static uint64_t value(int round, long id)
{
	return ((uint64_t)round << 8 | (uint64_t)id) + 1;
}

static void *worker(void *arg)
{
	long id = (long)arg;
	uint64_t sum = 0;

	for (int r = 0; r < ROUNDS * NR_KINDS; r++) {
		pthread_barrier_wait(&barrier);		/* main has mapped the area */
		if (kind == READ_FIRST) {
			for (int p = 0; p < PAGES; p++)
				sum += area[p * PAGE / 8 + id];
			pthread_barrier_wait(&barrier);
		}
		for (int p = 0; p < PAGES; p++)
			area[p * PAGE / 8 + id] = value(round_nr, id);
		pthread_barrier_wait(&barrier);		/* main checks */
	}
	return (void *)(uintptr_t)sum;
}

/* One round of @k: map, let the workers write, check every word, unmap. */
static void run_round(enum kind k, int r)
{
	int flags = (k == SHARED ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS;
	void *map = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, flags, -1, 0);

	CHECK(2, map != MAP_FAILED);
	area = map;
	kind = k;
	round_nr = r;
	pthread_barrier_wait(&barrier);
	if (k == READ_FIRST)
		pthread_barrier_wait(&barrier);
	pthread_barrier_wait(&barrier);
	for (int p = 0; p < PAGES; p++)
		for (long id = 0; id < NTHREADS; id++)
			CHECK(3 + k, area[p * PAGE / 8 + id] == value(r, id));
	CHECK(6, munmap(map, PAGES * PAGE) == 0);
}

int main(void)
{
	pthread_t t[NTHREADS];
	void *ret;

	CHECK(1, pthread_barrier_init(&barrier, NULL, NTHREADS + 1) == 0);
	for (long i = 0; i < NTHREADS; i++)
		CHECK(1, pthread_create(&t[i], NULL, worker, (void *)i) == 0);
	for (int r = 0; r < ROUNDS; r++)
		for (int k = 0; k < NR_KINDS; k++)
			run_round(k, r);
	for (long i = 0; i < NTHREADS; i++) {
		CHECK(7, pthread_join(t[i], &ret) == 0);
		CHECK(8, ret == 0);			/* the reads saw zeroes */
	}
	printf("fault_race: %d threads, %d rounds of %d pages: no write lost\n",
	       NTHREADS, ROUNDS * NR_KINDS, PAGES);
	return 0;
}
