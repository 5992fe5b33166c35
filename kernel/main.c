// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the generic part of booting (Linux: init/main.c).
 * startup_64 (boot/head_64.asm) calls it on the init stack with the boot
 * page tables loaded and interrupts off.
 */
#include <kernel.h>
#include <errno.h>
#include <ktest.h>
#include <memblock.h>
#include <mm.h>
#include <moduleparam.h>
#include <reboot.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <asm/init.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/serial.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <jiffies.h>
#include <binfmts.h>
#include <fdtable.h>
#include <fs.h>
#include <tty.h>

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

/*
 * vfs_caches_init - the file system's caches and its first mounts:
 * shmem (behind MAP_SHARED anonymous memory), rootfs as "/", pipefs,
 * and the character devices (Linux: fs/dcache.c, the same name).
 */
static void vfs_caches_init(void)
{
	dcache_init();
	inode_cache_init();
	files_init();
	shmem_init();
	mnt_init();
	pipe_init();
	init_fs.root = (struct path){ root_mnt, dget(root_mnt->mnt_root) };
	init_fs.pwd = (struct path){ root_mnt, dget(root_mnt->mnt_root) };
	chr_dev_init();
}

/* The directories and device nodes every system has, made if the initrd lacks them. */
static const struct {
	const char *path;
	umode_t mode;
	dev_t dev;
} default_nodes[] = {
	{ "/dev", S_IFDIR | 0755 }, { "/proc", S_IFDIR | 0555 }, { "/tmp", S_IFDIR | 01777 },
	{ "/bin", S_IFDIR | 0755 }, { "/dev/console", S_IFCHR | 0600, MKDEV(5, 1) },
	{ "/dev/tty", S_IFCHR | 0666, MKDEV(5, 0) }, { "/dev/ttyS0", S_IFCHR | 0660, MKDEV(4, 64) },
	{ "/dev/null", S_IFCHR | 0666, MKDEV(1, 3) }, { "/dev/zero", S_IFCHR | 0666, MKDEV(1, 5) },
	{ "/dev/full", S_IFCHR | 0666, MKDEV(1, 7) }, { "/dev/random", S_IFCHR | 0666, MKDEV(1, 8) },
	{ "/dev/urandom", S_IFCHR | 0666, MKDEV(1, 9) },
};

/*
 * kernel_init_freeable - pid 1's set-up before it runs anything (Linux:
 * init/main.c): rootfs from the initrd, /dev and /proc, and the console
 * as file descriptors 0, 1 and 2 (console_on_rootfs).
 */
static void kernel_init_freeable(void)
{
	struct file *console;

	populate_rootfs();
	current->fs->umask = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(default_nodes); i++) {
		int err = vfs_create_path(default_nodes[i].path, default_nodes[i].mode,
					  default_nodes[i].dev, NULL);

		if (err && err != -EEXIST)
			pr_warn("kernel_init: cannot make %s: %d\n", default_nodes[i].path, err);
	}
	current->fs->umask = 0022;
	proc_root_init();
	tty_init();
	current->pgrp = current->session = 1;
	console_set_session(1);
	console = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(console)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int fd = 0; fd < 3; fd++) {
		int got = get_unused_fd_flags(0);

		if (got >= 0)
			fd_install(got, get_file(console));
	}
	fput(console);
}

static const char *execute_command = "/bin/init";	/* "init=PROGRAM" */

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

	kernel_init_freeable();
	if (ktest_enabled)
		machine_exit(ktest_run_all() ? EXIT_KTEST_FAIL : EXIT_KTEST_PASS, 0);
	pr_notice("Run %s as init process\n", execute_command);
	argv_init[0] = strrchr(execute_command, '/') ? strrchr(execute_command, '/') + 1 :
		       execute_command;
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
	vfs_caches_init();
	local_irq_enable();
	rest_init();
}
