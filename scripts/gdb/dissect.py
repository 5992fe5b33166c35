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
    if not area.mm:
        return None
    mm = mm_of(area.mm)
    if area.start <= mm.brk and area.end >= mm.start_brk and mm.start_brk:
        return "[heap]"
    if area.start <= mm.start_stack and area.end >= mm.start_stack:
        return "[stack]"
    return None


def maps_line(area, name):
    """show_map_vma(): @area's /proc/PID/maps line, without the newline.

    "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", then for a named area
    spaces up to column 72 and " name".  The offset is vm_pgoff's bytes
    only for a file mapping; device and inode are 0 until files exist.
    """
    f = area.flags
    pgoff = (area.pgoff << PAGE_SHIFT) & 0xFFFFFFFFFFFFFFFF if area.file else 0
    line = "%08x-%08x %s%s%s%s %08x %02x:%02x %d " % (
        area.start, area.end,
        "r" if f & VM_READ else "-", "w" if f & VM_WRITE else "-",
        "x" if f & VM_EXEC else "-", "s" if f & VM_MAYSHARE else "p",
        pgoff, 0, 0, 0)
    if name is not None:
        line = line.ljust(MAPS_NAME_COLUMN) + " " + name
    return line


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


ensure_x86_64()
DissectHelp()
DissectPt()
DissectMeminfo()
DissectDmesg()
DissectVmas()
DissectRbcheck()
DissectPhys()
