# SPDX-License-Identifier: GPL-2.0
#
# The batch GDB check of `make test`, run by scripts/gdb_check.sh inside
#
#   gdb -batch -nx -x scripts/gdb/check.py
#
# with QEMU already started, paused (-S), its gdbstub on 127.0.0.1:PORT.
# Environment: DISSECT_GDB_PORT (the port), DISSECT_ELF (the kernel with
# its symbols), DISSECT_SRC (the repository, for scripts/gdb/dissect.py;
# default: the current directory), DISSECT_STEP_TIMEOUT (seconds one
# "continue" may take before the check interrupts the kernel; default 20),
# DISSECT_GDB_SESSION (which checks: "boot", the default, or "vmas").
#
# Session "boot" (the plain kernel, dissect-gdb.iso) drives the boot from
# outside, as a student would in `make debug`:
#
#   start_kernel   called by startup_64; the boot tables (early_pgd) are
#                  in CR3 and map the kernel with 2M pages, RWX
#   paging_init    init_mem_mapping() has returned: CR3 and init_mm.pgd
#                  are swapper_pg_dir; the kernel text is 4K pages, r-x;
#                  the direct map is 2M pages, rw-, NX; the identity
#                  mapping of the boot tables is gone
#   time_init      mem_init() has handed memory to the buddy allocator:
#                  dissect-meminfo shows it free; dissect-dmesg shows the log
#
# Session "vmas" (the self-test kernel, dissect-ktest.iso, command line
# "ktest") checks dissect-vmas and dissect-rbcheck on the address spaces
# the VMA suites build (tests/mm/test_vma.c, test_vma_random.c):
#
#   parse_early_param  boot_command_line is still "ktest": rewrite it to
#                  "ktest ktest.filter=vma,vma_random", as one would edit
#                  the GRUB line, so only those two suites run
#   show_map_vma   called by the vma_maps_* cases, on an mm of 5 areas,
#                  then one of 2 (rw-p, ---p, r-xp, rwxs, [heap], [stack]):
#                  at each call the area's dissect-vmas line must be the
#                  line the kernel's show_map_vma() then writes ("finish"
#                  and read its buffer); every line must match the area
#                  list as read here (mm->mmap, vm_next); dissect-vmas -v
#                  shows each area's vm_flags; dissect-rbcheck says OK
#   mmput          called by vma_random_ops after 10,000 random mmap,
#                  munmap, mprotect and fault operations, with the mm
#                  (dozens of areas, red and black nodes, resident pages):
#                  dissect-vmas agrees with the list, map_count and
#                  get_mm_rss(); dissect-rbcheck says OK, with the black
#                  height counted here down the leftmost path; then one
#                  rb_subtree_gap, one node's colour and map_count are
#                  damaged in turn with "set var": each time rbcheck must
#                  name the damage; each value is restored and rbcheck is
#                  OK again
#   machine_exit   the two suites passed anyway (dissect-dmesg: the
#                  rewritten command line, "fail:0" totals, no "not ok")
#
# Every check prints "gdb-check:   ok: ..."; the first that fails prints
# "gdb-check: FAIL: reason" and GDB exits with status 1.  The last line
# on success is "gdb-check: ok".  Before each "continue" a
# "gdb-check: step: ..." line says what the check waits for, so a timeout
# of the whole run (gdb_check.sh's) can say where it hung.

import os
import re
import signal
import sys
import threading

import gdb

START_KERNEL_MAP = 0xFFFFFFFF80000000  # __START_KERNEL_map
START_KERNEL = 0xFFFFFFFF81000000  # __START_KERNEL = _text
PHYSICAL_START = 0x1000000  # where _text is loaded
PAGE_OFFSET = 0xFFFF888000000000
DIRECT_MAP_PROBE = PAGE_OFFSET + 0x200000  # RAM at 2 MiB: a 2M page at 256M
IDENTITY_PROBE = 0x1000000  # mapped by the boot tables only
MIN_FREE_MIB = 200  # of 256M, after mem_init()

STEP_TIMEOUT = float(os.environ.get("DISSECT_STEP_TIMEOUT", "20"))


class CheckFailed(Exception):
    pass


def say(msg):
    sys.stdout.write("gdb-check: %s\n" % msg)
    sys.stdout.flush()


def ok(msg):
    say("  ok: " + msg)


def expect(cond, msg):
    if not cond:
        raise CheckFailed(msg)


def run(cmd):
    """A GDB command's output as a string; its error as a CheckFailed."""
    try:
        return gdb.execute(cmd, to_string=True)
    except gdb.error as e:
        raise CheckFailed("'%s' failed: %s" % (cmd, e))


def addr(symbol):
    """The address of a kernel symbol (also of untyped ones from NASM)."""
    try:
        return int(gdb.parse_and_eval("(unsigned long)&%s" % symbol))
    except gdb.error as e:
        raise CheckFailed("no symbol %s in the kernel: %s" % (symbol, e))


def frame_names(limit=16):
    names = []
    f = gdb.newest_frame()
    while f is not None and len(names) < limit:
        names.append(f.name() or "??")
        try:
            f = f.older()
        except gdb.error:
            break
    return names


def continue_to(func, why, condition=None):
    """Run until the hardware breakpoint at @func is hit (and, if given,
    the GDB expression @condition is true there).

    A watchdog interrupts the kernel (as Ctrl-C would) if it takes longer
    than STEP_TIMEOUT, so a hung or panicked kernel fails the check with
    a backtrace of where it was instead of hanging it.
    """
    say("step: continue to %s%s (%s)" % (func, " if " + condition if condition else "", why))
    run("hbreak %s%s" % (func, " if " + condition if condition else ""))
    bp = gdb.breakpoints()[-1]
    fired = []

    def interrupt():
        fired.append(True)
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(STEP_TIMEOUT, interrupt)
    timer.start()
    try:
        gdb.execute("continue", to_string=True)
    except gdb.error as e:
        raise CheckFailed("the kernel did not reach %s: %s (QEMU exited? a panic? "
                          "see the serial log)" % (func, e))
    finally:
        timer.cancel()
        if bp.is_valid():
            bp.delete()
    if not gdb.selected_inferior().threads():
        raise CheckFailed("the kernel did not reach %s: QEMU exited (the kernel powered "
                          "off or reset; see the serial log)" % func)
    names = frame_names()
    if fired or not names or names[0] != func:
        where = " <- ".join(names[:6])
        raise CheckFailed("waiting for %s%s; the kernel is at: %s" % (
            func, " timed out after %.0f s" % STEP_TIMEOUT if fired else "", where))
    ok("reached %s" % func)


