// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch: from what the boot loader left us to a kernel with its own
 * page tables (Linux: arch/x86/kernel/setup.c).
 *
 *   read the multiboot2 information     -> boot_params, e820_table
 *   e820__memblock_setup()               -> memblock knows the RAM
 *   reserve what is in use               -> first MiB, kernel, boot info, modules
 *   init_mem_mapping()                   -> swapper_pg_dir, CR3 switched
 *   paging_init()                        -> mem_map
 *
 * Linux's setup_arch takes only the command-line pointer; dissect also
 * takes the multiboot2 magic and information address that startup_64
 * passes to start_kernel.
 */
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <moduleparam.h>
#include <string.h>
#include <asm/bootparam.h>
#include <asm/desc.h>
#include <asm/init.h>
#include <asm/processor.h>

#define ISA_END_ADDRESS		0x100000
#define BOOT_TABLES_REACH	SZ_1G	/* what the early page tables map */

struct boot_params boot_params;

/* Copy the boot information out; everything after relies on it. */
static void parse_boot_info(unsigned int magic, unsigned long mbi_phys)
{
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		panic("setup_arch: bad multiboot2 magic %#x", magic);
	if (mbi_phys + 8 > BOOT_TABLES_REACH)
		panic("setup_arch: boot information at %#lx, above the first GiB", mbi_phys);
	if (multiboot2_parse(__va(mbi_phys), &boot_params))
		panic("setup_arch: malformed multiboot2 information at %#lx", mbi_phys);
	if (mbi_phys + boot_params.mbi_size > BOOT_TABLES_REACH)
		panic("setup_arch: boot information crosses the first GiB");
	boot_params.mbi_phys = mbi_phys;
	e820_table = boot_params.e820;
	strscpy(boot_command_line, boot_params.cmdline, COMMAND_LINE_SIZE);
}

/* Keep memblock away from memory that is already in use. */
static void reserve_boot_memory(void)
{
	extern char _text[], _end[], __head_start[], __head_end[];

	memblock_reserve(0, ISA_END_ADDRESS);	/* BIOS data, VGA, option ROMs */
	memblock_reserve((unsigned long)__head_start, __head_end - __head_start);
	memblock_reserve(__pa_symbol(_text), __pa_symbol(_end) - __pa_symbol(_text));
	memblock_reserve(boot_params.mbi_phys, boot_params.mbi_size);
	for (u32 i = 0; i < boot_params.nr_modules; i++) {
		struct boot_module *m = &boot_params.modules[i];

		memblock_reserve(m->start & PAGE_MASK, PAGE_ALIGN(m->end) - (m->start & PAGE_MASK));
	}
}

static void print_boot_info(void)
{
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table(&e820_table, "BIOS-e820");
	pr_info("Boot loader: %s\n", boot_params.bootloader_name);
	pr_notice("Command line: %s\n", boot_command_line);
	for (u32 i = 0; i < boot_params.nr_modules; i++)
		pr_info("Module %u: [mem %#010llx-%#010llx] %s\n", i,
			boot_params.modules[i].start, boot_params.modules[i].end - 1,
			boot_params.modules[i].cmdline);
}

void setup_arch(char **cmdline_p, unsigned int magic, unsigned long mbi_phys)
{
	parse_boot_info(magic, mbi_phys);
	parse_early_param();
	identify_boot_cpu();
	setup_smep_smap();
	print_boot_info();
	*cmdline_p = boot_command_line;

	e820__memblock_setup();
	max_pfn = e820__end_of_ram_pfn();
	reserve_boot_memory();
	memblock_set_current_limit(BOOT_TABLES_REACH);
	init_mem_mapping();
	paging_init();
}
