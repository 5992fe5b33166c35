# SPDX-License-Identifier: GPL-2.0
#
# dissect's GDB commands: look at the kernel's memory-management state from
# outside, the way Linux's scripts/gdb (lx-*) commands do.
#
#   (gdb) source scripts/gdb/dissect.py
#   (gdb) dissect-help
#
#   dissect-pt ADDR       walk the page tables under the current CR3 for ADDR
#   dissect-meminfo       the buddy allocator's free blocks per order
#   dissect-dmesg [N]     the kernel log buffer (the last N lines)
#   dissect-vmas [-v] MM  an mm's areas from its red-black tree, as
#                         /proc/PID/maps prints them, and its counters
#   dissect-rbcheck MM    validate_mm() from outside: list, tree, colours,
#                         black height, rb_subtree_gap, map_count
#   dissect-ps            every task on task_list, like ps
#   dissect-regs [PID]    a task's saved user registers (its pt_regs)
#   dissect-cow [--mm MM] ADDR
#                         what a write to ADDR would do now: no fault,
#                         first touch, copy-on-write copy or reuse, SIGSEGV
#   $dissect_phys(ADDR)   convenience function: ADDR's physical address
#
# The file has three layers:
#
#   1. constants: the kernel's memory layout and page-table entry bits,
#      copied from arch/x86/include/asm/page.h and pgtable.h; vm_flags
#      bits from include/mm.h;
#   2. helpers: reading virtual and physical memory, control registers,
#      kernel symbols, decoding entries, and walk() - the page-table walk as
#      data, for any command that needs a translation; reading structures
#      through the kernel's debug information (container_of), and
#      snapshots of an mm_struct (Mm), its areas (Area) and its tree
#      (read_vma_tree) for the commands that look at address spaces;
#      tasks (Task, read_tasks, current_task_addr), the system-call names
#      (parsed from the source tree's syscall_64.h when this file is
#      loaded), and write_fault() - the write-fault decision as data;
#   3. commands: one DissectCommand subclass each.
#
# Adding a command (dissect-vmas, dissect-ps, ...):
#
#   class DissectFoo(DissectCommand):
#       """One-line summary, shown by dissect-help.
#
#   Usage: dissect-foo ARG
#
#   Longer help, shown by "help dissect-foo"."""
#       name = "dissect-foo"
#
#       def run(self, arg, from_tty):
#           task = lookup_variable("init_task")
#           ...
#
#   DissectFoo()
#
# run() raises DissectError for anything the user should read as a plain
# message (no Python traceback); gdb.error and gdb.MemoryError are turned
# into such messages too.
#
# Kernel symbols used (keep their names and types stable, or update this
# file): init_mm (.pgd), swapper_pg_dir, early_pgd, _text, _end,
# __head_start, __head_end, zone_normal (static in mm/page_alloc.c: name,
# managed_pages, free_pages, free_area[MAX_ORDER] {free_list, nr_free}),
# log_buf, log_next.  Types (include/mm_types.h, include/rbtree.h):
# struct mm_struct (mmap, mm_rb.rb_node, mmap_base, highest_vm_end,
# mm_users, mm_count, map_count, total_vm, start_brk, brk, start_stack,
# rss_stat[NR_MM_COUNTERS].counter), struct vm_area_struct (vm_start,
# vm_end, vm_next, vm_prev, vm_rb, rb_subtree_gap, vm_mm, vm_flags,
# vm_ops, vm_pgoff, vm_file), struct vm_operations_struct (name) and
# struct rb_node (__rb_parent_color, rb_right, rb_left).
# Tasks and faults (include/sched.h, asm/current.h, asm/ptrace.h, mm.h):
# task_list, init_task, pcpu_hot (.current_task), struct task_struct
# (thread.fsbase, state, exit_state, stack, flags, pid, tgid, comm, mm,
# active_mm, real_parent, tasks, nr_switches), struct pt_regs (its
# Linux-order fields; its size), mem_map, max_pfn, zero_page,
# mmap_min_addr, the enumerator PG_anon, struct page (flags,
# _mapcount.counter, _refcount.counter; its size), sys_call_table (only
# without the source tree), and the entry code's labels entry_SYSCALL_64,
# common_entry, ret_from_exception and ret_from_fork (dissect-regs tells
# how a task entered the kernel from the return address below its pt_regs).

import os
import re

import gdb

# --------------------------------------------------------------------------
# 1. Constants (arch/x86/include/asm/page.h, pgtable.h)
# --------------------------------------------------------------------------

PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_OFFSET = 0xFFFF888000000000  # the direct map: phys p is at PAGE_OFFSET + p
START_KERNEL_MAP = 0xFFFFFFFF80000000  # __START_KERNEL_map: the kernel image
PTE_PFN_MASK = 0x000FFFFFFFFFF000  # bits 51..12 of an entry
PTRS_PER_TABLE = 512

# Entry bits, in the order dissect-pt prints them.  (bit, name at pgd/pud/pmd,
# name at pte): bit 7 is PS ("page size") above the pte level and PAT in a pte.
_PAGE_PRESENT = 1 << 0
_PAGE_RW = 1 << 1
_PAGE_USER = 1 << 2
_PAGE_PSE = 1 << 7
_PAGE_NX = 1 << 63

PTE_FLAG_BITS = [
    (0, "P", "P"),  # present
    (1, "RW", "RW"),  # writable
    (2, "US", "US"),  # user-accessible
    (3, "PWT", "PWT"),  # write-through
    (4, "PCD", "PCD"),  # cache disabled
    (5, "A", "A"),  # accessed
    (6, "D", "D"),  # dirty (leaf entries)
    (7, "PS", "PAT"),  # page size (pud/pmd) / PAT (pte)
    (8, "G", "G"),  # global: kept in the TLB across CR3 loads
    (63, "NX", "NX"),  # no execute
]
# Software bits (ignored by the MMU) that dissect gives a meaning; printed
# only when set.  Later issues (copy-on-write, swap) add theirs here.
PTE_SOFTWARE_BITS = [
    (9, "SPECIAL"),  # _PAGE_SPECIAL: no struct page behind the pfn
]

# vm_flags bits (include/mm.h) with the two-letter names Linux's
# /proc/PID/smaps prints on its "VmFlags:" line.
VM_READ = 0x00000001
VM_WRITE = 0x00000002
VM_EXEC = 0x00000004
VM_SHARED = 0x00000008
VM_MAYSHARE = 0x00000080
VM_GROWSDOWN = 0x00000100
VM_FLAG_NAMES = [
    (VM_READ, "rd"), (VM_WRITE, "wr"), (VM_EXEC, "ex"), (VM_SHARED, "sh"),
    (0x00000010, "mr"), (0x00000020, "mw"), (0x00000040, "me"), (VM_MAYSHARE, "ms"),
    (VM_GROWSDOWN, "gd"), (0x00000400, "pf"), (0x00000800, "dw"), (0x00002000, "lo"),
    (0x00004000, "io"), (0x00008000, "sr"), (0x00010000, "rr"), (0x00020000, "dc"),
    (0x00040000, "de"), (0x00100000, "ac"), (0x00200000, "nr"), (0x00400000, "ht"),
    (0x04000000, "dd"), (0x10000000, "mm"),
]
STACK_GUARD_GAP = 256 << PAGE_SHIFT  # include/mm.h: the gap below a stack

# The rss_stat[] counters of an mm_struct (include/mm_types.h).
MM_FILEPAGES, MM_ANONPAGES, MM_SWAPENTS, MM_SHMEMPAGES = range(4)

# /proc/PID/maps: a name starts after column 72 (fs/proc/task_mmu.c,
# Linux's seq_setwidth(m, 25 + sizeof(void *) * 6 - 1)).
MAPS_NAME_COLUMN = 25 + 8 * 6 - 1

# struct rb_node's __rb_parent_color: the parent's address, the colour in
# bit 0 (include/rbtree.h); bit 1 is always clear.
RB_RED, RB_BLACK = 0, 1

CR0_PG = 1 << 31  # paging on
CR4_LA57 = 1 << 12  # 5-level paging (dissect uses 4 levels)

# Tasks (include/sched.h): ->state, ->exit_state and ->flags.
THREAD_SIZE = 16384  # a kernel stack; the user's struct pt_regs is at its top
TASK_RUNNING = 0x0000
TASK_INTERRUPTIBLE = 0x0001
TASK_UNINTERRUPTIBLE = 0x0002
EXIT_ZOMBIE = 0x0010  # in ->exit_state (and ->state) once it has exited
EXIT_DEAD = 0x0020  # in ->exit_state once reaped
TASK_DEAD = 0x0080
TASK_NEW = 0x0800
PF_KTHREAD = 0x00200000
PID_MAX = 32768  # more tasks than pids on task_list: a loop

# Segment selectors (arch/x86/include/asm/segment.h) and the RFLAGS bits
# GDB's "info registers" names.
KERNEL_CS, KERNEL_DS = 0x10, 0x18  # __KERNEL_CS, __KERNEL_DS
USER_DS, USER_CS = 0x2b, 0x33  # __USER_DS, __USER_CS (RPL 3)
RFLAGS_BITS = [(0, "CF"), (2, "PF"), (4, "AF"), (6, "ZF"), (7, "SF"), (8, "TF"),
               (9, "IF"), (10, "DF"), (11, "OF"), (14, "NT"), (16, "RF"), (18, "AC")]

# The user address space and its faults (arch/x86/include/asm/page.h,
# include/mm.h, mm/mmap.c, include/page-flags.h).
TASK_SIZE_MAX = (1 << 47) - PAGE_SIZE  # the first address a user may not touch
KERNEL_HALF = 0xFFFF800000000000  # canonical addresses from here on are the kernel's
VM_PFNMAP = 0x00000400  # raw page frames: vm_normal_page() gives NULL
_PAGE_SPECIAL = 1 << 9  # a pte with no struct page behind it (the zero page)
MMAP_MIN_ADDR = 65536  # mmap_min_addr's default, if the symbol is missing
STACK_RLIMIT = 8 << 20  # expand_stack()'s limit (mm/mmap.c)
PG_ANON_DEFAULT = 5  # enum pageflags: PG_anon, if the debug information lacks it


class Level:
    """One level of the 4-level x86-64 page tables."""

    def __init__(self, linux, intel, shift):
        self.linux = linux  # Linux's name: pgd, pud, pmd, pte
        self.intel = intel  # the Intel SDM's name: PML4, PDPT, PD, PT
        self.shift = shift  # the address bits this level indexes start here
        self.size = 1 << shift  # bytes one entry maps

    def index(self, vaddr):
        return (vaddr >> self.shift) & (PTRS_PER_TABLE - 1)

    @property
    def label(self):
        return "%s (%s)" % (self.linux, self.intel)