def pt(expr):
    """Run dissect-pt and split its output into (text, final line)."""
    out = run("dissect-pt %s" % expr)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    return out, last


LEAF_RE = re.compile(r"^-> phys (0x[0-9a-f]+), (4K|2M|1G) page, ([r-][w-][x-]) (kernel|user)")


def expect_leaf(expr, paddr, size, perms, who="kernel"):
    out, last = pt(expr)
    m = LEAF_RE.match(last)
    if not m:
        raise CheckFailed("dissect-pt %s: no translation in its output:\n%s" % (expr, out))
    got = (int(m.group(1), 16), m.group(2), m.group(3), m.group(4))
    want = (paddr, size, perms, who)
    if got != want:
        raise CheckFailed("dissect-pt %s: got phys %#x, %s page, %s %s; expected "
                          "phys %#x, %s page, %s %s\n%s" % ((expr,) + got + want + (out,)))
    for line in out.splitlines():  # every level on the way is present
        if " not present" in line:
            raise CheckFailed("dissect-pt %s: a level is not present:\n%s" % (expr, out))
    ok("dissect-pt %s -> phys %#x, %s page, %s %s" % ((expr,) + want))
    return out


def check_start_kernel():
    continue_to("start_kernel", "the first C code, called by startup_64 on the boot tables")
    names = frame_names()
    expect(len(names) >= 2 and names[1] == "startup_64",
           "at start_kernel the backtrace is %s; expected start_kernel <- startup_64"
           % " <- ".join(names))
    bt = run("bt")
    expect("start_kernel" in bt and "startup_64" in bt,
           "'bt' at start_kernel does not show start_kernel and startup_64:\n" + bt)
    ok("backtrace: start_kernel <- startup_64")

    cr3 = int(gdb.parse_and_eval("$cr3")) & ~0xFFF
    early = addr("early_pgd")  # the head is linked at its physical address
    expect(cr3 == early, "CR3 at start_kernel is %#x; expected early_pgd at %#x" % (cr3, early))
    ok("CR3 = %#x = early_pgd (the boot tables)" % cr3)

    sk = addr("start_kernel")
    expect_leaf("start_kernel", PHYSICAL_START + (sk - START_KERNEL), "2M", "rwx")
    expect_leaf("%#x" % IDENTITY_PROBE, IDENTITY_PROBE, "2M", "rwx")


def check_paging_init():
    continue_to("paging_init", "setup_arch calls it right after init_mem_mapping")
    names = frame_names()
    expect(names[:3] == ["paging_init", "setup_arch", "start_kernel"],
           "at paging_init the backtrace is %s; expected paging_init <- setup_arch "
           "<- start_kernel" % " <- ".join(names))
    ok("backtrace: paging_init <- setup_arch <- start_kernel")

    expect(bool(gdb.parse_and_eval("init_mm.pgd == swapper_pg_dir")),
           "init_mm.pgd is %s, not swapper_pg_dir" % gdb.parse_and_eval("init_mm.pgd"))
    ok("init_mm.pgd == swapper_pg_dir")

    swapper = addr("swapper_pg_dir")
    want = swapper - START_KERNEL_MAP
    cr3 = int(gdb.parse_and_eval("$cr3")) & ~0xFFF
    expect(cr3 == want, "CR3 is %#x; expected __pa_symbol(swapper_pg_dir) = %#x" % (cr3, want))
    regs = run("monitor info registers")  # the same, from QEMU's monitor
    m = re.search(r"CR3=([0-9a-fA-F]+)", regs)
    expect(m and int(m.group(1), 16) & ~0xFFF == want,
           "QEMU's monitor says CR3=%s; expected %#x" % (m.group(1) if m else "?", want))
    ok("CR3 = %#x = __pa_symbol(swapper_pg_dir) ($cr3 and the monitor agree)" % cr3)

    sk = addr("start_kernel")
    out = expect_leaf("start_kernel", PHYSICAL_START + (sk - START_KERNEL), "4K", "r-x")
    pte = [l for l in out.splitlines() if l.strip().startswith("pte")]
    expect(pte and " P " in pte[0] + " " and " RW " not in pte[0] and " NX" not in pte[0],
           "dissect-pt start_kernel: the pte's flags should be present, read-only, "
           "executable:\n" + out)
    expect_leaf("%#x" % DIRECT_MAP_PROBE, DIRECT_MAP_PROBE - PAGE_OFFSET, "2M", "rw-")
    out, last = pt("%#x" % DIRECT_MAP_PROBE)
    pmd = [l for l in out.splitlines() if l.strip().startswith("pmd")]
    expect(pmd and " NX" in pmd[0] and " PS " in pmd[0],
           "dissect-pt %#x: the pmd should be a large page with NX:\n%s" % (DIRECT_MAP_PROBE, out))

    out, last = pt("%#x" % IDENTITY_PROBE)
    lines = [l.strip() for l in out.splitlines()]
    levels = [l for l in lines if re.match(r"^(pgd|pud|pmd|pte) \(", l)]
    expect(len(levels) == 1 and levels[0].startswith("pgd") and "not present" in levels[0]
           and last.startswith("-> not mapped"),
           "dissect-pt %#x: the identity mapping should be gone at the pgd level:\n%s"
           % (IDENTITY_PROBE, out))
    ok("dissect-pt %#x -> not present at the pgd: the identity map is gone" % IDENTITY_PROBE)


def check_time_init():
    continue_to("time_init", "after mem_init() and free_initmem()")
    out = run("dissect-meminfo")
    expect(re.search(r"^Node 0, zone +Normal( +\d+){11}$", out, re.M),
           "dissect-meminfo: no buddyinfo line with 11 orders:\n" + out)
    m = re.search(r"free: +(\d+) pages = (\d+) MiB", out)
    expect(m, "dissect-meminfo: no free total:\n" + out)
    pages, mib = int(m.group(1)), int(m.group(2))
    expect(mib > MIN_FREE_MIB, "dissect-meminfo: only %d MiB free; expected more than %d "
           "MiB of 256M:\n%s" % (mib, MIN_FREE_MIB, out))
    expect("WARNING" not in out, "dissect-meminfo reports an inconsistency:\n" + out)
    nr_free = int(gdb.parse_and_eval("'page_alloc.c'::zone_normal.free_pages"))
    expect(nr_free == pages, "dissect-meminfo says %d free pages, zone_normal.free_pages "
           "is %d" % (pages, nr_free))
    ok("dissect-meminfo: %d pages = %d MiB free" % (pages, mib))

    out = run("dissect-dmesg")
    for want in ("dissect version", "init_memory_mapping:", "Freeing unused kernel image"):
        expect(want in out, "dissect-dmesg does not show '%s':\n%s" % (want, out))
    ok("dissect-dmesg shows the boot log (%d lines)" % len(out.splitlines()))


