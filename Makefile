# SPDX-License-Identifier: GPL-2.0
#
# dissect: build the kernel, its ISO, and run or test it in QEMU.
#
#   make run            boot in QEMU, serial console on this terminal
#   make test           host checks + in-kernel KTAP suites + GDB check
#   make debug          QEMU stopped with its GDB stub, GDB attached
#   make run MEM=512M   guest RAM (default 256M)
#   make run ICOUNT=1   deterministic instruction-counted time
#   make run INIT=prog ARGS="a b"   run a static program as pid 1
#   make bench          benchmarks on dissect (guest instructions)
#   make bench-linux    forkbench on dissect and on Debian's Linux, side by side
#
# Each source directory lists its objects in a Kbuild fragment
# ("obj-y += foo.o"); this file collects them.

MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

BUILD	?= build
MEM	?= 256M
ICOUNT	?= 0
CMDLINE	?=

CC	:= gcc
LD	:= ld
NM	:= nm
NASM	:= nasm
PYTHON	:= python3

# --- kernel objects: one Kbuild fragment per directory -------------------
KBUILD_DIRS := boot arch/x86/entry arch/x86/kernel arch/x86/mm arch/x86/lib kernel mm fs fs/proc drivers/tty drivers/char init lib \
	       tests/lib tests/kernel tests/mm tests/arch tests/fs tests/bench

KERNEL_OBJS :=
define add_kbuild_dir
obj-y :=
include $(1)/Kbuild
KERNEL_OBJS += $$(addprefix $(BUILD)/$(1)/,$$(obj-y))
endef
$(foreach d,$(KBUILD_DIRS),$(eval $(call add_kbuild_dir,$(d))))

KERNEL_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/x86/include \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -mno-sse -mno-mmx \
	-mno-80387 -fno-pic -fno-pie -fno-stack-protector -fcf-protection=none \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fno-strict-aliasing -fno-common -fno-asynchronous-unwind-tables \
	-fno-delete-null-pointer-checks \
	-Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	-Wstrict-prototypes -Werror -MMD -MP
NASMFLAGS := -f elf64 -g -F dwarf -I. -MD
LDFLAGS_KERNEL := -n -nostdlib -z max-page-size=0x1000 -z noexecstack \
	--no-warn-rwx-segments -T linker.ld

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	@$(NASM) $(NASMFLAGS) $(@:.o=.d) $< -o $@

$(BUILD)/%.o: $(BUILD)/%.S
	@$(CC) -c $< -o $@

-include $(KERNEL_OBJS:.o=.d)

# --- user programs, embedded as $(USER_PROGRAMS_OBJ): before $(KERNEL) needs it
include user/Makefile.user

# --- the kernel: two link passes, like kallsyms ---------------------------
# Pass 1 links with an empty symbol table; its symbols become the table of
# pass 2.  The table sits last in the image, so nothing else moves; the
# build checks that.
KERNEL := $(BUILD)/dissect.elf

$(BUILD)/kallsyms0.S:
	@mkdir -p $(BUILD)
	@$(PYTHON) scripts/kallsyms.py < /dev/null > $@

$(KERNEL): $(KERNEL_OBJS) $(USER_PROGRAMS_OBJ) $(BUILD)/kallsyms0.o linker.ld scripts/kallsyms.py
	@echo "  LD      $@ (pass 1)"
	@$(LD) $(LDFLAGS_KERNEL) -o $(BUILD)/.tmp_dissect1 $(KERNEL_OBJS) $(USER_PROGRAMS_OBJ) $(BUILD)/kallsyms0.o
	@$(NM) -n $(BUILD)/.tmp_dissect1 | $(PYTHON) scripts/kallsyms.py > $(BUILD)/kallsyms1.S
	@$(CC) -c $(BUILD)/kallsyms1.S -o $(BUILD)/kallsyms1.o
	@echo "  LD      $@ (pass 2)"
	@$(LD) $(LDFLAGS_KERNEL) -o $@ $(KERNEL_OBJS) $(USER_PROGRAMS_OBJ) $(BUILD)/kallsyms1.o
	@$(NM) -n $(BUILD)/.tmp_dissect1 | grep -v -e ' kallsyms_' -e ' _end$$' > $(BUILD)/.syms1
	@$(NM) -n $@ | grep -v -e ' kallsyms_' -e ' _end$$' > $(BUILD)/.syms2
	@cmp -s $(BUILD)/.syms1 $(BUILD)/.syms2 || \
		{ echo "kallsyms: symbols moved between link passes"; rm -f $@; exit 1; }