LEVELS = [
    Level("pgd", "PML4", 39),
    Level("pud", "PDPT", 30),
    Level("pmd", "PD", 21),
    Level("pte", "PT", 12),
]


def size_name(nbytes):
    """4096 -> "4K", 2 MiB -> "2M", 1 GiB -> "1G"."""
    for unit, suffix in ((1 << 30, "G"), (1 << 20, "M"), (1 << 10, "K")):
        if nbytes >= unit and nbytes % unit == 0:
            return "%d%s" % (nbytes // unit, suffix)
    return "%dB" % nbytes


# --------------------------------------------------------------------------
# 2. Helpers
# --------------------------------------------------------------------------


class DissectError(Exception):
    """An error to show the user as one plain line."""


def ensure_x86_64():
    """Use the 64-bit register layout before GDB connects to QEMU.

    QEMU starts the CPU in real mode; GDB must nevertheless talk to it with
    the x86-64 layout or the 32->64-bit switch breaks the session ("Remote
    'g' packet reply is too long").  Changing the architecture of a live
    connection is what breaks it, so only set it while not connected.
    """
    try:
        inferior = gdb.selected_inferior()
        connected = getattr(inferior, "connection", None) is not None
        if not connected and inferior.architecture().name() != "i386:x86-64":
            gdb.execute("set architecture i386:x86-64", to_string=True)
    except gdb.error:
        pass


def require_target():
    """Refuse to run on the ELF file alone: its memory is not the kernel's."""
    try:
        live = gdb.selected_thread() is not None
    except gdb.error:
        live = False
    if not live:
        raise DissectError("no running kernel: connect to QEMU first "
                           "(target remote :1234, or make debug)")


def to_int(value):
    """A gdb.Value (integer, pointer, array, function, flags) as a Python int,
    the way C would take its address or value."""
    code = value.type.strip_typedefs().code
    if code in (gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_ARRAY):
        return int(value.address)
    if code == gdb.TYPE_CODE_PTR:
        return int(value.cast(gdb.lookup_type("unsigned long")))
    return int(value) & 0xFFFFFFFFFFFFFFFF


def eval_address(expr):
    """Evaluate a user's expression ("start_kernel", "0xffff888000100000",
    "&init_mm", "init_mm.pgd") to an address."""
    expr = expr.strip()
    if not expr:
        raise DissectError("an address expression is needed")
    try:
        return to_int(gdb.parse_and_eval(expr))
    except gdb.error as e:
        raise DissectError("cannot evaluate '%s': %s" % (expr, e))


def lookup_variable(name):
    """A kernel variable, global or file-static (like zone_normal)."""
    sym = gdb.lookup_global_symbol(name)
    if sym is None:
        try:
            sym = gdb.lookup_static_symbol(name)
        except AttributeError:  # GDB < 10
            sym = None
    if sym is None:
        try:  # the expression evaluator also searches the current scope
            return gdb.parse_and_eval(name)
        except gdb.error:
            raise DissectError("no symbol '%s' in the kernel's symbols "
                               "(is build/dissect.elf loaded?)" % name)
    return sym.value()


def symbol_address(name):
    """The address of a kernel symbol, or None."""
    try:
        return int(gdb.parse_and_eval("(unsigned long)&%s" % name))
    except gdb.error:
        return None


def addr_to_symbol(addr):
    """"start_kernel" or "start_kernel+0x10" for an address, or None."""
    try:
        out = gdb.execute("info symbol 0x%x" % addr, to_string=True).strip()
    except gdb.error:
        return None
    m = re.match(r"^(\S+)(?: \+ (\d+))? in section", out)
    if not m:
        return None
    off = int(m.group(2) or 0)
    return m.group(1) + ("+%#x" % off if off else "")


def inferior():
    return gdb.selected_inferior()


def read_bytes(addr, size):
    """Read @size bytes at virtual address @addr under the current CR3."""
    try:
        return bytes(inferior().read_memory(addr, size))
    except gdb.MemoryError:
        raise
    except gdb.error as e:
        raise gdb.MemoryError(str(e))


def read_u64(addr):
    return int.from_bytes(read_bytes(addr, 8), "little")


def read_u32(addr):
    return int.from_bytes(read_bytes(addr, 4), "little")


# --- control registers -------------------------------------------------------

def _monitor(cmd):
    """Run a QEMU monitor (HMP) command through the gdbstub; its output."""
    return gdb.execute("monitor " + cmd, to_string=True)


def read_control_register(name):
    """CR0/CR3/CR4/EFER as an int, or None if the target cannot say.

    QEMU's x86-64 target description exposes cr0, cr2, cr3, cr4, cr8 and
    efer as registers ($cr3); if that is missing (another stub, an older
    QEMU), parse the "CR3=..." of "monitor info registers".
    """
    try:
        value = gdb.parse_and_eval("$" + name.lower())
        if value.type.code != gdb.TYPE_CODE_VOID:
            return int(value) & 0xFFFFFFFFFFFFFFFF
    except gdb.error:
        pass
    try:
        out = _monitor("info registers")
    except gdb.error:
        return None
    m = re.search(r"\b%s=([0-9a-fA-F]+)" % name.upper(), out)
    return int(m.group(1), 16) if m else None


def paging_enabled():
    cr0 = read_control_register("cr0")
    return cr0 is None or bool(cr0 & CR0_PG)


def kernel_pa(vaddr):
    """Linux's __pa(): kernel-image and direct-map addresses to physical."""
    if vaddr >= START_KERNEL_MAP:
        return vaddr - START_KERNEL_MAP
    if vaddr >= PAGE_OFFSET:
        return vaddr - PAGE_OFFSET
    raise DissectError("%#x is neither in the kernel image nor in the direct map"
                       % vaddr)


def current_pgd_phys():
    """(physical address of the pgd CR3 points at, where that came from)."""
    cr3 = read_control_register("cr3")
    if cr3 is not None:
        return cr3 & PTE_PFN_MASK, "CR3"
    try:  # no way to read CR3: assume the kernel's own tables are loaded
        return kernel_pa(to_int(lookup_variable("init_mm")["pgd"])), "init_mm.pgd (CR3 unreadable)"
    except (gdb.error, DissectError):
        raise DissectError("cannot read CR3, nor init_mm.pgd")


# --- physical memory -------------------------------------------------------

def _monitor_xp(paddr, size):
    """Read physical memory through QEMU's "xp" monitor command."""
    count = (size + 7) // 8
    try:
        out = _monitor("xp /%dgx %#x" % (count, paddr))
    except gdb.error as e:
        raise gdb.MemoryError("cannot read physical %#x: %s" % (paddr, e))
    words = []
    for line in out.splitlines():
        if ":" in line:
            words += [int(w, 16) for w in line.split(":", 1)[1].split()]
    if len(words) < count:
        raise gdb.MemoryError("cannot read physical %#x: %s" % (paddr, out.strip()))
    return b"".join(w.to_bytes(8, "little") for w in words[:count])[:size]


def phys_read(paddr, size):
    """Read @size bytes of physical memory at @paddr.

    With paging on, through the direct map (PAGE_OFFSET + paddr): all RAM
    once swapper_pg_dir is loaded, the first GiB under the boot tables.
    With paging off, virtual is physical.  If neither works (a hole in the
    direct map), ask QEMU's monitor for the physical memory itself.
    """
    try:
        if paging_enabled():
            return read_bytes(PAGE_OFFSET + paddr, size)
        return read_bytes(paddr, size)
    except gdb.MemoryError:
        return _monitor_xp(paddr, size)


def phys_read_u64(paddr):
    return int.from_bytes(phys_read(paddr, 8), "little")


def phys_to_symbol(paddr, head_in_use=False):
    """Name a physical address if a kernel symbol lives there.

    The image proper is linked at START_KERNEL_MAP + phys; the head (boot
    code and boot page tables) is linked at its physical address and only
    means something while the boot tables are in use: free_initmem() gives
    its pages away.
    """
    text, end = symbol_address("_text"), symbol_address("_end")
    if text is not None and end is not None and \
            kernel_pa(text) <= paddr < kernel_pa(end):
        return addr_to_symbol(paddr + START_KERNEL_MAP)
    head_start, head_end = symbol_address("__head_start"), symbol_address("__head_end")
    if head_in_use and head_start is not None and head_end is not None \
            and head_start <= paddr < head_end:
        return addr_to_symbol(paddr)
    return None


# --- page-table entries ------------------------------------------------------

def decode_flags(entry, level_name="pmd", columns=True):
    """The flag names of an entry.

    columns=True: every flag of PTE_FLAG_BITS in fixed columns, a clear flag
    shown as dashes ("P RW -- --- --- A D -- G --"), so entries line up;
    columns=False: only the set flags ("P RW A D G").  Set software bits
    are appended either way.
    """
    words = []
    for bit, name, pte_name in PTE_FLAG_BITS:
        label = pte_name if level_name == "pte" else name
        if entry & (1 << bit):
            words.append(label)
        elif columns:
            words.append("-" * len(label))
    for bit, name in PTE_SOFTWARE_BITS:
        if entry & (1 << bit):
            words.append(name)
    return " ".join(words)


class WalkStep:
    """One entry read during a walk."""

    def __init__(self, level, index, entry_paddr, entry):
        self.level = level  # a Level
        self.index = index  # the entry's index in its table
        self.entry_paddr = entry_paddr  # where the entry itself is
        self.entry = entry  # its 64-bit value
        self.present = bool(entry & _PAGE_PRESENT)
        self.leaf = False  # maps the page itself (PS, or a pte)
        self.target = None  # physical address of the next table or the page


class Walk:
    """The result of walk(): the steps and, if mapped, the translation."""

    def __init__(self, vaddr, pgd_paddr):
        self.vaddr = vaddr
        self.pgd_paddr = pgd_paddr
        self.steps = []
        self.mapped = False
        self.page_size = None  # 4K, 2M or 1G, in bytes
        self.paddr = None  # the physical address of vaddr
        self.writable = self.user = self.executable = self.global_ = False
        self.error = None  # why the walk stopped early, if it did

    def fault_level(self):
        """The Linux level name where the walk stopped, or None."""
        return self.steps[-1].level.linux if self.steps and not self.mapped else None

    def permissions(self):
        """ "r-x kernel", "rw- user", ... as a page-fault handler sees it."""
        return "r%s%s %s" % ("w" if self.writable else "-",
                             "x" if self.executable else "-",
                             "user" if self.user else "kernel")


def is_canonical(vaddr):
    """Bits 63..48 must copy bit 47 (4-level paging)."""
    top = vaddr >> 47
    return top == 0 or top == (1 << 17) - 1


def walk(vaddr, pgd_paddr=None, read_entry=phys_read_u64):
    """Translate @vaddr through the 4-level tables at physical @pgd_paddr
    (default: the current CR3), as the MMU does.

    Permissions combine over the levels: writable only if RW is set at
    every level, user-accessible only if US is, executable unless NX is
    set at some level.  @read_entry(paddr) reads one 8-byte entry; pass
    another reader to walk tables in a saved image.
    """
    if pgd_paddr is None:
        pgd_paddr = current_pgd_phys()[0]
    w = Walk(vaddr, pgd_paddr)
    if not is_canonical(vaddr):
        w.error = "%#x is not canonical (bits 63..48 must copy bit 47)" % vaddr
        return w
    writable = user = True
    nx = False
    table = pgd_paddr
    for depth, level in enumerate(LEVELS):
        index = level.index(vaddr)
        entry_paddr = table + 8 * index
        entry = read_entry(entry_paddr)
        step = WalkStep(level, index, entry_paddr, entry)
        w.steps.append(step)
        if not step.present:
            w.error = "%s entry %d is not present" % (level.linux, index)
            return w
        writable = writable and bool(entry & _PAGE_RW)
        user = user and bool(entry & _PAGE_USER)
        nx = nx or bool(entry & _PAGE_NX)
        is_last = depth == len(LEVELS) - 1
        large = not is_last and bool(entry & _PAGE_PSE)
        if large and level.linux == "pgd":
            w.error = "PS is set in a pgd entry: reserved, the MMU faults"
            return w
        if is_last or large:
            # A leaf: the frame's address keeps only the bits above the page
            # size (bit 12 of a large-page entry is PAT, not address).
            step.leaf = True
            frame_mask = PTE_PFN_MASK & ~(level.size - 1)
            step.target = entry & frame_mask
            w.mapped = True
            w.page_size = level.size
            w.paddr = step.target | (vaddr & (level.size - 1))
            w.writable, w.user, w.executable = writable, user, not nx
            w.global_ = bool(entry & (1 << 8))
            return w
        step.target = entry & PTE_PFN_MASK
        table = step.target
    return w  # not reached


def virt_to_phys(vaddr, pgd_paddr=None):
    """The physical address of @vaddr, or None if it is not mapped."""
    w = walk(vaddr, pgd_paddr)
    return w.paddr if w.mapped else None


# --- structures, through the kernel's debug information ----------------------

def struct_type(name):
    """struct @name, as the kernel's debug information describes it."""
    try:
        return gdb.lookup_type("struct " + name)
    except gdb.error:
        raise DissectError("no type 'struct %s' in the kernel's debug information "
                           "(is build/dissect.elf loaded?)" % name)


def field_offset(type_, path):
    """offsetof(@type_, @path) in bytes; @path may name a nested member ("vm_rb.rb_left")."""
    offset = 0
    for name in path.split("."):
        try:
            field = type_.strip_typedefs()[name]
        except KeyError:
            raise DissectError("%s has no member '%s'" % (type_, name))
        offset += field.bitpos // 8
        type_ = field.type
    return offset


def container_of(addr, type_name, member):
    """Linux's container_of(): the struct @type_name whose @member is at @addr."""
    return addr - field_offset(struct_type(type_name), member)


def read_struct(addr, type_name):
    """The struct @type_name at @addr, as a gdb.Value read in one go: a bad
    address raises gdb.MemoryError here, not at some later field."""
    value = gdb.Value(addr).cast(struct_type(type_name).pointer()).dereference()
    value.fetch_lazy()
    return value


def eval_struct_pointer(expr, type_name, hints=None):
    """The address of a struct @type_name from a user's expression: a pointer
    to it (mm, vma->vm_mm), the struct itself (init_mm), or a plain number
    ($rdi, 0xffff888000123000).  @hints maps another struct's name to advice
    when the expression points to that instead."""
    expr = expr.strip()
    if not expr:
        raise DissectError("a struct %s expression is needed" % type_name)
    try:
        value = gdb.parse_and_eval(expr)
        t = value.type.strip_typedefs()
        if t.code == gdb.TYPE_CODE_STRUCT:
            if t.tag != type_name:
                raise DissectError("'%s' is a struct %s, not a struct %s"
                                   % (expr, t.tag, type_name))
            if value.address is None:
                raise DissectError("'%s' is not in memory" % expr)
            addr = to_int(value.address)
        elif t.code == gdb.TYPE_CODE_PTR:
            target = t.target().strip_typedefs()
            if target.code == gdb.TYPE_CODE_STRUCT and target.tag != type_name:
                hint = (hints or {}).get(target.tag)
                raise DissectError("'%s' points to a struct %s, not a struct %s%s"
                                   % (expr, target.tag, type_name,
                                      " (%s)" % (hint % expr) if hint else ""))
            addr = to_int(value)
        elif t.code in (gdb.TYPE_CODE_INT, gdb.TYPE_CODE_ENUM, gdb.TYPE_CODE_CHAR):
            addr = to_int(value)
        else:
            raise DissectError("'%s' is not a pointer to a struct %s" % (expr, type_name))
    except gdb.error as e:
        raise DissectError("cannot evaluate '%s': %s" % (expr, e))
    if addr == 0:
        raise DissectError("'%s' is NULL" % expr)
    return addr


# --- address spaces: mm_struct, vm_area_struct, the tree of areas ------------

MAX_AREAS = 1 << 17  # more areas than sysctl_max_map_count allows: a loop


def eval_mm(expr):
    """The address of the struct mm_struct a user's expression names."""
    return eval_struct_pointer(expr, "mm_struct",
                               {"vm_area_struct": "try %s->vm_mm",
                                "task_struct": "try %s->mm"})


class Mm:
    """A snapshot of the struct mm_struct at @addr: what the commands use."""

    def __init__(self, addr):
        v = read_struct(addr, "mm_struct")
        self.addr = addr
        self.mmap = to_int(v["mmap"])  # the first area on the list
        self.rb_root = to_int(v["mm_rb"]["rb_node"])  # the root node of the tree
        self.pgd = to_int(v["pgd"])
        for name in ("mmap_base", "highest_vm_end", "total_vm", "start_brk", "brk",
                     "start_stack"):
            setattr(self, name, to_int(v[name]))
        self.map_count = int(v["map_count"])
        self.mm_users = int(v["mm_users"]["counter"])
        self.mm_count = int(v["mm_count"]["counter"])
        stat = v["rss_stat"]
        n = stat.type.strip_typedefs().range()[1] + 1
        self.rss_stat = [int(stat[i]["counter"]) for i in range(n)]

    def counter(self, member):
        """get_mm_counter(): a counter, negative values read as 0."""
        return max(self.rss_stat[member], 0) if member < len(self.rss_stat) else 0

    def rss(self):
        """get_mm_rss(): resident pages, file + anonymous + shmem."""
        return sum(self.counter(m) for m in (MM_FILEPAGES, MM_ANONPAGES, MM_SHMEMPAGES))


class Area:
    """A snapshot of the struct vm_area_struct at @addr."""

    def __init__(self, addr):
        v = read_struct(addr, "vm_area_struct")
        self.addr = addr
        self.node = addr + field_offset(v.type, "vm_rb")  # &vma->vm_rb
        self.start = to_int(v["vm_start"])
        self.end = to_int(v["vm_end"])
        self.next = to_int(v["vm_next"])
        self.prev = to_int(v["vm_prev"])
        rb = v["vm_rb"]
        self.parent_color = to_int(rb["__rb_parent_color"])
        self.rb_left = to_int(rb["rb_left"])
        self.rb_right = to_int(rb["rb_right"])
        self.gap = to_int(v["rb_subtree_gap"])
        self.mm = to_int(v["vm_mm"])
        self.flags = to_int(v["vm_flags"])
        self.ops = to_int(v["vm_ops"])
        self.pgoff = to_int(v["vm_pgoff"])
        self.file = to_int(v["vm_file"])

    @property
    def rb_parent(self):
        """rb_parent(): the parent node's address (0 for the root)."""
        return self.parent_color & ~3

    @property
    def color(self):
        return self.parent_color & 1  # RB_RED or RB_BLACK

    @property
    def color_name(self):
        return "black" if self.color == RB_BLACK else "red"

    def start_gap(self):
        """vm_start_gap(): a stack's guard gap below it counts as taken."""
        start = self.start
        if self.flags & VM_GROWSDOWN:
            start = start - STACK_GUARD_GAP if start >= STACK_GUARD_GAP else 0
        return start

    def end_gap(self):
        """vm_end_gap(): x86 has no VM_GROWSUP, so just vm_end."""
        return self.end

    def span(self):
        """"[start-end)", as validate_mm() names an area."""
        return "[%x-%x)" % (self.start, self.end)


def vm_flags_names(flags):
    """smaps' "VmFlags:" mnemonics ("rd wr mr mw me ac"), unknown bits in hex."""
    words, known = [], 0
    for bit, name in VM_FLAG_NAMES:
        known |= bit
        if flags & bit:
            words.append(name)
    if flags & ~known:
        words.append("%#x" % (flags & ~known))
    return " ".join(words)


class VmaTree:
    """mm->mm_rb as read_vma_tree() found it."""

    def __init__(self):
        self.root = 0  # the root node's address
        self.areas = {}  # node address -> Area
        self.children = {}  # node address -> (left, right) that could be read, or 0
        self.parent_of = {}  # node address -> the node it was reached from (0: root)
        self.inorder = []  # the Areas, in order: by address in a good tree
        self.problems = []  # where the walk could not go on


def read_vma_tree(mm, limit=MAX_AREAS):
    """Read every node of @mm's tree once (a child seen before is a loop and
    is not followed; an unreadable one is skipped), then list them in order."""
    t = VmaTree()
    todo = []

    def visit(node, parent, what):
        if node == 0:
            return 0
        if node in t.areas:
            t.problems.append("%s points to node %#x again: the tree has a loop"
                              % (what, node))
            return 0
        if len(t.areas) >= limit:
            t.problems.append("more than %d nodes in the tree: stopped reading" % limit)
            return 0
        try:
            area = Area(container_of(node, "vm_area_struct", "vm_rb"))  # rb_entry()
        except gdb.MemoryError:
            t.problems.append("%s points to node %#x, which cannot be read" % (what, node))
            return 0
        t.areas[node] = area
        t.parent_of[node] = parent
        todo.append(node)
        return node

    t.root = visit(mm.rb_root, 0, "mm->mm_rb.rb_node")
    while todo:
        node = todo.pop()
        a = t.areas[node]
        left = visit(a.rb_left, node, "the rb_left of %s" % a.span())
        right = visit(a.rb_right, node, "the rb_right of %s" % a.span())
        t.children[node] = (left, right)
    stack, node = [], t.root  # in order, without recursion: trees can be deep when broken
    while stack or node:
        while node:
            stack.append(node)
            node = t.children[node][0]
        node = stack.pop()
        t.inorder.append(t.areas[node])
        node = t.children[node][1]
    return t


def read_vma_list(mm, limit=MAX_AREAS):
    """The areas on @mm's list (mm->mmap, vm_next), and why it stopped early."""
    areas, problems, seen, addr = [], [], set(), mm.mmap
    while addr:
        if addr in seen:
            problems.append("list: the vm_next of %s goes back to area %#x: a loop"
                            % (areas[-1].span(), addr))
            break
        if len(areas) >= limit:
            problems.append("list: more than %d areas: stopped reading" % limit)
            break
        try:
            area = Area(addr)
        except gdb.MemoryError:
            problems.append("list: %s points to area %#x, which cannot be read" % (
                "the vm_next of " + areas[-1].span() if areas else "mm->mmap", addr))
            break
        seen.add(addr)
        areas.append(area)
        addr = area.next
    return areas, problems


class MmCheck:
    """What check_mm() found."""

    def __init__(self):
        self.problems = []
        self.nr_areas = 0  # in the tree
        self.black_height = 0  # black nodes on every path from the root down, or None


def _describe(area):
    return "area %#x %s" % (area.addr, area.span()) if area else "no more areas"


def check_mm(mm):
    """validate_mm() (mm/mmap.c) as data, plus the red-black rules.

    The tree: every node reached once, rb_parent() of each node its parent,
    the root black, no red node with a red child, the same number of black
    nodes on every path down.  In order: vm_start < vm_end, both page
    aligned, sorted and not overlapping, vm_mm this mm, and every
    rb_subtree_gap the largest of the area's own gap and its children's
    rb_subtree_gap.  An area's own gap (vma_compute_gap) is
    vm_start_gap(area) - vm_end_gap(previous area), 0 if negative; for the
    first area, vm_start_gap().  The list: vm_next from mm->mmap gives the
    tree's areas in the tree's order, vm_prev links back.  The mm:
    map_count is the number of areas, highest_vm_end the last one's end.
    """
    r = MmCheck()
    t = read_vma_tree(mm)
    r.problems += t.problems
    r.nr_areas = len(t.inorder)

    # the red-black rules, children before parents
    order, stack = [], [t.root] if t.root else []
    while stack:
        node = stack.pop()
        order.append(node)
        stack += [c for c in t.children[node] if c]
    height = {0: 0}  # black nodes down every path; None below a mismatch
    for node in reversed(order):
        a = t.areas[node]
        left, right = t.children[node]
        if a.rb_parent != t.parent_of[node]:
            r.problems.append("%s: rb_parent is %#x, should be %#x%s" % (
                a.span(), a.rb_parent, t.parent_of[node],
                " (the root has none)" if node == t.root else ""))
        if a.parent_color & 2:
            r.problems.append("%s: bit 1 of __rb_parent_color is set (%#x)"
                              % (a.span(), a.parent_color))
        if a.color == RB_RED:
            for c in (left, right):
                if c and t.areas[c].color == RB_RED:
                    r.problems.append("%s is red and so is its child %s"
                                      % (a.span(), t.areas[c].span()))
        if height[left] is None or height[right] is None:
            height[node] = None  # reported lower down, not again at each ancestor
        elif height[left] != height[right]:
            r.problems.append("%s: %d black nodes down its left, %d down its right"
                              % (a.span(), height[left], height[right]))
            height[node] = None
        else:
            height[node] = height[left] + (a.color == RB_BLACK)
    if t.root and t.areas[t.root].color != RB_BLACK:
        r.problems.append("the root %s is red" % t.areas[t.root].span())
    r.black_height = height[t.root]  # None if the paths differ

    # in order: the areas themselves and the augmented gaps
    prev = None
    for a in t.inorder:
        if a.start >= a.end:
            r.problems.append("%s: vm_start is not below vm_end" % a.span())
        if (a.start | a.end) & (PAGE_SIZE - 1):
            r.problems.append("%s: not page aligned" % a.span())
        if prev and a.start < prev.end:
            r.problems.append("%s: out of order, starts below the end of %s"
                              % (a.span(), prev.span()))
        if a.mm != mm.addr:
            r.problems.append("%s: vm_mm is %#x, not this mm (%#x)" % (a.span(), a.mm, mm.addr))
        want = a.start_gap()
        if prev:
            want = want - prev.end_gap() if want > prev.end_gap() else 0
        for c in t.children[a.node]:
            if c:
                want = max(want, t.areas[c].gap)
        if a.gap != want:
            r.problems.append("%s: rb_subtree_gap %#x, should be %#x"
                              % (a.span(), a.gap, want))
        prev = a

    # the list, and the list against the tree
    lst, problems = read_vma_list(mm)
    r.problems += problems
    prev_addr = 0
    for a in lst:
        if a.prev != prev_addr:
            r.problems.append("list: %s: vm_prev is %#x, should be %#x"
                              % (a.span(), a.prev, prev_addr))
        prev_addr = a.addr
    for i in range(max(len(lst), len(t.inorder))):
        la = lst[i] if i < len(lst) else None
        ta = t.inorder[i] if i < len(t.inorder) else None
        if la is None or ta is None or la.addr != ta.addr:
            r.problems.append("list and tree differ from area #%d on: the list has %s, "
                              "the tree %s" % (i, _describe(la), _describe(ta)))
            break
    if mm.map_count != len(lst) or mm.map_count != len(t.inorder):
        r.problems.append("map_count is %d; the list holds %d areas, the tree %d"
                          % (mm.map_count, len(lst), len(t.inorder)))
    want = lst[-1].end_gap() if lst else 0
    if mm.highest_vm_end != want:
        r.problems.append("highest_vm_end is %#x, should be %#x (%s)" % (
            mm.highest_vm_end, want, "the last area's end" if lst else "no areas"))
    return r


# --- /proc/PID/maps (fs/proc/task_mmu.c) -------------------------------------

def vma_name(area, mm_of):
    """vma_name(): "[heap]", "[stack]", or None.  @mm_of(addr) gives the Mm
    at addr.  An area whose vm_ops has a name() method gets "<name()>" with
    the method's symbol: GDB cannot safely call into the stopped kernel."""
    if area.ops:
        fn = to_int(read_struct(area.ops, "vm_operations_struct")["name"])
        if fn:
            return "<%s()>" % (addr_to_symbol(fn) or "%#x" % fn)
    if area.file:
        return file_path(area.file)
    if not area.mm:
        return None
    mm = mm_of(area.mm)
    if area.start < mm.brk and area.end > mm.start_brk:
        return "[heap]"
    if area.start <= mm.start_stack and area.end >= mm.start_stack:
        return "[stack]"
    return None


DCACHE_UNHASHED = 0x2
MINORBITS = 20


def d_path(path):
    """d_path() (fs/dcache.c) of a struct path value: the names from the
    dentry up to the root, across mounts, " (deleted)" for an unlinked one."""
    dentry, mnt = to_int(path["dentry"]), to_int(path["mnt"])
    deleted = to_int(read_struct(dentry, "dentry")["d_flags"]) & DCACHE_UNHASHED
    names = []
    for _ in range(256):
        if mnt:
            m = read_struct(mnt, "vfsmount")
            if dentry == to_int(m["mnt_root"]) and to_int(m["mnt_parent"]) != mnt:
                dentry, mnt = to_int(m["mnt_mountpoint"]), to_int(m["mnt_parent"])
                continue
        d = read_struct(dentry, "dentry")
        parent = to_int(d["d_parent"])
        if parent == dentry:
            break
        names.append(d["d_name"]["name"].string())
        dentry = parent
    return "/" + "/".join(reversed(names)) + (" (deleted)" if deleted else "")


def file_path(file_addr):
    """The name /proc/PID/maps gives the struct file at @file_addr."""
    return d_path(read_struct(file_addr, "file")["f_path"])


def file_dev_ino(file_addr):
    """(major, minor, inode number) of the file at @file_addr, as show_map_vma():
    the device is its file system's (inode->i_sb->s_dev)."""
    inode = read_struct(file_addr, "file")["f_inode"].dereference()
    dev = to_int(inode["i_sb"].dereference()["s_dev"])
    return dev >> MINORBITS, dev & ((1 << MINORBITS) - 1), to_int(inode["i_ino"])


def area_label(area):
    """The start of a maps line: "00401000-00406000 r-xp"."""
    f = area.flags
    return "%08x-%08x %s%s%s%s" % (
        area.start, area.end,
        "r" if f & VM_READ else "-", "w" if f & VM_WRITE else "-",
        "x" if f & VM_EXEC else "-", "s" if f & VM_MAYSHARE else "p")


def maps_line(area, name):
    """show_map_vma(): @area's /proc/PID/maps line, without the newline.

    "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", then for a named area
    spaces up to column 72 and " name".  The offset is vm_pgoff's bytes
    only for a file mapping, whose device and inode are its file's.
    """
    pgoff = (area.pgoff << PAGE_SHIFT) & 0xFFFFFFFFFFFFFFFF if area.file else 0
    major, minor, ino = file_dev_ino(area.file) if area.file else (0, 0, 0)
    line = "%s %08x %02x:%02x %d " % (area_label(area), pgoff, major, minor, ino)
    if name is not None:
        line = line.ljust(MAPS_NAME_COLUMN) + " " + name
    return line



# --- tasks (include/sched.h, kernel/sched/core.c) ------------------------------

def comm_string(value):
    """A char array (task->comm) as text, up to its NUL."""
    n = value.type.strip_typedefs().range()[1] + 1
    raw = bytes(int(value[i]) & 0xFF for i in range(n))
    return raw.split(b"\0")[0].decode("ascii", "replace")


def task_state_letter(state, exit_state):
    """ps's one-letter state (Linux: fs/proc/array.c): R running or runnable,
    S interruptible sleep, D uninterruptible, Z zombie, X dead, N new."""
    if exit_state & EXIT_DEAD:
        return "X"
    if (state | exit_state) & EXIT_ZOMBIE:
        return "Z"
    if state & TASK_DEAD:
        return "X"
    if state & TASK_NEW:
        return "N"
    if state & TASK_UNINTERRUPTIBLE:
        return "D"
    if state & TASK_INTERRUPTIBLE:
        return "S"
    return "R" if state == TASK_RUNNING else "?"


class Task:
    """A snapshot of the struct task_struct at @addr."""

    def __init__(self, addr):
        v = read_struct(addr, "task_struct")
        self.addr = addr
        self.pid = int(v["pid"])
        self.tgid = int(v["tgid"])
        self.state = int(v["state"])
        self.exit_state = int(v["exit_state"])
        self.flags = int(v["flags"]) & 0xFFFFFFFF
        self.comm = comm_string(v["comm"])
        self.mm = to_int(v["mm"])
        self.active_mm = to_int(v["active_mm"])
        self.stack = to_int(v["stack"])
        self.nr_switches = to_int(v["nr_switches"])
        self.fsbase = to_int(v["thread"]["fsbase"])
        self.parent = to_int(v["real_parent"])
        self.tasks_next = to_int(v["tasks"]["next"])  # the next task's ->tasks
        self.ppid = 0  # pid 0 and pid 1 have init_task as parent, like Linux
        if self.parent and self.parent != addr:
            try:
                self.ppid = int(read_struct(self.parent, "task_struct")["pid"])
            except gdb.MemoryError:
                self.ppid = None  # a bad real_parent: shown as "?"

    @property
    def is_kthread(self):
        return bool(self.flags & PF_KTHREAD)

    @property
    def state_letter(self):
        return task_state_letter(self.state, self.exit_state)

    def describe(self):
        """"pid 3 (argv_check)"."""
        return "pid %d (%s)" % (self.pid, self.comm)


def current_task_addr():
    """current: pcpu_hot.current_task (arch/x86/include/asm/current.h); 0
    before percpu_init() has set it."""
    return to_int(lookup_variable("pcpu_hot")["current_task"])


def read_tasks(limit=PID_MAX):
    """The tasks on task_list (each linked by its ->tasks; init_task first
    once sched_init() has run), and why the walk stopped early, if it did."""
    head = to_int(lookup_variable("task_list").address)
    tasks, problems, seen = [], [], set()
    node = read_u64(head)  # task_list.next
    while node != head:
        if node == 0:
            problems.append("task_list: a NULL next pointer after %d tasks" % len(tasks))
            break
        if node in seen:
            problems.append("task_list: the list goes back to %#x: a loop" % node)
            break
        if len(tasks) >= limit:
            problems.append("task_list: more than %d tasks: stopped reading" % limit)
            break
        try:
            task = Task(container_of(node, "task_struct", "tasks"))
        except gdb.MemoryError:
            problems.append("task_list: %#x cannot be read" % node)
            break
        seen.add(node)
        tasks.append(task)
        node = task.tasks_next
    return tasks, problems


def find_task(pid):
    """The Task with @pid (find_task_by_pid() from outside)."""
    tasks, problems = read_tasks()
    for t in tasks:
        if t.pid == pid:
            return t
    if pid == 0:  # before sched_init() puts it on task_list
        return Task(to_int(lookup_variable("init_task").address))
    raise DissectError("no task with pid %d on task_list%s" % (
        pid, " (%s)" % problems[0] if problems else ""))


# --- system calls and the saved user registers --------------------------------

SYSCALL_TABLE_H = os.path.join("arch", "x86", "entry", "syscalls", "syscall_64.h")
try:
    _SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
except NameError:  # exec()ed without a file name
    _SCRIPT_DIR = os.getcwd()


def load_syscall_names():
    """({number: name}, the file) from the __SYSCALL(nr, name) lines of the
    source tree's syscall_64.h: next to this script (../../), else under
    $DISSECT_SRC or GDB's current directory."""
    candidates = [os.path.join(_SCRIPT_DIR, "..", "..", SYSCALL_TABLE_H)]
    if os.environ.get("DISSECT_SRC"):
        candidates.append(os.path.join(os.environ["DISSECT_SRC"], SYSCALL_TABLE_H))
    candidates.append(SYSCALL_TABLE_H)
    for path in candidates:
        try:
            with open(path) as f:
                text = f.read()
        except OSError:
            continue
        names = dict((int(nr), name) for nr, name in
                     re.findall(r"^__SYSCALL\((\d+),\s*(\w+)\)", text, re.M))
        if names:
            return names, os.path.normpath(path)
    return {}, None


SYSCALL_NAMES, SYSCALL_NAMES_FILE = load_syscall_names()


def syscall_name(nr):
    """The name of system call @nr ("write"), or None if dissect has none.
    Without the source tree, the kernel's sys_call_table[] says it: its
    entries are __x64_sys_NAME."""
    if SYSCALL_NAMES_FILE is not None:
        return SYSCALL_NAMES.get(nr)
    try:
        table = lookup_variable("sys_call_table")
        if not 0 <= nr <= table.type.strip_typedefs().range()[1]:
            return None
        fn = to_int(table[nr])
    except (DissectError, gdb.error):
        return None
    sym = addr_to_symbol(fn) if fn else None
    return sym[len("__x64_sys_"):] if sym and sym.startswith("__x64_sys_") else None


def task_pt_regs(task):
    """task_pt_regs(): the struct pt_regs at the top of @task's kernel stack."""
    return task.stack + THREAD_SIZE - struct_type("pt_regs").sizeof


# How a task last entered the kernel from user mode, from the return address
# just below its pt_regs: the entry code calls its C handler with rsp at
# the pt_regs, and that frame stays until the task returns to user mode.
ENTRY_SYSCALL, ENTRY_IDT, ENTRY_NONE = "syscall", "interrupt", "none"


def last_entry(regs_addr):
    """(ENTRY_SYSCALL: entry_SYSCALL_64 called do_syscall_64; ENTRY_IDT:
    common_entry called do_idt_entry (returns to ret_from_exception);
    ENTRY_NONE: ret_from_fork's frame, so no entry since exec or fork set
    the pt_regs up; or None), and the return address's symbol."""
    try:
        ret = read_u64(regs_addr - 8)
    except gdb.MemoryError:
        return None, None
    sym = addr_to_symbol(ret) or "%#x" % ret
    fn = sym.split("+")[0]
    kind = {"entry_SYSCALL_64": ENTRY_SYSCALL, "ret_from_exception": ENTRY_IDT,
            "common_entry": ENTRY_IDT, "ret_from_fork": ENTRY_NONE}.get(fn)
    return kind, sym


def rflags_names(flags):
    """GDB's "[ PF ZF IF ]"."""
    return "[ %s ]" % " ".join(n for bit, n in RFLAGS_BITS if flags & (1 << bit))


def signed64(v):
    return v - (1 << 64) if v & (1 << 63) else v


def cpu_in_user_mode():
    """Is the CPU (GDB's $cs) in ring 3 right now?"""
    try:
        return int(gdb.parse_and_eval("$cs")) & 3 == 3
    except gdb.error:
        return False


# --- a write to a user address: the fault path as data -------------------------

def find_vma(mm, addr):
    """find_vma() from outside, on the list: (the first area ending above
    @addr or None, the area before it or None)."""
    prev = None
    for area in read_vma_list(mm)[0]:
        if area.end > addr:
            return area, prev
        prev = area
    return None, prev


def expand_stack_refusal(area, prev, addr):
    """expand_stack() (mm/mmap.c) as a predicate: None if @area may grow
    down to @addr, else why not."""
    address = addr & ~(PAGE_SIZE - 1)
    if not area.flags & VM_GROWSDOWN:
        return "no area contains it, and the next one is not a stack"
    if address >= area.start:
        return None
    try:
        min_addr = int(lookup_variable("mmap_min_addr"))
    except DissectError:
        min_addr = MMAP_MIN_ADDR
    if address < min_addr:
        return "below mmap_min_addr (%#x)" % min_addr
    if prev and not prev.flags & VM_GROWSDOWN and address - prev.end < STACK_GUARD_GAP:
        return "the stack may not grow closer than its guard gap to %s" % prev.span()
    if prev and address < prev.end:
        return "the stack would overlap %s" % prev.span()
    if area.end - address > STACK_RLIMIT:
        return "the stack would exceed its %d MiB limit" % (STACK_RLIMIT >> 20)
    return None


class Page:
    """A snapshot of the struct page of page frame @pfn (mem_map[pfn])."""

    def __init__(self, pfn):
        self.pfn = pfn
        self.addr = to_int(lookup_variable("mem_map")) + pfn * struct_type("page").sizeof
        v = read_struct(self.addr, "page")
        self.flags = to_int(v["flags"])
        self.mapcount = int(v["_mapcount"]["counter"]) + 1  # page_mapcount()
        self.refcount = int(v["_refcount"]["counter"])  # page_ref_count()
        self.anon = bool(self.flags & (1 << pg_anon_bit()))  # PageAnon()


def pg_anon_bit():
    try:
        return int(gdb.parse_and_eval("PG_anon"))
    except gdb.error:
        return PG_ANON_DEFAULT


def zero_pfn():
    """page_to_pfn(zero_page), or None before the zero page exists."""
    zp = to_int(lookup_variable("zero_page"))
    if not zp:
        return None
    return (zp - to_int(lookup_variable("mem_map"))) // struct_type("page").sizeof


class WriteFault:
    """What write_fault() found for one address."""

    def __init__(self, mm, addr):
        self.mm = mm  # an Mm
        self.addr = addr
        self.area = self.prev = None  # find_vma()'s area and the one before
        self.walk = None  # the Walk through mm->pgd
        self.pte = None  # the leaf entry, if the walk reached a present one
        self.pfn = None
        self.page = None  # a Page, if pfn_valid()
        self.zero = False  # the pfn is the zero page's
        self.verdict = None


def write_fault(mm, addr):
    """What a user-mode write to @addr in @mm would do now, as the MMU,
    do_user_addr_fault() (arch/x86/mm/fault.c), handle_pte_fault() and
    do_wp_page() (mm/memory.c) decide it."""
    r = WriteFault(mm, addr)
    if addr >= TASK_SIZE_MAX:
        r.verdict = "a kernel address: SIGSEGV (user mode may not touch it)"
        return r
    r.area, r.prev = find_vma(mm, addr)
    r.walk = w = walk(addr, kernel_pa(mm.pgd))
    leaf = w.steps[-1] if w.steps else None
    if w.mapped:
        r.pte = leaf.entry
        r.pfn = w.paddr >> PAGE_SHIFT
        r.zero = r.pfn == zero_pfn()
        if r.pfn < to_int(lookup_variable("max_pfn")):
            r.page = Page(r.pfn)

    # The MMU: no fault if every level allows a user write.
    if w.mapped and w.writable and w.user:
        r.verdict = "writable already: no fault"
        return r

    # do_user_addr_fault(): find the area, grow a stack, check the access.
    area, grows = r.area, False
    if area is None or area.start > addr:
        why = "no area contains it" if area is None else \
            expand_stack_refusal(area, r.prev, addr)
        if why:
            r.verdict = "no area: SIGSEGV (%s)" % why
            return r
        grows = True
    if not area.flags & VM_WRITE:
        r.verdict = "the area forbids writes: SIGSEGV"
        return r

    # handle_pte_fault()
    if not w.mapped:
        if leaf is not None and leaf.level.linux == "pte" and leaf.entry:
            r.verdict = ("pte %#x is not present but not empty: dissect has no swap "
                         "entries; handle_pte_fault() would take it as present" % leaf.entry)
            return r
        if area.ops:
            how = "do_fault" + ("" if area.flags & VM_SHARED else
                                ", then do_wp_page for a private copy")
        else:
            how = "do_anonymous_page"
        r.verdict = "not mapped (first touch: %s%s)" % (
            how, ", after expand_stack() grows the stack down" if grows else "")
        return r
    if w.page_size != PAGE_SIZE:
        r.verdict = "a %s page: not a pte; dissect-cow decides 4K ptes only" % size_name(w.page_size)
        return r
    if r.pte & _PAGE_RW:
        r.verdict = ("the pte is writable but a level above is not (RW or US clear): "
                     "handle_pte_fault() only marks it dirty, the write faults again")
        return r

    # do_wp_page(): vm_normal_page(), then reuse or copy.
    wp = "write fault -> do_wp_page -> "
    if r.zero:
        r.verdict = wp + "wp_page_copy (zero page)"
    elif r.pte & _PAGE_SPECIAL or area.flags & VM_PFNMAP or r.page is None:
        why = "special pte" if r.pte & _PAGE_SPECIAL else \
            "VM_PFNMAP" if area.flags & VM_PFNMAP else "pfn beyond max_pfn"
        r.verdict = wp + "wp_page_copy (no struct page: %s; a fresh zeroed page)" % why
    elif area.flags & VM_SHARED:
        r.verdict = wp + "wp_page_shared: ->page_mkwrite, then wp_page_reuse (shared mapping)"
    elif not r.page.anon:
        r.verdict = wp + "wp_page_copy (a page-cache page: private writes never reach the file)"
    elif r.page.refcount == 1:
        r.verdict = wp + "wp_page_reuse (only user)"
    else:
        r.verdict = wp + "wp_page_copy (page shared: refcount %d)" % r.page.refcount
    return r

# --------------------------------------------------------------------------
# 3. Commands
# --------------------------------------------------------------------------


class DissectCommand(gdb.Command):
    """Base of the dissect-* commands: registration, help, errors."""

    name = None
    needs_target = True  # reads the live kernel: refuse without one
    registry = {}  # name -> command, for dissect-help

    def __init__(self):
        super().__init__(self.name, gdb.COMMAND_USER)
        DissectCommand.registry[self.name] = self

    @classmethod
    def summary(cls):
        return (cls.__doc__ or "").strip().splitlines()[0]

    def invoke(self, arg, from_tty):
        try:
            if self.needs_target:
                require_target()
            self.run(arg, from_tty)
        except DissectError as e:
            raise gdb.GdbError("%s: %s" % (self.name, e))
        except gdb.MemoryError as e:
            raise gdb.GdbError("%s: memory read failed: %s" % (self.name, e))
        except gdb.GdbError:
            raise
        except gdb.error as e:
            raise gdb.GdbError("%s: %s" % (self.name, e))

    def run(self, arg, from_tty):
        raise NotImplementedError


class DissectHelp(DissectCommand):
    """List dissect's GDB commands.

Usage: dissect-help"""

    name = "dissect-help"
    needs_target = False

    def run(self, arg, from_tty):
        gdb.write("dissect GDB commands (\"help COMMAND\" for details):\n")
        for name in sorted(DissectCommand.registry):
            gdb.write("  %-18s %s\n" % (name, DissectCommand.registry[name].summary()))
        gdb.write("  %-18s %s\n" % ("$dissect_phys(A)", "convenience function: A's physical address"))


class DissectPt(DissectCommand):
    """Walk the page tables for an address: each level, its flags, the result.

Usage: dissect-pt [--cr3 PHYS | --pgd EXPR] ADDR

ADDR is any expression: start_kernel, &init_mm, 0xffff888000100000.
By default the walk starts at the current CR3 (QEMU's $cr3); --cr3 takes
another physical pgd address, --pgd a kernel pointer to a pgd (init_mm.pgd,
some mm->pgd).  For each level it prints Linux's and Intel's name
(pgd/PML4, pud/PDPT, pmd/PD, pte/PT), the index taken from ADDR, the
entry's physical address and value, its flags and what it points to; it
stops at a leaf (PS in a pud: a 1G page, in a pmd: a 2M page, or a pte) or
at an entry that is not present.  The last line gives the physical address
and the effective permissions: rwx, and kernel or user.

Flags: P present, RW writable, US user, PWT write-through, PCD cache
disabled, A accessed, D dirty, PS page size (PAT in a pte), G global,
NX no-execute; a dash marks a clear flag."""

    name = "dissect-pt"

    def run(self, arg, from_tty):
        argv = arg.split(None, 2)
        pgd_paddr = source = None
        if argv and argv[0] in ("--cr3", "--pgd"):
            if len(argv) < 3:
                raise DissectError("usage: dissect-pt [--cr3 PHYS | --pgd EXPR] ADDR")
            if argv[0] == "--cr3":
                pgd_paddr = eval_address(argv[1]) & PTE_PFN_MASK
                source = "--cr3"
            else:
                pgd_paddr = kernel_pa(eval_address(argv[1]))
                source = argv[1]
            arg = argv[2]
        vaddr = eval_address(arg)

        if pgd_paddr is None:
            if not paging_enabled():
                gdb.write("paging is off (CR0.PG=0): virtual address = physical address\n")
                gdb.write("-> phys %#x, paging off\n" % vaddr)
                return
            cr4 = read_control_register("cr4")
            if cr4 is not None and cr4 & CR4_LA57:
                raise DissectError("CR4.LA57 is set: 5-level paging, which dissect-pt "
                                   "does not walk")
            pgd_paddr, source = current_pgd_phys()
        gdb.write(self.format(walk(vaddr, pgd_paddr), source))

    @staticmethod
    def describe_root(pgd_paddr):
        early = symbol_address("early_pgd")  # linked at its physical address
        head_in_use = early is not None and pgd_paddr == early
        name = phys_to_symbol(pgd_paddr, head_in_use)
        if head_in_use:
            name = "early_pgd, the boot page tables"
        return name, head_in_use

    def format(self, w, source):
        out = []
        sym = addr_to_symbol(w.vaddr)
        out.append("dissect-pt %#x%s\n" % (w.vaddr, " <%s>" % sym if sym else ""))
        root, head_in_use = self.describe_root(w.pgd_paddr)
        out.append("  %s: pgd at phys %#x%s\n" % (source, w.pgd_paddr,
                                                  " (%s)" % root if root else ""))
        if is_canonical(w.vaddr):
            out.append("  vaddr = " + " | ".join(
                "%s %d" % (l.linux, l.index(w.vaddr)) for l in LEVELS) +
                " | offset %#x\n" % (w.vaddr & (PAGE_SIZE - 1)))
            out.append("  %-11s %5s  %-18s  %-18s  %-31s %s\n" % (
                "level", "index", "entry at phys", "value", "flags", "points to"))
        for s in w.steps:
            if not s.present:
                what = "not present"
            elif s.leaf:
                what = "%s page at phys %#x" % (size_name(s.level.size), s.target)
            else:
                nxt = LEVELS[LEVELS.index(s.level) + 1]
                name = phys_to_symbol(s.target, head_in_use)
                what = "%s table at phys %#x%s" % (nxt.linux, s.target,
                                                   " (%s)" % name if name else "")
            out.append("  %-11s %5d  %#-18x  %#018x  %-31s %s\n" % (
                s.level.label, s.index, s.entry_paddr, s.entry,
                decode_flags(s.entry, s.level.linux) if s.entry else "(empty)", what))
        if w.mapped:
            out.append("-> phys %#x, %s page, %s%s\n" % (
                w.paddr, size_name(w.page_size), w.permissions(),
                ", global" if w.global_ else ""))
        else:
            out.append("-> not mapped: %s\n" % w.error)
        return "".join(out)


class DissectPhys(gdb.Function):
    """$dissect_phys(ADDR): the physical address ADDR maps to under the
    current CR3, or -1 if it is not mapped."""

    def __init__(self):
        super().__init__("dissect_phys")

    def invoke(self, addr):
        try:
            require_target()
            paddr = virt_to_phys(to_int(addr))
        except DissectError as e:
            raise gdb.GdbError("$dissect_phys: %s" % e)
        except gdb.error as e:  # gdb.MemoryError included
            raise gdb.GdbError("$dissect_phys: %s" % e)
        return gdb.Value(-1 if paddr is None else paddr).cast(gdb.lookup_type("long"))


class DissectMeminfo(DissectCommand):
    """The buddy allocator's free blocks per order, like /proc/buddyinfo.

Usage: dissect-meminfo [--walk]

Reads zone_normal (mm/page_alloc.c): for each order 0..MAX_ORDER-1 the
number of free blocks of 2^order pages, then the total free and managed
pages.  --walk also follows every free list and checks its length against
nr_free (slow for long lists)."""

    name = "dissect-meminfo"
    WALK_LIMIT = 1 << 20  # list nodes followed per order before giving up

    def run(self, arg, from_tty):
        walk_lists = arg.strip() == "--walk"
        if arg.strip() and not walk_lists:
            raise DissectError("usage: dissect-meminfo [--walk]")
        zone = lookup_variable("zone_normal")
        free_area = zone["free_area"]
        max_order = free_area.type.strip_typedefs().range()[1] + 1
        try:
            zone_name = zone["name"].string()
        except gdb.error:
            zone_name = "?"
        managed = int(zone["managed_pages"])
        free_pages = int(zone["free_pages"])
        counts = [int(free_area[o]["nr_free"]) for o in range(max_order)]

        if managed == 0:
            gdb.write("zone %s: no pages managed yet: mem_init() has not given "
                      "memblock's memory to the buddy allocator.\n" % zone_name)
        # Linux's /proc/buddyinfo line
        gdb.write("Node 0, zone %8s " % zone_name +
                  "".join("%6d " % c for c in counts).rstrip() + "\n\n")
        gdb.write("  order  block   free blocks       pages        KiB\n")
        total = 0
        for o, c in enumerate(counts):
            pages = c << o
            total += pages
            gdb.write("  %5d  %5s  %12d  %10d  %9d\n" % (
                o, size_name(PAGE_SIZE << o), c, pages, pages * PAGE_SIZE >> 10))
        gdb.write("  free:    %8d pages = %d MiB  (sum over the orders)\n"
                  % (total, total * PAGE_SIZE >> 20))
        gdb.write("  managed: %8d pages = %d MiB  (given to the allocator; "
                  "%d pages in use)\n" % (managed, managed * PAGE_SIZE >> 20,
                                          managed - free_pages))
        if free_pages != total:
            gdb.write("  WARNING: zone_normal.free_pages is %d, the free lists "
                      "hold %d pages\n" % (free_pages, total))
        if walk_lists:
            self.walk_free_lists(free_area, counts)

    def walk_free_lists(self, free_area, counts):
        bad = 0
        for o, expected in enumerate(counts):
            head = free_area[o]["free_list"]
            head_addr = int(head.address)
            node = int(head["next"])
            n = 0
            while node != head_addr:
                if node == 0 or n >= self.WALK_LIMIT:
                    gdb.write("  order %d: list broken after %d entries "
                              "(next = %#x)\n" % (o, n, node))
                    bad += 1
                    break
                n += 1
                node = read_u64(node)  # list_head.next is its first member
            else:
                if n != expected:
                    gdb.write("  order %d: %d blocks on the list, nr_free says %d\n"
                              % (o, n, expected))
                    bad += 1
        gdb.write("  free lists: %s\n" % ("consistent with nr_free" if not bad
                                          else "%d inconsistent" % bad))


class DissectDmesg(DissectCommand):
    """Print the kernel log buffer (log_buf), like dmesg.

Usage: dissect-dmesg [N]

log_buf is a ring of sizeof(log_buf) bytes (kernel/printk.c); log_next
counts every byte ever logged, so the text starts at log_next % size once
the ring has wrapped.  With N, print only the last N lines."""

    name = "dissect-dmesg"

    def run(self, arg, from_tty):
        arg = arg.strip()
        if arg and not arg.isdigit():
            raise DissectError("usage: dissect-dmesg [N]")
        log_buf = lookup_variable("log_buf")
        size = log_buf.type.sizeof
        total = int(lookup_variable("log_next"))
        addr = int(log_buf.address)
        if total == 0:
            gdb.write("(the log is empty: nothing has been printk()ed yet)\n")
            return
        if total <= size:
            data = read_bytes(addr, total)
        else:
            start = total % size
            raw = read_bytes(addr, size)
            data = raw[start:] + raw[:start]
            gdb.write("[... %d earlier bytes overwritten ...]\n" % (total - size))
        text = data.decode("utf-8", errors="replace")
        if arg:
            lines = text.splitlines(keepends=True)
            text = "".join(lines[-int(arg):]) if int(arg) else ""
        gdb.write(text)
        if text and not text.endswith("\n"):
            gdb.write("\n")


class DissectVmas(DissectCommand):
    """An mm's areas from its red-black tree, as /proc/PID/maps shows them.

Usage: dissect-vmas [-v] MM

MM is an expression for a struct mm_struct: a pointer (mm, vma->vm_mm,
$rdi where a function takes one), the struct itself (init_mm) or an
address.  The areas come from an in-order walk of mm->mm_rb (each
struct rb_node is the vm_rb inside a struct vm_area_struct), one line
each in the format of show_map_vma() (fs/proc/task_mmu.c):

  start-end perms offset dev inode [name]

perms are r, w, x and s (VM_MAYSHARE) or p (private); the offset is
vm_pgoff in bytes for a file mapping, else 0; the name is [heap] or
[stack] (from the mm's start_brk/brk and start_stack), after spaces up
to column 73.  -v adds a line under each area: the vm_area_struct's
address, vm_flags (with smaps' VmFlags mnemonics), vm_pgoff,
rb_subtree_gap and the node's colour.

Last, the mm itself: map_count, total_vm, highest_vm_end, mmap_base,
mm_users, mm_count and the rss_stat counters.  dissect-rbcheck MM checks
that the tree, the list and these agree."""

    name = "dissect-vmas"

    def run(self, arg, from_tty):
        arg = arg.strip()
        verbose = arg == "-v" or arg.startswith("-v ")
        if verbose:
            arg = arg[2:].strip()
        if not arg or arg.startswith("-"):
            raise DissectError("usage: dissect-vmas [-v] MM")
        mm = Mm(eval_mm(arg))
        mms = {mm.addr: mm}

        def mm_of(addr):
            if addr not in mms:
                mms[addr] = Mm(addr)
            return mms[addr]

        tree = read_vma_tree(mm)
        out = []
        for area in tree.inorder:
            try:
                name = vma_name(area, mm_of)
            except gdb.MemoryError:
                name = "<unreadable vm_ops or vm_mm>"
            out.append(maps_line(area, name) + "\n")
            if verbose:
                out.append("    vma %#x vm_flags %#x (%s) vm_pgoff %#x rb_subtree_gap %#x %s\n"
                           % (area.addr, area.flags, vm_flags_names(area.flags),
                              area.pgoff, area.gap, area.color_name))
        if not tree.inorder:
            out.append("(no areas: mm->mm_rb is empty)\n")
        for p in tree.problems:
            out.append("WARNING: %s\n" % p)
        if tree.problems:
            out.append("WARNING: the tree is damaged; dissect-rbcheck %s says more\n" % arg)
        out.append("mm %#x: map_count %d%s, total_vm %d pages, highest_vm_end %#x, "
                   "mmap_base %#x\n" % (
                       mm.addr, mm.map_count,
                       "" if mm.map_count == len(tree.inorder) else
                       " (the tree holds %d)" % len(tree.inorder),
                       mm.total_vm, mm.highest_vm_end, mm.mmap_base))
        out.append("  mm_users %d, mm_count %d, rss %d pages (file %d, anon %d, shmem %d), "
                   "swap entries %d\n" % (
                       mm.mm_users, mm.mm_count, mm.rss(), mm.counter(MM_FILEPAGES),
                       mm.counter(MM_ANONPAGES), mm.counter(MM_SHMEMPAGES),
                       mm.counter(MM_SWAPENTS)))
        gdb.write("".join(out))


class DissectRbcheck(DissectCommand):
    """Check an mm's list and red-black tree of areas, as validate_mm() does.

Usage: dissect-rbcheck MM

MM as for dissect-vmas.  Checks what validate_mm() in mm/mmap.c does,
and the red-black rules it leaves to lib/rbtree.c:

  the tree    each node's rb_parent() is its parent (none for the root);
              the root is black; no red node has a red child; every path
              down has the same number of black nodes (the black height)
  in order    vm_start < vm_end, both page aligned; sorted, no overlaps;
              vm_mm is MM; rb_subtree_gap = the largest of the area's own
              gap (vm_start_gap() minus the previous area's vm_end, 0 if
              negative; the first area's is its vm_start_gap()) and its
              children's rb_subtree_gap
  the list    mm->mmap and vm_next give the tree's areas in its order,
              each vm_prev points back
  the mm      map_count = the number of areas; highest_vm_end = the last
              area's vm_end

Prints "rbcheck: OK (N areas, black height H)", or each problem and
"rbcheck: N problems".  Loops and unreadable pointers are reported, not
followed."""

    name = "dissect-rbcheck"

    def run(self, arg, from_tty):
        if not arg.strip():
            raise DissectError("usage: dissect-rbcheck MM")
        r = check_mm(Mm(eval_mm(arg)))
        out = ["rbcheck: %s\n" % p for p in r.problems]
        if r.problems:
            out.append("rbcheck: %d problem%s\n" % (len(r.problems),
                                                    "" if len(r.problems) == 1 else "s"))
        else:
            out.append("rbcheck: OK (%d areas, black height %d)\n"
                       % (r.nr_areas, r.black_height))
        gdb.write("".join(out))



class DissectPs(DissectCommand):
    """Every task on task_list, like ps: pids, state, mm, RSS, switches.

Usage: dissect-ps

One line per task on task_list (init_task, the idle task, first):

  PID TGID PPID   ids; PPID is real_parent's pid (0 for pid 0 and pid 1)
  S               R running or runnable, S interruptible sleep,
                  D uninterruptible, Z zombie, X dead, N new (not yet woken)
  COMM            the name; [name] for a kernel thread (PF_KTHREAD), as ps
                  shows those; a '*' in front marks current
                  (pcpu_hot.current_task)
  MM              the task's own mm, "-" for a kernel thread (or an exited one)
  ACTIVE_MM       the address space it runs on: its mm; a kernel thread
                  borrows the one loaded before it (init_mm, or the last
                  user's) while it runs, and drops it when switched out ("-")
  RSS             get_mm_rss(mm) in pages: rss_stat file + anon + shmem
  SWITCHES        nr_switches, the times it was switched in
  TASK            the struct task_struct, for "p *(struct task_struct *)TASK\""""

    name = "dissect-ps"

    def run(self, arg, from_tty):
        if arg.strip():
            raise DissectError("usage: dissect-ps")
        tasks, problems = read_tasks()
        current = current_task_addr()
        out = []
        if not tasks:
            out.append("(task_list is empty: sched_init() has not run; only init_task exists)\n")
            tasks = [Task(to_int(lookup_variable("init_task").address))]
        out.append("   %5s %5s %5s S COMM              %-18s  %-26s %6s %9s  %s\n" % (
            "PID", "TGID", "PPID", "MM", "ACTIVE_MM", "RSS", "SWITCHES", "TASK"))
        cur = None
        for t in tasks:
            if t.addr == current:
                cur = t
            rss = "-"
            if t.mm:
                try:
                    rss = "%d" % Mm(t.mm).rss()
                except gdb.MemoryError:
                    rss = "?"
            active = "-"
            if t.active_mm:
                sym = addr_to_symbol(t.active_mm)
                active = "%#x%s" % (t.active_mm, " " + sym if sym else "")
            out.append("%s  %5d %5d %5s %s %-17s %-18s  %-26s %6s %9d  %#x\n" % (
                "*" if t.addr == current else " ", t.pid, t.tgid,
                "?" if t.ppid is None else "%d" % t.ppid, t.state_letter,
                "[%s]" % t.comm if t.is_kthread else t.comm,
                "%#x" % t.mm if t.mm else "-", active, rss, t.nr_switches, t.addr))
        for p in problems:
            out.append("WARNING: %s\n" % p)
        if cur:
            out.append("%d task%s; current (*): %s, %s\n" % (
                len(tasks), "" if len(tasks) == 1 else "s", cur.describe(),
                "in user mode" if cpu_in_user_mode() else "in the kernel"))
        else:
            out.append("%d task%s; current is %s\n" % (
                len(tasks), "" if len(tasks) == 1 else "s",
                "not set yet" if not current else "%#x, not on task_list" % current))
        gdb.write("".join(out))


class DissectRegs(DissectCommand):
    """A task's saved user registers: the struct pt_regs atop its kernel stack.

Usage: dissect-regs [PID]

Every entry from user mode (system call, interrupt, exception) saves the
user's registers as a struct pt_regs at the top of the task's kernel
stack (task_pt_regs(): stack + THREAD_SIZE - sizeof(struct pt_regs)).
Prints rip (symbolized if it is a kernel address; else the area it is in),
rsp, rflags, cs and ss, rax..r15, and orig_ax: for a system call its
number and name (from arch/x86/entry/syscalls/syscall_64.h), for an
interrupt or exception the error code.  How the task last entered the
kernel is read from the return address just below the pt_regs.  PID
defaults to current.

A kernel thread has no user registers.  For current while the CPU is in
user mode, the live registers are GDB's ($rip, info registers): pt_regs
holds the values from its last entry to the kernel."""

    name = "dissect-regs"
    GPRS = [("rax", "ax"), ("rbx", "bx"), ("rcx", "cx"), ("rdx", "dx"), ("rsi", "si"),
            ("rdi", "di"), ("rbp", "bp"), ("r8", "r8"), ("r9", "r9"), ("r10", "r10"),
            ("r11", "r11"), ("r12", "r12"), ("r13", "r13"), ("r14", "r14"), ("r15", "r15")]

    def run(self, arg, from_tty):
        arg = arg.strip()
        current = current_task_addr()
        if arg:
            try:
                pid = int(gdb.parse_and_eval(arg))
            except gdb.error as e:
                raise DissectError("usage: dissect-regs [PID] (%s)" % e)
            task = find_task(pid)
        else:
            if not current:
                raise DissectError("current is not set yet: give a PID")
            task = Task(current)
        if task.is_kthread:
            gdb.write("%s is a kernel thread: it has no user registers (it never ran in "
                      "user mode; its pt_regs slot is unused)\n" % task.describe())
            return
        regs_addr = task_pt_regs(task)
        r = read_struct(regs_addr, "pt_regs")
        reg = dict((f.name, to_int(r[f.name])) for f in r.type.fields())
        kind, via = last_entry(regs_addr)
        out = ["%s: user registers saved at its last entry to the kernel\n" % task.describe()]
        out.append("  struct pt_regs at %#x (stack %#x + %d - %d); entered through %s\n" % (
            regs_addr, task.stack, THREAD_SIZE, struct_type("pt_regs").sizeof, {
                ENTRY_SYSCALL: "entry_SYSCALL_64: a system call",
                ENTRY_IDT: "common_entry: an interrupt or exception",
                ENTRY_NONE: "nothing yet: exec's start_thread() (or fork) set them up",
            }.get(kind, "? (%s below the pt_regs)" % via)))
        if task.addr == current and cpu_in_user_mode():
            out.append("  NOTE: %s is running in user mode now: its live registers are GDB's "
                       "($rip, $rsp, info registers); pt_regs holds the values from its "
                       "last entry to the kernel\n" % task.describe())
        elif task.addr == current:
            out.append("  (current, in the kernel: it returns to user mode with these)\n")
        if task.state_letter in "ZX":
            out.append("  NOTE: it has exited (%s): these are stale; the stack %s\n" % (
                task.state_letter, "is kept until its parent reaps it" if task.state_letter == "Z"
                else "is freed at the next switch"))

        ip = reg["ip"]
        where = ""
        if ip >= KERNEL_HALF:
            sym = addr_to_symbol(ip)
            where = "  <%s> (a kernel address)" % sym if sym else "  (a kernel address)"
        elif task.mm:
            try:
                area, _ = find_vma(Mm(task.mm), ip)
                if area and area.start <= ip:
                    where = "  (in %s)" % area_label(area)
            except gdb.MemoryError:
                pass
        out.append("  %-8s %#018x%s\n" % ("rip", ip, where))
        out.append("  %-8s %#018x\n" % ("rsp", reg["sp"]))
        out.append("  %-8s %#018x %s\n" % ("rflags", reg["flags"], rflags_names(reg["flags"])))
        seg = {USER_CS: "__USER_CS", USER_DS: "__USER_DS",
               KERNEL_CS: "__KERNEL_CS", KERNEL_DS: "__KERNEL_DS"}
        out.append("  %-8s %#x (%s)   ss %#x (%s)\n" % (
            "cs", reg["cs"], seg.get(reg["cs"], "?"), reg["ss"], seg.get(reg["ss"], "?")))
        for name, field in self.GPRS:
            out.append("  %-8s %#018x %d\n" % (name, reg[field], signed64(reg[field])))
        nr = signed64(reg["orig_ax"])
        if kind == ENTRY_IDT:
            what = "the error code: the last entry was an interrupt or exception"
        else:
            what = syscall_name(nr) or ("not a system call of dissect's: -ENOSYS"
                                        if nr >= 0 else "no system call")
            if kind != ENTRY_SYSCALL:
                what += ", if the last entry was a system call"
        out.append("  orig_ax %d (%s)\n" % (nr, what))
        out.append("  %-8s %#018x (thread.fsbase, saved at its last switch)\n"
                   % ("fs_base", task.fsbase))
        gdb.write("".join(out))


class DissectCow(DissectCommand):
    """What a write to a user address would do now: no fault, COW copy, reuse.

Usage: dissect-cow [--mm EXPR] ADDR

For the current task's mm (pcpu_hot.current_task->mm), or the mm that
--mm names (as for dissect-vmas), look at ADDR as a user-mode write
would meet it:

  area    the area containing it (find_vma() on mm->mmap): its range,
          permissions (rwx and s shared / p private) and vm_flags
  pte     walked down from mm->pgd (dissect-pt's walk): value and flags
  page    the pfn, and its struct page (mem_map[pfn]): refcount
          (page_ref_count), mapcount, PageAnon, whether it is the zero page

and the verdict, as the MMU, do_user_addr_fault() and do_wp_page()
(mm/memory.c) decide it:

  writable already: no fault
  not mapped (first touch: do_anonymous_page / do_fault)
  write fault -> do_wp_page -> wp_page_copy (zero page)
  write fault -> do_wp_page -> wp_page_copy (page shared: refcount N)
  write fault -> do_wp_page -> wp_page_reuse (only user)
  write fault -> do_wp_page -> wp_page_copy (a page-cache page: ...)
  write fault -> do_wp_page -> wp_page_shared: ->page_mkwrite, then wp_page_reuse
  the area forbids writes: SIGSEGV
  no area: SIGSEGV (why)      nothing there, and no stack may grow to it"""

    name = "dissect-cow"

    def run(self, arg, from_tty):
        argv = arg.split(None, 2)
        if argv and argv[0] == "--mm":
            if len(argv) < 3:
                raise DissectError("usage: dissect-cow [--mm EXPR] ADDR")
            mm = Mm(eval_mm(argv[1]))
            whose = "--mm %s" % argv[1]
            arg = argv[2]
        else:
            current = current_task_addr()
            if not current:
                raise DissectError("current is not set yet: use --mm EXPR")
            task = Task(current)
            if not task.mm:
                raise DissectError("current, %s, is a kernel thread: it has no mm "
                                   "(use --mm EXPR)" % task.describe())
            mm = Mm(task.mm)
            whose = "current: %s" % task.describe()
        if not arg.strip():
            raise DissectError("usage: dissect-cow [--mm EXPR] ADDR")
        addr = eval_address(arg)
        r = write_fault(mm, addr)

        out = ["dissect-cow %#x: mm %#x (%s)\n" % (addr, mm.addr, whose)]
        if r.area and r.area.start <= addr:
            a = r.area
            name = vma_name(a, lambda x: mm if x == mm.addr else Mm(x))
            out.append("  area  %s%s, vm_flags %#x (%s), %s\n" % (
                area_label(a), " " + name if name else "", a.flags,
                vm_flags_names(a.flags), "anonymous" if not a.ops else "vm_ops %#x" % a.ops))
        elif r.walk is not None:
            out.append("  area  none contains it%s\n" % (
                "; the next is %s" % area_label(r.area) if r.area else ""))
        if r.walk is not None:
            leaf = r.walk.steps[-1] if r.walk.steps else None
            if r.pte is not None:
                out.append("  pte   %#018x %s (%s entry at phys %#x)\n" % (
                    r.pte, decode_flags(r.pte, leaf.level.linux, columns=False),
                    leaf.level.linux, leaf.entry_paddr))
                if r.page:
                    p = r.page
                    out.append("  page  pfn %#x, struct page %#x: refcount %d, mapcount %d, "
                               "PageAnon %s, zero page %s\n" % (
                                   r.pfn, p.addr, p.refcount, p.mapcount,
                                   "yes" if p.anon else "no", "yes" if r.zero else "no"))
                else:
                    out.append("  page  pfn %#x: no struct page (beyond max_pfn)\n" % r.pfn)
            else:
                out.append("  pte   none (%s)\n" % r.walk.error)
        out.append("-> a write now: %s\n" % r.verdict)
        gdb.write("".join(out))

ensure_x86_64()
DissectHelp()
DissectPt()
DissectMeminfo()
DissectDmesg()
DissectVmas()
DissectRbcheck()
DissectPs()
DissectRegs()
DissectCow()
DissectPhys()