# --- session "vmas": dissect-vmas and dissect-rbcheck -------------------------

KTEST_CMDLINE = "ktest"  # the command line baked into dissect-ktest.iso
VMA_CMDLINE = "ktest ktest.filter=vma,vma_random"
VM_READ, VM_WRITE, VM_EXEC, VM_MAYSHARE = 0x1, 0x2, 0x4, 0x80
MAPS_RE = re.compile(r"^([0-9a-f]{8,})-([0-9a-f]{8,}) ")
MAX_MAPS_CALLS = 32  # show_map_vma calls followed before giving up


def value(expr):
    """An expression's value as an unsigned int (a CheckFailed if GDB cannot)."""
    try:
        return int(gdb.parse_and_eval("(unsigned long)(%s)" % expr))
    except gdb.error as e:
        raise CheckFailed("cannot evaluate %s: %s" % (expr, e))


def list_areas(mm):
    """The areas of the mm at address @mm, read here from its list (mm->mmap,
    vm_next), not from the tree dissect-vmas walks: [(vma, start, end, flags)]."""
    areas, vma = [], value("((struct mm_struct *)%#x)->mmap" % mm)
    while vma:
        expect(len(areas) < 100000, "the area list of mm %#x does not end" % mm)
        v = "((struct vm_area_struct *)%#x)" % vma
        areas.append((vma, value(v + "->vm_start"), value(v + "->vm_end"),
                      value(v + "->vm_flags")))
        vma = value(v + "->vm_next")
    return areas


def maps_prefix(vma, start, end, flags):
    """An area's maps line up to the inode, composed here: offset, device
    and inode are zero for anonymous memory, the file's otherwise."""
    v = "((struct vm_area_struct *)%#x)" % vma
    pgoff, dev, ino = 0, "00:00", 0
    if value(v + "->vm_file"):
        pgoff = value(v + "->vm_pgoff") << 12
        s_dev = value(v + "->vm_file->f_inode->i_sb->s_dev")
        dev = "%02x:%02x" % (s_dev >> 20, s_dev & 0xfffff)
        ino = value(v + "->vm_file->f_inode->i_ino")
    return "%08x-%08x %s%s%s%s %08x %s %d" % (
        start, end, "r" if flags & VM_READ else "-", "w" if flags & VM_WRITE else "-",
        "x" if flags & VM_EXEC else "-", "s" if flags & VM_MAYSHARE else "p", pgoff, dev, ino)


def vmas(mm_expr, mm, verbose=False):
    """Run dissect-vmas; check its area lines against list_areas(); return
    (the output, {vm_start: line})."""
    out = run("dissect-vmas %s%s" % ("-v " if verbose else "", mm_expr))
    lines = out.split("\n")
    maps = [l for l in lines if MAPS_RE.match(l)]
    areas = list_areas(mm)
    expect(len(maps) == len(areas), "dissect-vmas %s: %d area lines; the mm's list holds %d:\n%s"
           % (mm_expr, len(maps), len(areas), out))
    for line, (vma, start, end, flags) in zip(maps, areas):
        want = maps_prefix(vma, start, end, flags)
        expect(line == want + " " or line.startswith(want + "  "),
               "dissect-vmas %s: area %#x, %s on the list, is shown as '%s'\n%s"
               % (mm_expr, vma, want, line, out))
    if verbose:
        details = [l for l in lines if l.startswith("    vma ")]
        expect(len(details) == len(areas), "dissect-vmas -v %s: %d detail lines for %d areas:\n%s"
               % (mm_expr, len(details), len(areas), out))
        for line, (vma, start, end, flags) in zip(details, areas):
            expect(line.startswith("    vma %#x vm_flags %#x (" % (vma, flags)) and
                   re.search(r" rb_subtree_gap 0x[0-9a-f]+ (red|black)$", line),
                   "dissect-vmas -v %s: area %#x (vm_flags %#x) is shown as\n%s"
                   % (mm_expr, vma, flags, line))
    m = re.search(r"^mm (0x[0-9a-f]+): map_count (\d+), total_vm (\d+) pages", out, re.M)
    expect(m and int(m.group(1), 16) == mm and int(m.group(2)) == len(areas) and
           int(m.group(3)) == value("((struct mm_struct *)%#x)->total_vm" % mm),
           "dissect-vmas %s: the summary should name mm %#x, map_count %d and its "
           "total_vm:\n%s" % (mm_expr, mm, len(areas), out))
    return out, dict((int(MAPS_RE.match(l).group(1), 16), l) for l in maps)


def rbcheck(mm_expr):
    """Run dissect-rbcheck: (the output, number of areas or None, black height
    or None, problem lines)."""
    out = run("dissect-rbcheck %s" % mm_expr)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    m = re.match(r"^rbcheck: OK \((\d+) areas, black height (\d+)\)$", last)
    if m:
        return out, int(m.group(1)), int(m.group(2)), []
    m = re.match(r"^rbcheck: (\d+) problems?$", last)
    expect(m, "dissect-rbcheck %s: no verdict on its last line:\n%s" % (mm_expr, out))
    problems = out.strip().splitlines()[:-1]
    expect(len(problems) == int(m.group(1)), "dissect-rbcheck %s: says %s problems, lists "
           "%d:\n%s" % (mm_expr, m.group(1), len(problems), out))
    return out, None, None, problems


def expect_rbcheck_ok(mm_expr, nr_areas):
    out, n, height, problems = rbcheck(mm_expr)
    expect(n == nr_areas, "dissect-rbcheck %s: expected OK with %d areas:\n%s"
           % (mm_expr, nr_areas, out))
    return height


