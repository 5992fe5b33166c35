// SPDX-License-Identifier: GPL-2.0
/*
 * Random bytes (Linux: drivers/char/random.c, in name only).
 *
 * There is no entropy pool: this is xorshift64* stirred with the TSC,
 * different for every call and every boot but repeatable under QEMU's
 * -icount.  It serves AT_RANDOM (libc seeds its stack protector and
 * pointer guard from it), getrandom() and /dev/urandom.  Good for
 * reproducible runs, useless against an attacker.
 */
#include <kernel.h>
#include <errno.h>
#include <preempt.h>
#include <random.h>
#include <string.h>
#include <syscalls.h>
#include <asm/msr.h>
#include <asm/uaccess.h>

void get_random_bytes(void *buf, size_t len)
{
	static u64 state;
	u8 *out = buf;

	preempt_disable();
	state ^= rdtsc();
	if (!state)
		state = 0x9e3779b97f4a7c15ULL;
	while (len) {
		u64 x;
		size_t n = min(len, sizeof(x));

		state ^= state >> 12;
		state ^= state << 25;
		state ^= state >> 27;
		x = state * 0x2545f4914f6cdd1dULL;
		memcpy(out, &x, n);
		out += n;
		len -= n;
	}
	preempt_enable();
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

/* getrandom - @count random bytes into @buf (the pool is never "not ready"). */
SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int, flags)
{
	char chunk[64];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	count = min_t(size_t, count, 0x7fffffff);
	while (done < count) {
		size_t n = min(sizeof(chunk), count - done);

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
