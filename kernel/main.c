// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the generic part of booting (Linux: init/main.c).
 * startup_64 (boot/head_64.asm) calls it on the init stack with the boot
 * page tables loaded and interrupts off.
 */
#include <kernel.h>
#include <ktest.h>
#include <memblock.h>
#include <mm.h>
#include <moduleparam.h>
#include <reboot.h>
#include <sched.h>
#include <slab.h>
#include <asm/init.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <jiffies.h>
#include <binfmts.h>

#define DISSECT_VERSION "0.1"

static const char linux_banner[] =
	"dissect version " DISSECT_VERSION " (gcc " __VERSION__ ") "
	"-- a teaching kernel that follows Linux's memory management\n";

/*
 * mm_core_init: the buddy allocator takes over from memblock, then the
 * slab caches start (kmalloc's, then mm_struct's and vm_area_struct's).
 */
static void mm_core_init(void)
{
	mem_init();
	free_initmem();
	kmem_cache_init();
	proc_caches_init();
}

static const char *execute_command = "hello";	/* "init=PROGRAM" */

static int init_setup(char *val)
{
	if (!val || !*val)
		return -1;
	execute_command = val;
	return 0;
}
__setup("init", init_setup);

/*
 * kernel_init - pid 1: run the self-tests, or become the init program
 * (Linux: init/main.c, the same name).  A successful exec returns 0 and
 * ret_from_fork takes pid 1 to user mode; when it exits, the machine
 * powers off with its status.
 */
static int kernel_init(void *unused)
{
	int ret;

	if (ktest_enabled)
		machine_exit(ktest_run_all() ? EXIT_KTEST_FAIL : EXIT_KTEST_PASS, 0);
	pr_notice("Run %s as init process\n", execute_command);
	argv_init[0] = execute_command;
	ret = kernel_execve(execute_command, argv_init, envp_init);
	if (!ret)
		return 0;
	panic("Requested init %s failed (error %d).", execute_command, ret);
}

/* rest_init - start pid 1, then become the idle task (pid 0). */
static void __noreturn rest_init(void)
{
	if (kernel_thread(kernel_init, NULL, "init", 0) != 1)
		panic("rest_init: kernel_init did not get pid 1");
	cpu_idle();
}

void __noreturn start_kernel(unsigned int magic, unsigned long mbi_phys)
{
	char *command_line;

	serial_init();
	trap_init();			/* from here on, faults are reported */
	printk(KERN_NOTICE "%s", linux_banner);
	setup_arch(&command_line, magic, mbi_phys);
	parse_args();
	mm_core_init();
	sched_init();
	init_IRQ();
	time_init();
	local_irq_enable();
	rest_init();
}