def check_ktest_cmdline(new_cmdline=None):
    new_cmdline = new_cmdline or VMA_CMDLINE
    continue_to("parse_early_param", "setup_arch has copied the command line, nothing "
                "has parsed it yet")
    try:
        cmdline = gdb.parse_and_eval("boot_command_line").string()
    except gdb.error as e:
        raise CheckFailed("cannot read boot_command_line: %s" % e)
    expect(cmdline == KTEST_CMDLINE, "boot_command_line is '%s'; expected '%s', the "
           "command line of dissect-ktest.iso" % (cmdline, KTEST_CMDLINE))
    size = value("sizeof(boot_command_line)")
    expect(size > len(new_cmdline), "boot_command_line has room for %d bytes only" % size)
    gdb.selected_inferior().write_memory(addr("boot_command_line"),
                                         new_cmdline.encode() + b"\0")
    got = gdb.parse_and_eval("boot_command_line").string()
    expect(got == new_cmdline, "writing boot_command_line failed: it reads '%s'" % got)
    ok("boot_command_line '%s' -> '%s'" % (cmdline, new_cmdline))


def check_maps_lines():
    """At every show_map_vma() call of the vma_maps_* cases: dissect-vmas's
    line for the area is the line the kernel writes."""
    names, checked = set(), 0
    for _ in range(MAX_MAPS_CALLS):
        continue_to("show_map_vma", "a vma_maps_* case asks for a maps line")
        vma, buf, size = value("vma"), value("buf"), value("size")
        mm = value("vma->vm_mm")
        start = value("vma->vm_start")
        out, lines = vmas("vma->vm_mm", mm, verbose=checked == 0)
        expect(start in lines, "dissect-vmas vma->vm_mm has no line for area %#x at %#x:\n%s"
               % (vma, start, out))
        mine = lines[start]
        expect_rbcheck_ok("vma->vm_mm", len(lines))

        run("finish")  # the kernel writes its line into buf
        try:
            theirs = gdb.selected_inferior().read_memory(buf, size).tobytes()
        except gdb.error as e:
            raise CheckFailed("cannot read show_map_vma's buffer at %#x: %s" % (buf, e))
        theirs = theirs.split(b"\0")[0].decode("ascii", "replace")
        expect(theirs == mine + "\n", "dissect-vmas and show_map_vma() differ on area %#x:"
               "\n  '%s' (dissect-vmas)\n  '%s' (show_map_vma)"
               % (vma, mine, theirs.rstrip("\n")))
        ok("show_map_vma() = dissect-vmas: '%s'" % mine)
        checked += 1
        m = re.search(r" (\[\w+\])$", mine)
        names.add(m.group(1) if m else mine.split()[1])
        if {"[heap]", "[stack]", "rwxs", "---p"} <= names:
            break
    expect({"[heap]", "[stack]", "rwxs", "---p"} <= names,
           "after %d show_map_vma calls, still not seen [heap], [stack], rwxs and ---p "
           "(saw %s)" % (checked, ", ".join(sorted(names))))
    ok("dissect-vmas: %d lines equal to show_map_vma's, dissect-rbcheck OK at each" % checked)


def leftmost_black_height(mm):
    """Black nodes on the path from the root down the rb_left pointers."""
    node, height = value("((struct mm_struct *)%#x)->mm_rb.rb_node" % mm), 0
    while node:
        height += value("((struct rb_node *)%#x)->__rb_parent_color" % node) & 1
        node = value("((struct rb_node *)%#x)->rb_left" % node)
    return height


def damage(what, setting, restoring, mm_expr, nr_areas, want):
    """Run @setting (a "set var"), expect dissect-rbcheck to report a problem
    matching the regular expression @want, run @restoring, expect OK again."""
    run(setting)
    try:
        out, n, _, problems = rbcheck(mm_expr)
    finally:
        run(restoring)
    expect(n is None, "dissect-rbcheck says OK after %s (%s):\n%s" % (what, setting, out))
    expect(any(re.search(want, p) for p in problems),
           "dissect-rbcheck after %s (%s): no problem matches '%s':\n%s"
           % (what, setting, want, out))
    expect_rbcheck_ok(mm_expr, nr_areas)
    hit = [p for p in problems if re.search(want, p)][0]
    ok("%s: %s (%d problem%s); restored: OK" % (what, hit, len(problems),
                                                "" if len(problems) == 1 else "s"))


def check_random_mm():
    continue_to("vma_random_ops", "the random VMA operations start")
    continue_to("mmput", "vma_random_ops is done and drops its mm")
    names = frame_names()
    expect(len(names) > 1 and names[1] == "vma_random_ops",
           "mmput called from %s; expected vma_random_ops" % " <- ".join(names[:4]))
    mm = value("mm")
    mm_expr = "%#x" % mm  # as a plain address this time
    m = "((struct mm_struct *)%#x)" % mm
    nr = value(m + "->map_count")
    expect(nr >= 10, "the random mm has only %d areas" % nr)

    out, lines = vmas(mm_expr, mm)
    rss = sum(max(int(gdb.parse_and_eval("%s->rss_stat[%d].counter" % (m, i))), 0)
              for i in (0, 1, 3))  # get_mm_rss(): file + anon + shmem
    summary = re.search(r"mm_users (\d+), mm_count (\d+), rss (\d+) pages", out)
    expect(summary and int(summary.group(3)) == rss and rss > 0 and
           int(summary.group(1)) == value("%s->mm_users.counter" % m),
           "dissect-vmas %s: expected mm_users %d and rss %d pages:\n%s"
           % (mm_expr, value("%s->mm_users.counter" % m), rss, out))
    ok("dissect-vmas %s: %d areas as on the list, rss %d pages" % (mm_expr, nr, rss))

    height = expect_rbcheck_ok(mm_expr, nr)
    want_height = leftmost_black_height(mm)
    expect(height == want_height, "dissect-rbcheck says black height %d; the leftmost path "
           "has %d black nodes" % (height, want_height))
    ok("dissect-rbcheck %s: OK (%d areas, black height %d)" % (mm_expr, nr, height))

    # Damage a leaf's gap: rbcheck must name that area.
    areas = list_areas(mm)
    leaf = None
    for vma, start, end, flags in areas:
        v = "((struct vm_area_struct *)%#x)" % vma
        if not value(v + "->vm_rb.rb_left") and not value(v + "->vm_rb.rb_right"):
            leaf = (v, start, end)
            break
    expect(leaf, "no leaf in the tree of mm %#x" % mm)
    v, start, end = leaf
    gap = value(v + "->rb_subtree_gap")
    damage("rb_subtree_gap + 4096", "set var %s->rb_subtree_gap = %#x" % (v, gap + 4096),
           "set var %s->rb_subtree_gap = %#x" % (v, gap), mm_expr, nr,
           r"^rbcheck: \[%x-%x\): rb_subtree_gap %#x, should be %#x$"
           % (start, end, gap + 4096, gap))

    # Turn a red node black (or, if there is none, the root red).
    red = None
    for vma, start, end, flags in areas:
        v = "((struct vm_area_struct *)%#x)" % vma
        if not value(v + "->vm_rb.__rb_parent_color") & 1:
            red = (v, start, end)
            break
    if red:
        v, start, end = red
        pc = value(v + "->vm_rb.__rb_parent_color")
        damage("red [%x-%x) made black" % (start, end),
               "set var %s->vm_rb.__rb_parent_color = %#x" % (v, pc | 1),
               "set var %s->vm_rb.__rb_parent_color = %#x" % (v, pc), mm_expr, nr,
               r"black nodes down its left, \d+ down its right")
    else:
        root = value(m + "->mm_rb.rb_node")
        pc = value("((struct rb_node *)%#x)->__rb_parent_color" % root)
        damage("the root made red", "set var ((struct rb_node *)%#x)->__rb_parent_color = %#x"
               % (root, pc & ~1), "set var ((struct rb_node *)%#x)->__rb_parent_color = %#x"
               % (root, pc), mm_expr, nr, r"^rbcheck: the root \[[0-9a-f]+-[0-9a-f]+\) is red$")

    damage("map_count + 1", "set var %s->map_count = %d" % (m, nr + 1),
           "set var %s->map_count = %d" % (m, nr), mm_expr, nr,
           r"^rbcheck: map_count is %d; the list holds %d areas, the tree %d$" % (nr + 1, nr, nr))


