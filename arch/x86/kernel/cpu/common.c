// SPDX-License-Identifier: GPL-2.0
/*
 * The GDT and TSS of the (only) CPU, laid out as in Linux (asm/segment.h).
 * In long mode segments are flat; the GDT still says which code runs in
 * ring 0 or 3 and in 64-bit mode, and the TSS holds the stacks the CPU
 * switches to on entry from user mode (sp0) and for double faults (ist).
 */
#include <kernel.h>
#include <string.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/segment.h>

#define DF_STACK_SIZE	8192
#define IST_INDEX_DF	1	/* TSS ist[0]: the double-fault stack */

static u64 gdt_table[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS]		= 0x00cf9b000000ffffUL,
	[GDT_ENTRY_KERNEL_CS]		= 0x00af9b000000ffffUL,	/* L=1 */
	[GDT_ENTRY_KERNEL_DS]		= 0x00cf93000000ffffUL,
	[GDT_ENTRY_DEFAULT_USER32_CS]	= 0x00cffb000000ffffUL,	/* DPL 3 */
	[GDT_ENTRY_DEFAULT_USER_DS]	= 0x00cff3000000ffffUL,
	[GDT_ENTRY_DEFAULT_USER_CS]	= 0x00affb000000ffffUL,	/* DPL 3, L=1 */
};

struct x86_hw_tss cpu_tss __aligned(16);
static char df_stack[DF_STACK_SIZE] __aligned(16);

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

/* A 16-byte system descriptor for the TSS in slots 8 and 9. */
static void set_tss_desc(u64 *slot, unsigned long base, unsigned long limit)
{
	slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		  (0x89UL << 40) |			/* present, 64-bit TSS */
		  (((limit >> 16) & 0xf) << 48) |
		  (((base >> 24) & 0xff) << 56);
	slot[1] = base >> 32;
}

/* Load the GDT and reload every segment register from it. */
static void load_gdt_and_segments(void)
{
	struct desc_ptr gdt = { sizeof(gdt_table) - 1, (u64)gdt_table };

	asm volatile("lgdt %0\n\t"
		     "pushq %1\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "movl %2, %%eax\n\t"
		     "movl %%eax, %%ds\n\t"
		     "movl %%eax, %%es\n\t"
		     "movl %%eax, %%ss\n\t"
		     : : "m"(gdt), "i"(__KERNEL_CS), "i"(__KERNEL_DS) : "rax", "memory");
}

void load_sp0(unsigned long sp0)
{
	cpu_tss.sp0 = sp0;
}

/**
 * cpu_init - install this CPU's GDT and TSS
 *
 * Afterwards the boot GDT in .init.data is no longer used.
 */
void cpu_init(void)
{
	set_tss_desc(&gdt_table[GDT_ENTRY_TSS], (unsigned long)&cpu_tss,
		     sizeof(cpu_tss) - 1);
	cpu_tss.ist[IST_INDEX_DF - 1] = (u64)(df_stack + DF_STACK_SIZE);
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);	/* no I/O bitmap */
	load_gdt_and_segments();
	asm volatile("ltr %w0" : : "r"(GDT_ENTRY_TSS_SEL));
}

extern char entry_SYSCALL_64[];

/*
 * syscall_init - where the SYSCALL instruction goes (Linux: the same name)
 *
 * STAR holds two selector bases: SYSCALL loads CS from bits 47..32
 * (__KERNEL_CS, SS = +8); SYSRET loads CS from bits 63..48 + 16
 * (__USER32_CS + 16 = __USER_CS, SS = +8 = __USER_DS).  LSTAR is the
 * 64-bit entry point; the flags in SYSCALL_MASK are cleared on entry
 * (interrupts off until the kernel stack is set up; no single-stepping,
 * direction flag clear, no user access).
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF |
				X86_EFLAGS_AC | X86_EFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * setup_smep_smap - forbid the kernel to run user code (SMEP) or touch
 * user memory outside copy_to/from_user's STAC..CLAC window (SMAP).
 */
void setup_smep_smap(void)
{
	unsigned long cr4 = __read_cr4();

	if (boot_cpu_has(X86_FEATURE_SMEP))
		cr4 |= X86_CR4_SMEP;
	if (boot_cpu_has(X86_FEATURE_SMAP))
		cr4 |= X86_CR4_SMAP;
	__write_cr4(cr4);
}
