// SPDX-License-Identifier: GPL-2.0
/* Parsing multiboot2 boot information: good blobs and malformed ones. */
#include <ktest.h>
#include <errno.h>
#include <string.h>
#include <asm/bootparam.h>

static u8 blob[1024] __aligned(8);
static size_t blob_len;
static struct boot_params bp;

static void blob_start(void)
{
	memset(blob, 0, sizeof(blob));
	blob_len = 8;
}

static void *blob_tag(u32 type, u32 size)
{
	u32 *t = (u32 *)(blob + blob_len);

	t[0] = type;
	t[1] = size;
	blob_len += (size + 7) & ~7UL;
	return t;
}

static void blob_string_tag(u32 type, const char *s)
{
	char *t = blob_tag(type, 8 + strlen(s) + 1);

	strcpy(t + 8, s);
}

static void blob_mmap(const u64 (*e)[3], int n)
{
	u32 *t = blob_tag(6, 16 + 24 * n);

	t[2] = 24;		/* entry_size */
	t[3] = 0;		/* entry_version */
	for (int i = 0; i < n; i++) {
		u64 *ent = (u64 *)((u8 *)t + 16 + 24 * i);

		ent[0] = e[i][0];
		ent[1] = e[i][1];
		ent[2] = e[i][2];	/* type, and the zero word */
	}
}

static void blob_end(void)
{
	blob_tag(0, 8);
	*(u32 *)blob = blob_len;
}

static const u64 qemu_map[][3] = {		/* given out of order on purpose */
	{ 0x100000, 0xfee0000, 1 },
	{ 0x0, 0x9fc00, 1 },
	{ 0x9fc00, 0x400, 2 },
	{ 0xfffc0000, 0x40000, 2 },
};

static void multiboot2_parses_all_tags(struct ktest *test)
{
	u32 *mod;

	blob_start();
	blob_string_tag(1, "ktest loglevel=7");
	blob_string_tag(2, "GRUB 2.06");
	mod = blob_tag(3, 16 + 7);
	mod[2] = 0x200000;
	mod[3] = 0x201234;
	strcpy((char *)&mod[4], "initrd");
	blob_mmap(qemu_map, 4);
	blob_tag(21, 12);		/* a tag we did not ask for: ignored */
	blob_end();

	KTEST_ASSERT_EQ(test, multiboot2_parse(blob, &bp), 0);
	KTEST_EXPECT_STREQ(test, bp.cmdline, "ktest loglevel=7");
	KTEST_EXPECT_STREQ(test, bp.bootloader_name, "GRUB 2.06");
	KTEST_EXPECT_EQ(test, bp.mbi_size, blob_len);
	KTEST_ASSERT_EQ(test, bp.nr_modules, 1);
	KTEST_EXPECT_UEQ(test, bp.modules[0].start, 0x200000);
	KTEST_EXPECT_UEQ(test, bp.modules[0].end, 0x201234);
	KTEST_EXPECT_STREQ(test, bp.modules[0].cmdline, "initrd");
	KTEST_ASSERT_EQ(test, bp.e820.nr_entries, 4);
	/* sorted by address */
	KTEST_EXPECT_UEQ(test, bp.e820.entries[0].addr, 0);
	KTEST_EXPECT_UEQ(test, bp.e820.entries[0].size, 0x9fc00);
	KTEST_EXPECT_EQ(test, bp.e820.entries[1].type, E820_TYPE_RESERVED);
	KTEST_EXPECT_UEQ(test, bp.e820.entries[2].addr, 0x100000);
	KTEST_EXPECT_UEQ(test, bp.e820.entries[3].addr, 0xfffc0000);
}

static void multiboot2_e820_lines_as_linux(struct ktest *test)
{
	struct e820_entry usable = { 0x0, 0x9fc00, E820_TYPE_RAM };
	struct e820_entry acpi = { 0x7ffe0000, 0x20000, E820_TYPE_ACPI };
	struct e820_entry high = { 0x100000000ULL, 0x40000000, E820_TYPE_RAM };
	char line[80];

	e820__snprint_entry(line, sizeof(line), &usable);
	KTEST_EXPECT_STREQ(test, line, "[mem 0x0000000000000000-0x000000000009fbff] usable");
	e820__snprint_entry(line, sizeof(line), &acpi);
	KTEST_EXPECT_STREQ(test, line, "[mem 0x000000007ffe0000-0x000000007fffffff] ACPI data");
	e820__snprint_entry(line, sizeof(line), &high);
	KTEST_EXPECT_STREQ(test, line, "[mem 0x0000000100000000-0x000000013fffffff] usable");
}

static void multiboot2_rejects_malformed(struct ktest *test)
{
	u32 *t;

	blob_start();				/* total size too small */
	*(u32 *)blob = 8;
	KTEST_EXPECT_EQ(test, multiboot2_parse(blob, &bp), -EINVAL);

	blob_start();				/* no end tag */
	blob_string_tag(1, "x");
	*(u32 *)blob = blob_len;
	KTEST_EXPECT_EQ(test, multiboot2_parse(blob, &bp), -EINVAL);

	blob_start();				/* a tag running past the end */
	t = blob_tag(1, 8 + 4);
	blob_end();
	t[1] = 4096;
	KTEST_EXPECT_EQ(test, multiboot2_parse(blob, &bp), -EINVAL);

	blob_start();				/* a tag shorter than its header */
	t = blob_tag(2, 8);
	blob_end();
	t[1] = 4;
	KTEST_EXPECT_EQ(test, multiboot2_parse(blob, &bp), -EINVAL);

	blob_start();				/* memory-map entries too small */
	t = blob_tag(6, 16 + 24);
	t[2] = 8;
	blob_end();
	KTEST_EXPECT_EQ(test, multiboot2_parse(blob, &bp), -EINVAL);

	blob_start();				/* a module that ends before it starts */
	t = blob_tag(3, 17);
	t[2] = 0x5000;
	t[3] = 0x4000;
	blob_end();
	KTEST_EXPECT_EQ(test, multiboot2_parse(blob, &bp), -EINVAL);
}

/* An unterminated string stays inside its tag. */
static void multiboot2_unterminated_string(struct ktest *test)
{
	char *t;

	blob_start();
	t = blob_tag(1, 8 + 5);
	memcpy(t + 8, "abcdeXYZ", 8);		/* no NUL within the tag's 5 bytes */
	blob_end();
	KTEST_ASSERT_EQ(test, multiboot2_parse(blob, &bp), 0);
	KTEST_EXPECT_STREQ(test, bp.cmdline, "abcde");
}

static struct ktest_case multiboot2_cases[] = {
	KTEST_CASE(multiboot2_parses_all_tags),
	KTEST_CASE(multiboot2_e820_lines_as_linux),
	KTEST_CASE(multiboot2_rejects_malformed),
	KTEST_CASE(multiboot2_unterminated_string),
	{}
};

static struct ktest_suite multiboot2_suite = {
	.name = "multiboot2",
	.test_cases = multiboot2_cases,
};
ktest_suite(multiboot2_suite);