def check_ktest_passed():
    continue_to("machine_exit", "the two suites end and the kernel powers off")
    out = run("dissect-dmesg")
    expect("Command line: " + VMA_CMDLINE in out,
           "dissect-dmesg: no 'Command line: %s':\n%s" % (VMA_CMDLINE, out))
    totals = re.search(r"^# Totals: pass:(\d+) fail:(\d+)", out, re.M)
    expect(totals and int(totals.group(1)) > 0 and totals.group(2) == "0" and
           not re.search(r"^\s*not ok ", out, re.M) and
           re.search(r"^ok \d+ vma$", out, re.M) and re.search(r"^ok \d+ vma_random$", out, re.M),
           "the vma suites did not pass (dissect-dmesg):\n%s" % out)
    ok("the vma and vma_random suites passed: %s" % totals.group(0))


def check_vmas_session():
    check_ktest_cmdline()
    check_maps_lines()
    check_random_mm()
    check_ktest_passed()



# --- session "user": dissect-ps, dissect-regs, dissect-cow ---------------------

USER_CMDLINE = "ktest ktest.filter=user"
USER_PROGRAM = "argv_check"  # static, not PIE: linked at 0x400000
USER_TEXT_END = 0x800000  # its text is far below this
THREAD_SIZE = 16384  # include/sched.h
PF_KTHREAD = 0x00200000
USER_CS, USER_DS = 0x33, 0x2b
PTE_PFN_MASK = 0x000FFFFFFFFFF000
PTE_PRESENT, PTE_RW, PTE_USER, PTE_PSE, PTE_SPECIAL = 1 << 0, 1 << 1, 1 << 2, 1 << 7, 1 << 9
VM_SHARED, VM_PFNMAP = 0x8, 0x400
SYSCALL_H = os.path.join("arch", "x86", "entry", "syscalls", "syscall_64.h")

PS_RE = re.compile(r"^([* ]) +(\d+) +(\d+) +(\d+|\?) ([RSDZXN?]) (\S+) +(0x[0-9a-f]+|-) +"
                   r"(0x[0-9a-f]+(?: \S+)?|-) +(\d+|-|\?) +(\d+) +(0x[0-9a-f]+)$")
REG_RE = re.compile(r"^  (r[a-z0-9]+|fs_base) +(0x[0-9a-f]+)\b")
VERDICT_RE = re.compile(r"^-> a write now: (.+)$", re.M)
WP = "write fault -> do_wp_page -> "


def state_letter(state, exit_state):
    """ps's letter from the values in include/sched.h, composed here."""
    if exit_state & 0x20:
        return "X"
    if (state | exit_state) & 0x10:
        return "Z"
    if state & 0x80:
        return "X"
    if state & 0x800:
        return "N"
    if state & 0x2:
        return "D"
    if state & 0x1:
        return "S"
    return "R" if state == 0 else "?"


def tasks_here():
    """Every task on task_list, read here with GDB expressions (not with
    dissect.py's helpers): [dict]."""
    off = value("&((struct task_struct *)0)->tasks")
    head, node, tasks = addr("task_list"), value("task_list.next"), []
    while node != head:
        expect(len(tasks) < 1000, "task_list does not end")
        t = "((struct task_struct *)%#x)" % (node - off)
        d = dict((f, value("%s->%s" % (t, f))) for f in (
            "pid", "tgid", "state", "exit_state", "flags", "mm", "active_mm", "nr_switches",
            "stack"))
        d["addr"] = node - off
        d["ppid"] = value(t + "->real_parent->pid")
        d["comm"] = gdb.parse_and_eval(t + "->comm").string()
        if d["mm"]:
            m = "((struct mm_struct *)%#x)" % d["mm"]
            d["rss"] = sum(max(int(gdb.parse_and_eval("%s->rss_stat[%d].counter" % (m, i))), 0)
                           for i in (0, 1, 3))  # get_mm_rss(): file + anon + shmem
        tasks.append(d)
        node = value(t + "->tasks.next")
    return tasks


def syscall_names_here():
    """{nr: name}, parsed here from the source tree's syscall_64.h."""
    path = os.path.join(os.environ.get("DISSECT_SRC", "."), SYSCALL_H)
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        raise CheckFailed("cannot read %s: %s" % (path, e))
    return dict((int(n), name) for n, name in
                re.findall(r"__SYSCALL\(\s*(\d+)\s*,\s*(\w+)\s*\)", text))


