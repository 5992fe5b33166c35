/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fork_rounds: 200 rounds of fork, exit and wait from a parent holding
 * 256 written pages, with up to four children alive at once; every fifth
 * child forks a grandchild of its own.  Each child writes part of the
 * pages and checks what it sees; its exit status is its round number, so
 * the parent knows which child it reaped.  At the end the parent's 256
 * pages must be exactly as it wrote them.
 */
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE		4096UL
#define NPAGES		256UL
#define ROUNDS		200
#define ALIVE		4

static volatile unsigned long *pages;

static unsigned long *word(unsigned long i)
{
	return (unsigned long *)&pages[i * PAGE / sizeof(long) + (i * 7) % 512];
}

/* A child's life: write some pages, check all, maybe fork once more. */
static int child(int round)
{
	unsigned long mark = 0xc0de0000UL + round;

	for (unsigned long i = round % 8; i < NPAGES; i += 8)
		*word(i) = mark;
	if (round % 5 == 0) {
		pid_t g = fork();
		int status;

		if (g == 0) {
			for (unsigned long i = 0; i < NPAGES; i += 3)
				*word(i) = ~mark;
			_exit(0);
		}
		if (g < 0 || waitpid(g, &status, 0) != g || status != 0)
			return 250;
	}
	for (unsigned long i = 0; i < NPAGES; i++)
		if (*word(i) != (i % 8 == (unsigned long)round % 8 ? mark : i))
			return 251;
	return round % 200;
}

int main(void)
{
	pid_t alive[ALIVE] = { 0 };
	int round_of[ALIVE] = { 0 };
	int status, reaped = 0;

	pages = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(1, pages != MAP_FAILED);
	for (unsigned long i = 0; i < NPAGES; i++)
		*word(i) = i;

	for (int round = 0; round < ROUNDS; round++) {
		int slot = round % ALIVE;

		if (alive[slot]) {		/* the oldest of the four */
			CHECK(2, waitpid(alive[slot], &status, 0) == alive[slot]);
			CHECK(3, WIFEXITED(status) && WEXITSTATUS(status) == round_of[slot]);
			reaped++;
		}
		alive[slot] = fork();
		CHECK(4, alive[slot] >= 0);
		if (alive[slot] == 0)
			_exit(child(round));
		round_of[slot] = round;
		*word(round % NPAGES) = round % NPAGES;	/* the parent writes as well */
	}
	for (int slot = 0; slot < ALIVE; slot++) {
		CHECK(5, waitpid(alive[slot], &status, 0) == alive[slot]);
		CHECK(6, WIFEXITED(status) && WEXITSTATUS(status) == round_of[slot]);
		reaped++;
	}
	CHECK(7, reaped == ROUNDS);
	CHECK(8, waitpid(-1, &status, WNOHANG) == -1);	/* no child left: ECHILD */
	for (unsigned long i = 0; i < NPAGES; i++)
		CHECK(9, *word(i) == i);
	printf("fork_rounds: %d rounds, parent's %lu pages intact\n", ROUNDS, NPAGES);
	return 0;
}
