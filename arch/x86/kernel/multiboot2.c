// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the multiboot2 boot information (Multiboot2 specification,
 * section 3.6).  It is a fixed header followed by tags, each 8-byte
 * aligned:
 *
 *   u32 total_size | u32 reserved | tag | tag | ... | end tag (type 0)
 *   tag: u32 type | u32 size (header included) | payload
 *
 * Nothing in it is trusted: every tag must lie inside total_size and
 * every string inside its tag, or the whole structure is refused.
 */
#include <kernel.h>
#include <errno.h>
#include <string.h>
#include <asm/bootparam.h>

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_BOOTLOADER	2
#define MB2_TAG_MODULE		3
#define MB2_TAG_MMAP		6

#define MB2_INFO_MAX_SIZE	(1U << 20)

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_module {
	struct mb2_tag tag;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	u32 entry_size;
	u32 entry_version;
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

/* Copy the string at @src (at most @len bytes, maybe unterminated). */
static void copy_tag_string(char *dst, size_t size, const char *src, size_t len)
{
	size_t n = strnlen(src, len);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int parse_mmap(const struct mb2_tag_mmap *t, struct e820_table *e820)
{
	const u8 *p = (const u8 *)(t + 1), *end = (const u8 *)t + t->tag.size;

	if (t->tag.size < sizeof(*t) || t->entry_size < sizeof(struct mb2_mmap_entry))
		return -EINVAL;
	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		if (e->len)
			e820__range_add(e820, e->addr, e->len, e->type);
	}
	e820__sort(e820);
	return 0;
}

static int parse_module(const struct mb2_tag_module *t, struct boot_params *bp)
{
	struct boot_module *m;

	if (t->tag.size < sizeof(*t) || t->mod_end < t->mod_start)
		return -EINVAL;
	if (bp->nr_modules == MAX_BOOT_MODULES) {
		pr_warn("multiboot2: more than %d modules; ignoring the rest\n",
			MAX_BOOT_MODULES);
		return 0;
	}
	m = &bp->modules[bp->nr_modules++];
	m->start = t->mod_start;
	m->end = t->mod_end;
	copy_tag_string(m->cmdline, sizeof(m->cmdline), t->cmdline,
			t->tag.size - sizeof(*t));
	return 0;
}

static int parse_tag(const struct mb2_tag *tag, struct boot_params *bp)
{
	const char *payload = (const char *)(tag + 1);
	size_t len = tag->size - sizeof(*tag);

	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		copy_tag_string(bp->cmdline, sizeof(bp->cmdline), payload, len);
		return 0;
	case MB2_TAG_BOOTLOADER:
		copy_tag_string(bp->bootloader_name, sizeof(bp->bootloader_name), payload, len);
		return 0;
	case MB2_TAG_MODULE:
		return parse_module((const void *)tag, bp);
	case MB2_TAG_MMAP:
		return parse_mmap((const void *)tag, &bp->e820);
	default:
		return 0;		/* tags we did not ask for */
	}
}

/**
 * multiboot2_parse - copy what dissect needs out of the boot information
 * @mbi: the structure, at an address the kernel can read
 * @bp: filled in (cleared first)
 *
 * Return: 0, or -EINVAL if the structure is malformed (sizes out of
 * bounds, no end tag, a bad memory map).  @bp is then incomplete.
 */
int multiboot2_parse(const void *mbi, struct boot_params *bp)
{
	u32 total = *(const u32 *)mbi;
	const u8 *p = (const u8 *)mbi + 8, *end = (const u8 *)mbi + total;

	memset(bp, 0, sizeof(*bp));
	if (total < 16 || total > MB2_INFO_MAX_SIZE)
		return -EINVAL;
	bp->mbi_size = total;
	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const void *)p;

		if (tag->size < sizeof(*tag) || tag->size > (u32)(end - p))
			return -EINVAL;
		if (tag->type == MB2_TAG_END)
			return 0;
		if (parse_tag(tag, bp))
			return -EINVAL;
		p += ALIGN(tag->size, 8);
	}
	return -EINVAL;				/* no end tag */
}