def walk_here(mm, vaddr):
    """The page-table walk for @vaddr from mm->pgd, with GDB expressions
    reading the tables through the direct map: dict(present, entry (the
    last entry read), entry_paddr, level (0 pgd .. 3 pte), rw, us, large)."""
    table = value("((struct mm_struct *)%#x)->pgd" % mm) - PAGE_OFFSET
    rw = us = True
    for level, shift in enumerate((39, 30, 21, 12)):
        entry_paddr = table + 8 * ((vaddr >> shift) & 511)
        entry = value("*(unsigned long *)%#x" % (PAGE_OFFSET + entry_paddr))
        w = dict(entry=entry, entry_paddr=entry_paddr, level=level, large=False,
                 present=bool(entry & PTE_PRESENT))
        if not w["present"]:
            return w
        rw, us = rw and bool(entry & PTE_RW), us and bool(entry & PTE_USER)
        w.update(rw=rw, us=us)
        if level == 3 or entry & PTE_PSE:
            w["large"] = level != 3
            return w
        table = entry & PTE_PFN_MASK
    return w


def expected_verdict(mm, vaddr, areas=None):
    """What a user write to @vaddr does, composed here from the pte, the area
    and the struct page, after do_user_addr_fault(), handle_pte_fault() and
    do_wp_page() -- for an address inside an anonymous area.  @areas:
    list_areas(mm), if the caller has it."""
    w = walk_here(mm, vaddr)
    if w["present"] and w["rw"] and w["us"]:
        return "writable already: no fault"
    area = [a for a in areas or list_areas(mm) if a[1] <= vaddr < a[2]]
    expect(area, "expected_verdict(%#x): no area contains it" % vaddr)
    vma, start, end, flags = area[0]
    anonymous = value("((struct vm_area_struct *)%#x)->vm_ops" % vma) == 0
    if not flags & VM_WRITE:
        return "the area forbids writes: SIGSEGV"
    if not w["present"]:
        expect(w["entry"] == 0 or w["level"] < 3,
               "expected_verdict(%#x): a non-empty, not present pte" % vaddr)
        if anonymous:
            return "not mapped (first touch: do_anonymous_page)"
        return "not mapped (first touch: do_fault%s)" % (
            "" if flags & VM_SHARED else ", then do_wp_page for a private copy")
    pte = w["entry"]
    expect(not w["large"] and not pte & PTE_RW, "expected_verdict(%#x): pte %#x is not modeled "
           "here" % (vaddr, pte))
    pfn = (pte & PTE_PFN_MASK) >> 12
    if pfn == value("zero_page - mem_map"):
        return WP + "wp_page_copy (zero page)"
    expect(not pte & PTE_SPECIAL and not flags & VM_PFNMAP and pfn < value("max_pfn"),
           "expected_verdict(%#x): pte %#x has no struct page" % (vaddr, pte))
    if flags & VM_SHARED:
        return WP + "wp_page_shared: ->page_mkwrite, then wp_page_reuse (shared mapping)"
    if not value("mem_map[%d].flags" % pfn) >> value("PG_anon") & 1:
        return WP + "wp_page_copy (a page-cache page: private writes never reach the file)"
    ref = int(gdb.parse_and_eval("mem_map[%d]._refcount.counter" % pfn))
    return WP + ("wp_page_reuse (only user)" if ref == 1 else
                 "wp_page_copy (page shared: refcount %d)" % ref)


def cow(expr, mm, want=None, areas=None):
    """Run dissect-cow @expr; its verdict must be expected_verdict()'s (and
    @want, if given); its pte and page lines must be what is in memory."""
    vaddr = value(expr)
    out = run("dissect-cow %s" % expr)
    m = VERDICT_RE.search(out)
    expect(m, "dissect-cow %s: no verdict line:\n%s" % (expr, out))
    verdict = m.group(1)
    mine = expected_verdict(mm, vaddr, areas)
    expect(verdict == mine, "dissect-cow %s (%#x): says '%s', expected '%s':\n%s"
           % (expr, vaddr, verdict, mine, out))
    expect(want is None or verdict == want, "dissect-cow %s: '%s', this case should give "
           "'%s':\n%s" % (expr, verdict, want, out))
    w = walk_here(mm, vaddr)
    if w["present"]:
        pte = re.search(r"^  pte +(0x[0-9a-f]+) ", out, re.M)
        expect(pte and int(pte.group(1), 16) == w["entry"],
               "dissect-cow %s: the pte should be %#x:\n%s" % (expr, w["entry"], out))
        pfn = (w["entry"] & PTE_PFN_MASK) >> 12
        pg = "mem_map[%d]" % pfn
        want_page = "refcount %d, mapcount %d, PageAnon %s, zero page %s" % (
            int(gdb.parse_and_eval(pg + "._refcount.counter")),
            int(gdb.parse_and_eval(pg + "._mapcount.counter")) + 1,
            "yes" if value(pg + ".flags") >> value("PG_anon") & 1 else "no",
            "yes" if pfn == value("zero_page - mem_map") else "no")
        expect(("pfn %#x, struct page %#x: %s" % (pfn, value("&" + pg), want_page)) in out,
               "dissect-cow %s: the page line should say pfn %#x ... %s:\n%s"
               % (expr, pfn, want_page, out))
    else:
        expect(re.search(r"^  pte +none ", out, re.M), "dissect-cow %s: no 'pte none' line "
               "for an address not mapped:\n%s" % (expr, out))
    return verdict, out


def check_ps(task, regs):
    out = run("dissect-ps")
    rows = {}
    for line in out.splitlines()[1:]:
        m = PS_RE.match(line)
        if m:
            rows[int(m.group(2))] = m
    tasks = tasks_here()
    expect(sorted(rows) == sorted(t["pid"] for t in tasks),
           "dissect-ps shows pids %s; task_list holds %s:\n%s"
           % (sorted(rows), sorted(t["pid"] for t in tasks), out))
    current = value("pcpu_hot.current_task")
    for t in tasks:
        m = rows[t["pid"]]
        kthread = bool(t["flags"] & PF_KTHREAD)
        want = ("*" if t["addr"] == current else " ", t["pid"], t["tgid"], "%d" % t["ppid"],
                state_letter(t["state"], t["exit_state"]),
                "[%s]" % t["comm"] if kthread else t["comm"],
                "%#x" % t["mm"] if t["mm"] else "-",
                "%#x" % t["active_mm"] if t["active_mm"] else "-",
                "%d" % t["rss"] if t["mm"] else "-", t["nr_switches"], t["addr"])
        got = (m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5), m.group(6),
               m.group(7), m.group(8).split()[0], m.group(9), int(m.group(10)),
               int(m.group(11), 16))
        expect(got == want, "dissect-ps, pid %d: got %s, read here %s:\n%s"
               % (t["pid"], got, want, out))
    by_pid = dict((t["pid"], t) for t in tasks)
    expect(0 in by_pid and by_pid[0]["addr"] == addr("init_task") and
           rows[0].group(6) == "[swapper]", "dissect-ps: pid 0 should be init_task, "
           "[swapper]:\n" + out)
    expect(1 in by_pid and rows[1].group(6).startswith("[") and rows[1].group(7) == "-",
           "dissect-ps: pid 1 should be a kernel thread without an mm:\n" + out)
    pid = value(task + "->pid")
    m = rows[pid]
    expect(m.group(6) == USER_PROGRAM and m.group(1) == "*" and m.group(5) == "R" and
           m.group(4) == "1" and int(m.group(7), 16) == value(task + "->mm") != 0,
           "dissect-ps: %s (pid %d) should be current (*), R, with PPID 1 and its mm:\n%s"
           % (USER_PROGRAM, pid, out))
    expect(re.search(r"^%d tasks; current \(\*\): pid %d \(%s\), in the kernel$"
                     % (len(tasks), pid, USER_PROGRAM), out, re.M),
           "dissect-ps: no summary line naming current:\n" + out)
    ok("dissect-ps: %d tasks as on task_list; pid 0 [swapper], pid 1 %s, pid %d %s "
       "(current, R, PPID 1, mm %#x, rss %s)" % (len(tasks), rows[1].group(6), pid,
                                                  USER_PROGRAM, value(task + "->mm"),
                                                  m.group(9)))
    return pid