kernel: $(KERNEL)

# --- ISO images ------------------------------------------------------------
# iso/ is the staging tree of the image `make run` boots; tests stage their
# own under build/.  The kernel command line is baked into grub.cfg.
GRUB_MKRESCUE_FLAGS := -d /usr/lib/grub/i386-pc --locales= --fonts= --themes= \
	--install-modules="multiboot2 normal configfile iso9660 biosdisk part_msdos echo serial terminal"

# $(call make_iso,staging-dir,iso-file,cmdline,initrd)
define make_iso
	@mkdir -p $(1)/boot/grub
	@cp $(KERNEL) $(1)/boot/dissect.elf
	@cp $(4) $(1)/boot/initrd.cpio
	@sed -e 's|@CMDLINE@|$(3)|' boot/grub.cfg.in > $(1)/boot/grub/grub.cfg
	@grub-mkrescue $(GRUB_MKRESCUE_FLAGS) -o $(2) $(1) > $(BUILD)/grub-mkrescue.log 2>&1 || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }
endef

# --- the initrd: a cpio archive GRUB loads as a module ----------------------
# /bin holds every program of user/; rootfs/ is copied in as it is (add
# files there); make run INIT=path/to/prog adds that program too, as
# /bin/NAME, and runs it as pid 1 with ARGS.
INIT	?=
ARGS	?=
ROOTFS_FILES := $(shell find rootfs -type f -o -type l 2>/dev/null)
INITRD := $(BUILD)/initrd.cpio
TEST_INITRD := $(BUILD)/test/initrd.cpio

# $(call make_initrd,archive,extra mkcpio options)
define make_initrd
	@mkdir -p $(dir $(1))
	@echo "  CPIO    $(1)"
	@$(PYTHON) scripts/mkcpio.py $(1) --dir rootfs \
		$(foreach b,$(USER_BINS),--file bin/$(notdir $(b))=$(b)) $(2)
endef

$(BUILD)/.init: FORCE
	@mkdir -p $(BUILD)
	@echo '$(INIT)' | cmp -s - $@ || echo '$(INIT)' > $@

$(INITRD): $(USER_BINS) $(ROOTFS_FILES) scripts/mkcpio.py $(BUILD)/.init $(INIT)
	$(call make_initrd,$@,$(if $(INIT),--file bin/$(notdir $(INIT))=$(INIT):0755))

$(TEST_INITRD): $(USER_BINS) $(ROOTFS_FILES) scripts/mkcpio.py
	$(call make_initrd,$@,)

initrd: $(INITRD)

# The kernel command line of make run: init=/bin/NAME -- ARGS for INIT.
RUN_CMDLINE = $(strip $(if $(INIT),init=/bin/$(notdir $(INIT))) $(CMDLINE) \
	      $(if $(INIT),$(if $(ARGS),-- $(ARGS))))

ISO := $(BUILD)/dissect.iso
$(BUILD)/.cmdline: FORCE
	@mkdir -p $(BUILD)
	@echo '$(RUN_CMDLINE)' | cmp -s - $@ || echo '$(RUN_CMDLINE)' > $@

$(ISO): $(KERNEL) $(INITRD) boot/grub.cfg.in $(BUILD)/.cmdline
	@echo "  ISO     $@"
	$(call make_iso,iso,$@,$(RUN_CMDLINE),$(INITRD))

iso: $(ISO)

# --- running ---------------------------------------------------------------
QEMU := qemu-system-x86_64
QEMU_FLAGS = -machine pc -cpu max -m $(MEM) -smp 1 -no-reboot \
	-display none -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	$(if $(filter 1,$(ICOUNT)),-icount shift=0)

setup:
	@scripts/setup.sh

