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
# "continue" may take before the check interrupts the kernel; default 20).
#
# It drives the boot from outside, as a student would in `make debug`:
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


def continue_to(func, why):
    """Run until the hardware breakpoint at @func is hit.

    A watchdog interrupts the kernel (as Ctrl-C would) if it takes longer
    than STEP_TIMEOUT, so a hung or panicked kernel fails the check with
    a backtrace of where it was instead of hanging it.
    """
    say("step: continue to %s (%s)" % (func, why))
    run("hbreak %s" % func)
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


def main():
    port = os.environ.get("DISSECT_GDB_PORT")
    elf = os.environ.get("DISSECT_ELF")
    src = os.environ.get("DISSECT_SRC", ".")
    if not port or not elf:
        raise CheckFailed("DISSECT_GDB_PORT and DISSECT_ELF must be set (run scripts/gdb_check.sh)")
    run("set pagination off")
    run("set confirm off")
    # 64-bit registers from the start: QEMU begins in real mode (see gdbinit).
    run("set architecture i386:x86-64")
    run("file %s" % elf)
    run("source %s" % os.path.join(src, "scripts", "gdb", "dissect.py"))
    run("set tcp connect-timeout 10")
    run("target remote 127.0.0.1:%s" % port)
    ok("connected to QEMU's gdbstub on port %s" % port)
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