def check_regs(pid, task, regs):
    expect(regs == value(task + "->stack") + THREAD_SIZE - value("sizeof(struct pt_regs)"),
           "do_syscall_64's regs %#x is not at the top of %s's stack" % (regs, USER_PROGRAM))
    out = run("dissect-regs %d" % pid)
    expect(out == run("dissect-regs"), "dissect-regs and dissect-regs %d (current) differ" % pid)
    got = {}
    for line in out.splitlines():
        m = REG_RE.match(line)
        if m:
            got[m.group(1)] = int(m.group(2), 16)
    r = "((struct pt_regs *)%#x)" % regs
    want = dict(rip=value(r + "->ip"), rsp=value(r + "->sp"), rflags=value(r + "->flags"),
                fs_base=value(task + "->thread.fsbase"))
    for name in ("ax", "bx", "cx", "dx", "si", "di", "bp", "r8", "r9", "r10", "r11", "r12",
                 "r13", "r14", "r15"):
        want[name if name.startswith("r") else "r" + name] = value(r + "->" + name)
    expect(got == want, "dissect-regs %d: registers %s; pt_regs holds %s:\n%s" % (
        pid, dict((k, hex(v)) for k, v in got.items()),
        dict((k, hex(v)) for k, v in want.items()), out))
    text = [a for a in list_areas(value(task + "->mm"))
            if a[1] <= got["rip"] < a[2] and a[3] & VM_EXEC]
    expect(got["rip"] < USER_TEXT_END and text,
           "dissect-regs %d: rip %#x is not in %s's text below %#x" % (
               pid, got["rip"], USER_PROGRAM, USER_TEXT_END))
    m = re.search(r"^  cs +(0x[0-9a-f]+) \(__USER_CS\) +ss (0x[0-9a-f]+) \(__USER_DS\)$", out, re.M)
    expect(m and int(m.group(1), 16) == value(r + "->cs") == USER_CS and
           int(m.group(2), 16) == value(r + "->ss") == USER_DS,
           "dissect-regs %d: expected cs 0x33 (__USER_CS), ss 0x2b (__USER_DS):\n%s" % (pid, out))
    nr = value(r + "->orig_ax")
    name = syscall_names_here().get(nr)
    expect(name, "orig_ax %d is not in %s" % (nr, SYSCALL_H))
    expect(re.search(r"^  orig_ax %d \(%s\)$" % (nr, name), out, re.M),
           "dissect-regs %d: expected 'orig_ax %d (%s)':\n%s" % (pid, nr, name, out))
    expect("entered through entry_SYSCALL_64: a system call" in out,
           "dissect-regs %d: should say it entered through entry_SYSCALL_64:\n%s" % (pid, out))
    ok("dissect-regs %d: pt_regs at %#x = stack + 16384 - %d; rip %#x in the text, cs %#x, "
       "ss %#x, all registers as in pt_regs, orig_ax %d (%s)" % (
           pid, regs, value("sizeof(struct pt_regs)"), got["rip"], USER_CS, USER_DS, nr, name))
    for kpid in (0, 1):
        out = run("dissect-regs %d" % kpid)
        expect("is a kernel thread: it has no user registers" in out,
               "dissect-regs %d: should say a kernel thread has no user registers:\n%s"
               % (kpid, out))
    ok("dissect-regs 0, dissect-regs 1: kernel threads, no user registers")