run: setup
	@$(MAKE) --no-print-directory $(ISO)
	@scripts/run.sh $(ISO) $(QEMU_FLAGS) -serial mon:stdio

# The fork/COW story told live: forkdemo as init, with the mm trace on.
demo: setup
	@$(MAKE) --no-print-directory run CMDLINE="init=forkdemo mmtrace"

debug: setup
	@$(MAKE) --no-print-directory $(ISO)
	@scripts/debug.sh $(ISO) $(QEMU_FLAGS)

# --- tests -------------------------------------------------------------------
include tests/host/Makefile.host
include tests/host/Makefile.lib

# Test images: all suites at 256M; the memory suites again at 5G (RAM above
# 4 GiB, the PCI hole, 1 GiB pages); a plain kernel for the GDB check.
KTEST_MM_FILTER := multiboot2,memblock,buddy,split_mem_range,direct_map
TEST_CMDLINE_ktest := ktest
TEST_CMDLINE_ktest-mm := ktest ktest.filter=$(KTEST_MM_FILTER)
TEST_CMDLINE_ktest-selftest := ktest ktest.filter=ktest_selftest
TEST_CMDLINE_gdb := init=hello
TEST_CMDLINE_shell :=
TEST_CMDLINE_bench := ktest slub_debug=- ktest.filter=bench_*
TEST_ISOS := $(foreach t,ktest ktest-mm ktest-selftest gdb shell,$(BUILD)/test/dissect-$(t).iso)

$(BUILD)/test/dissect-%.iso: $(KERNEL) $(TEST_INITRD) boot/grub.cfg.in
	@echo "  ISO     $@"
	$(call make_iso,$(BUILD)/test/iso-$*,$@,$(TEST_CMDLINE_$*),$(TEST_INITRD))

test: setup
	@$(MAKE) --no-print-directory $(TEST_ISOS) host-build
	@$(PYTHON) scripts/run_tests.py --build $(BUILD)

host-build: $(HOST_TEST_BINS)

# --- benchmarks (not tests): exact guest instruction counts --------------------
# The in-kernel ones (tests/bench), then forkbench (user/forkbench.c) as init.
bench: setup
	@$(MAKE) --no-print-directory $(BUILD)/test/dissect-bench.iso
	@echo "dissect benchmarks, in guest instructions (-icount shift=0):"
	@scripts/run.sh $(BUILD)/test/dissect-bench.iso $(QEMU_FLAGS) -icount shift=0 \
		-serial file:$(BUILD)/test/bench.log; \
		grep -E '^ +# [a-z_]+: ' $(BUILD)/test/bench.log | sed -e 's/^ *# //'
	@rm -f $(FORKBENCH_DISSECT_LOG)
	@$(MAKE) --no-print-directory $(FORKBENCH_DISSECT_LOG)
	@tr -d '\r' < $(FORKBENCH_DISSECT_LOG) | grep '^forkbench: '

# --- forkbench on dissect and on Debian's Linux, side by side -----------------
# The same static binary: as init of dissect (its own ISO, TEST_CMDLINE_forkbench)
# and as /init of Debian's kernel (scripts/bench_linux.sh), both -icount shift=0.
TEST_CMDLINE_forkbench := init=forkbench
FORKBENCH_DISSECT_LOG := $(BUILD)/test/forkbench-dissect.log

$(FORKBENCH_DISSECT_LOG): $(BUILD)/test/dissect-forkbench.iso
	@echo "  BENCH   forkbench on dissect"
	@scripts/run.sh $< $(QEMU_FLAGS) -icount shift=0 -serial file:$@.tmp
	@mv $@.tmp $@

bench-linux: setup
	@$(MAKE) --no-print-directory $(BUILD)/user/forkbench $(FORKBENCH_DISSECT_LOG)
	@BUILD=$(BUILD) scripts/bench_linux.sh $(BUILD)/user/forkbench \
		$(FORKBENCH_DISSECT_LOG) $(QEMU_FLAGS) -icount shift=0

clean:
	rm -rf $(BUILD) iso/boot/dissect.elf iso/boot/grub/grub.cfg

.PHONY: kernel iso initrd run demo debug test bench bench-linux setup clean host-build FORCE
