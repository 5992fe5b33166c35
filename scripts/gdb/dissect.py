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
#   $dissect_phys(ADDR)   convenience function: ADDR's physical address
#
# The file has three layers:
#
#   1. constants: the kernel's memory layout and page-table entry bits,
#      copied from arch/x86/include/asm/page.h and pgtable.h;
#   2. helpers: reading virtual and physical memory, control registers,
#      kernel symbols, decoding entries, and walk() - the page-table walk as
#      data, for any command that needs a translation;
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
# log_buf, log_next.

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


ensure_x86_64()
DissectHelp()
DissectPt()
DissectMeminfo()
DissectDmesg()
DissectPhys()