def check_cow(task, regs):
    mm = value(task + "->mm")
    r = "((struct pt_regs *)%#x)" % regs
    verdict, _ = cow(r + "->ip", mm, "the area forbids writes: SIGSEGV")
    ok("dissect-cow regs->ip: %s" % verdict)
    sp_verdict, out = cow(r + "->sp", mm)
    expect(sp_verdict in ("writable already: no fault", WP + "wp_page_reuse (only user)"),
           "dissect-cow regs->sp: a written private stack page, expected no fault or "
           "reuse:\n" + out)
    expect(run("dissect-cow --mm %#x %s->sp" % (mm, r)).split("\n", 1)[1] == out.split("\n", 1)[1],
           "dissect-cow --mm %#x regs->sp differs from dissect-cow regs->sp" % mm)
    ok("dissect-cow regs->sp: %s (the same with --mm)" % sp_verdict)

    # Every page of every area, against the verdict composed here.
    seen, areas = {}, list_areas(mm)
    for vma, start, end, flags in areas:
        for page in range(start, end, 4096):
            v, _ = cow("%#x" % page, mm, areas=areas)
            seen[v] = seen.get(v, 0) + 1
    expect(len(seen) >= 3, "dissect-cow over the areas gave only %s" % seen)
    ok("dissect-cow on %d pages of %d areas: %s" % (
        sum(seen.values()), len(areas),
        ", ".join("%d '%s'" % (n, v) for v, n in sorted(seen.items()))))

    # Each branch of do_wp_page(), on the stack page, damaged and restored.
    sp = value(r + "->sp")
    w = walk_here(mm, sp)
    expect(w["present"] and w["level"] == 3, "the stack page %#x is not mapped by a pte" % sp)
    pte, pte_at = w["entry"], PAGE_OFFSET + w["entry_paddr"]
    pfn = (pte & PTE_PFN_MASK) >> 12
    vma = [a for a in list_areas(mm) if a[1] <= sp < a[2]][0]
    area = "((struct vm_area_struct *)%#x)" % vma[0]
    ref = "mem_map[%d]._refcount.counter" % pfn
    flags, refcount = vma[3], int(gdb.parse_and_eval(ref))
    zero_pte = (value("zero_page - mem_map") << 12) | PTE_SPECIAL | (pte & ~PTE_PFN_MASK & ~PTE_RW)
    inf = gdb.selected_inferior()

    def set_pte(v):
        inf.write_memory(pte_at, v.to_bytes(8, "little"))

    cases = [
        ("pte read-only", pte & ~PTE_RW, None, None, WP + "wp_page_reuse (only user)"),
        ("pte read-only, refcount + 1", pte & ~PTE_RW, refcount + 1, None,
         WP + "wp_page_copy (page shared: refcount %d)" % (refcount + 1)),
        ("pte read-only, VM_SHARED", pte & ~PTE_RW, None, flags | VM_SHARED,
         WP + "wp_page_shared: ->page_mkwrite, then wp_page_reuse (shared mapping)"),
        ("pte -> the zero page", zero_pte, None, None, WP + "wp_page_copy (zero page)"),
        ("pte read-only, no VM_WRITE", pte & ~PTE_RW, None, flags & ~VM_WRITE,
         "the area forbids writes: SIGSEGV"),
        ("pte none", 0, None, None, "not mapped (first touch: do_anonymous_page)"),
    ]
    if refcount != 1:
        cases[0] = cases[0][:4] + (WP + "wp_page_copy (page shared: refcount %d)" % refcount,)
    try:
        for what, new_pte, new_ref, new_flags, want in cases:
            set_pte(new_pte)
            if new_ref is not None:
                run("set var %s = %d" % (ref, new_ref))
            if new_flags is not None:
                run("set var %s->vm_flags = %#x" % (area, new_flags))
            try:
                v, _ = cow("%#x" % sp, mm, want)
            finally:
                set_pte(pte)
                run("set var %s = %d" % (ref, refcount))
                run("set var %s->vm_flags = %#x" % (area, flags))
            ok("dissect-cow %#x with %s: %s" % (sp, what, v))
    finally:
        set_pte(pte)
        run("set var %s = %d" % (ref, refcount))
        run("set var %s->vm_flags = %#x" % (area, flags))
    v, _ = cow("%#x" % sp, mm, sp_verdict)
    ok("restored: dissect-cow %#x: %s" % (sp, v))


def check_user_session():
    check_ktest_cmdline(USER_CMDLINE)
    continue_to("do_syscall_64", "%s makes its first system call" % USER_PROGRAM,
                '$_streq(pcpu_hot.current_task->comm, "%s")' % USER_PROGRAM)
    task = "((struct task_struct *)%#x)" % value("pcpu_hot.current_task")
    regs = value("regs")
    pid = check_ps(task, regs)
    check_regs(pid, task, regs)
    check_cow(task, regs)
    check_exit(pid)


def check_exit(pid):
    """argv_check checks the stack the kernel built for it (argv, envp,
    auxv) -- the page dissect-cow's cases changed and restored -- and exits."""
    continue_to("do_exit", "%s checks its initial stack and exits" % USER_PROGRAM,
                '$_streq(pcpu_hot.current_task->comm, "%s")' % USER_PROGRAM)
    code = value("code")
    expect(code == 0, "%s exits with wait status %#x; expected 0 (a failed check exits "
           "with its number)" % (USER_PROGRAM, code))
    serial = os.environ.get("DISSECT_SERIAL_LOG")  # the program prints to the UART
    if serial:
        try:
            with open(serial, errors="replace") as f:
                console = f.read()
        except OSError as e:
            raise CheckFailed("cannot read the serial log %s: %s" % (serial, e))
        expect("%s: argc 4, argv, envp and auxv ok" % USER_PROGRAM in console,
               "%s exited 0 but its 'ok' line is not in %s" % (USER_PROGRAM, serial))
    out = run("dissect-regs %d" % pid)
    nr = value("((struct pt_regs *)%#x)->orig_ax" % (
        value("pcpu_hot.current_task->stack") + THREAD_SIZE - value("sizeof(struct pt_regs)")))
    name = syscall_names_here().get(nr)
    expect(name and re.search(r"^  orig_ax %d \(%s\)$" % (nr, name), out, re.M),
           "dissect-regs %d at do_exit: expected 'orig_ax %d (%s)':\n%s" % (pid, nr, name, out))
    ok("%s exited 0 after its own checks of argv, envp and auxv; dissect-regs %d: "
       "orig_ax %d (%s)" % (USER_PROGRAM, pid, nr, name))

def main():
    port = os.environ.get("DISSECT_GDB_PORT")
    elf = os.environ.get("DISSECT_ELF")
    src = os.environ.get("DISSECT_SRC", ".")
    session = os.environ.get("DISSECT_GDB_SESSION", "boot")
    if not port or not elf:
        raise CheckFailed("DISSECT_GDB_PORT and DISSECT_ELF must be set (run scripts/gdb_check.sh)")
    if session not in ("boot", "vmas", "user"):
        raise CheckFailed("DISSECT_GDB_SESSION is '%s'; expected boot, vmas or user" % session)
    run("set pagination off")
    run("set confirm off")
    # 64-bit registers from the start: QEMU begins in real mode (see gdbinit).
    run("set architecture i386:x86-64")
    run("file %s" % elf)
    run("source %s" % os.path.join(src, "scripts", "gdb", "dissect.py"))
    run("set tcp connect-timeout 10")
    run("target remote 127.0.0.1:%s" % port)
    ok("connected to QEMU's gdbstub on port %s" % port)
    if session == "vmas":
        check_vmas_session()
        return
    if session == "user":
        check_user_session()
        return
    check_start_kernel()
    check_paging_init()
    check_time_init()


def finish():
    try:
        main()
    except CheckFailed as e:
        say("FAIL: %s" % e)
        return 1
    except Exception as e:  # a bug in the check or in dissect.py
        import traceback
        traceback.print_exc(file=sys.stdout)
        say("FAIL: %s: %s" % (type(e).__name__, e))
        return 1
    say("ok")
    return 0


status = finish()
sys.stdout.flush()
gdb.execute("quit %d" % status)
