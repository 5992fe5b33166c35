// SPDX-License-Identifier: GPL-2.0
/*
 * The wall clock at boot, from the PC's CMOS real-time clock (Linux:
 * arch/x86/kernel/rtc.c, drivers/rtc/rtc-mc146818-lib.c).  CLOCK_REALTIME
 * is this plus the time since boot.
 */
#include <kernel.h>
#include <asm/io.h>

#define RTC_PORT_INDEX	0x70
#define RTC_PORT_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b
#define RTC_UIP		0x80	/* update in progress */
#define RTC_DM_BINARY	0x04
#define RTC_24H		0x02

extern u64 boot_time_ns;

static unsigned int cmos_read(unsigned int reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days since 1970-01-01 for a Gregorian date (Linux: mktime64()). */
static u64 days_since_epoch(unsigned int year, unsigned int mon, unsigned int day)
{
	if (mon <= 2) {			/* count March as the first month */
		mon += 12;
		year--;
	}
	return (u64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) +
	       (u64)year * 365 - 719499;
}

/* rtc_init - read the RTC once (between updates) into boot_time_ns. */
void rtc_init(void)
{
	unsigned int sec, min, hour, day, mon, year, b;

	while (cmos_read(RTC_REG_A) & RTC_UIP)
		;
	sec = cmos_read(RTC_SECONDS);
	min = cmos_read(RTC_MINUTES);
	hour = cmos_read(RTC_HOURS);
	day = cmos_read(RTC_DAY);
	mon = cmos_read(RTC_MONTH);
	year = cmos_read(RTC_YEAR);
	b = cmos_read(RTC_REG_B);
	if (!(b & RTC_DM_BINARY)) {
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (hour & 0x80);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
	}
	if (!(b & RTC_24H) && (hour & 0x80))
		hour = ((hour & 0x7f) % 12) + 12;
	year += 2000;
	boot_time_ns = (((days_since_epoch(year, mon, day) * 24 + hour) * 60 + min) * 60 + sec)
		       * 1000000000ULL;
	pr_info("rtc: %04u-%02u-%02u %02u:%02u:%02u UTC\n", year, mon, day, hour, min, sec);
}
