// SPDX-License-Identifier: GPL-2.0
/*
 * Time: the 8253/8254 PIT raises IRQ 0 HZ times a second (jiffies), and
 * the TSC, calibrated against the PIT at boot, gives nanoseconds.  Under
 * "make run ICOUNT=1" QEMU counts one TSC tick per instruction, so every
 * figure measured with ktime_get_ns() is deterministic.
 */
#include <kernel.h>
#include <jiffies.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/msr.h>

#define PIT_TICK_RATE	1193182		/* Hz of the PIT's input clock */
#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_MODE	0x43
#define PIT_GATE	0x61		/* bit 0: channel 2 gate, bit 5: output */
#define CALIBRATE_MS	10

static u64 tsc_khz;
static u64 tsc_at_boot;

static void timer_interrupt(unsigned int irq, struct pt_regs *regs)
{
	tick_periodic();
}

/* setup_pit_timer: channel 0, mode 2 (rate generator), HZ interrupts/s. */
static void setup_pit_timer(void)
{
	unsigned int latch = (PIT_TICK_RATE + HZ / 2) / HZ;

	outb(0x34, PIT_MODE);
	outb(latch & 0xff, PIT_CH0);
	outb(latch >> 8, PIT_CH0);
}

/*
 * pit_calibrate_tsc: count TSC ticks while PIT channel 2 counts down
 * CALIBRATE_MS milliseconds (Linux: pit_calibrate_tsc()).
 */
static u64 pit_calibrate_tsc(void)
{
	unsigned int latch = PIT_TICK_RATE / (1000 / CALIBRATE_MS);
	u64 t1, t2;

	outb((inb(PIT_GATE) & ~0x02) | 0x01, PIT_GATE);	/* gate on, speaker off */
	outb(0xb0, PIT_MODE);		/* channel 2, mode 0, binary */
	outb(latch & 0xff, PIT_CH2);
	outb(latch >> 8, PIT_CH2);
	t1 = rdtsc();
	while (!(inb(PIT_GATE) & 0x20))
		;
	t2 = rdtsc();
	return (t2 - t1) / CALIBRATE_MS;
}

u64 ktime_get_ns(void)
{
	u64 delta = rdtsc() - tsc_at_boot;

	/* delta * 1e6 / tsc_khz without overflowing for years of uptime */
	return (delta / tsc_khz) * 1000000 + (delta % tsc_khz) * 1000000 / tsc_khz;
}

void rtc_init(void);

void time_init(void)
{
	rtc_init();
	tsc_khz = pit_calibrate_tsc();
	if (!tsc_khz)
		tsc_khz = 1;
	tsc_at_boot = rdtsc();
	setup_pit_timer();
	if (request_irq(0, timer_interrupt, "timer"))
		panic("time_init: cannot get IRQ 0");
	pr_info("tsc: Detected %llu.%03llu MHz processor, HZ=%d\n",
		tsc_khz / 1000, tsc_khz % 1000, HZ);
}
