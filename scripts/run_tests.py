#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make test: run every check dissect has and print one summary.

  1. host checks (make targets that build and run a program on this machine)
  2. the in-kernel KTAP suites, booted headless in QEMU once per
     configuration (RAM size and ktest.filter), serial to build/test/*.log
  3. the interactive shell driven through the serial console
     (scripts/shell_test.py: keys typed, the screen read back)
  4. make run INIT=prog ARGS="..." as shared/CONTRACT.md promises
  5. the batch GDB check (scripts/gdb_check.sh)

Each QEMU run must end with the kernel's own report on the debugcon port
("ktest pass"/"ktest fail", see include/reboot.h) and a complete KTAP log:
a panic, a triple fault (QEMU exits with no report), a missing plan, a
plan that does not match the results, or a timeout all count as failures.

The last line printed is "N passed, N failed" (", N skipped" if any).
"""
import argparse
import fnmatch
import glob
import os
import re
import signal
import subprocess
import sys
import time

# name, ISO (built by the Makefile), RAM, timeout in seconds, expected verdicts
# (None: every case must pass; else {case: (verdict, text its diagnostics
# must contain)} and the kernel must report "ktest fail").
SELFTEST_EXPECT = {
    "crash_null_deref": ("fail", "crashed: Oops"),
    "crash_invalid_opcode": ("fail", "crashed: invalid opcode"),
    "assert_ends_case": ("fail", "Expected 1 + 1 == 3"),
    "leak_is_caught": ("fail", "leak check: 1 pages not returned"),
    "runner_survives": ("pass", ""),
}
QEMU_CONFIGS = [
    ("ktest-256M", "dissect-ktest.iso", "256M", 300, None),
    ("ktest-5G", "dissect-ktest-mm.iso", "5G", 300, None),
    ("ktest-selftest", "dissect-ktest-selftest.iso", "256M", 120, SELFTEST_EXPECT),
]

HOST_TARGETS = ["host-tests", "host-lib-test", "host-user-linux"]
HOST_TIMEOUT = 300		# seconds for each; all three take about 20 s

RESULT_RE = re.compile(r"^(\s*)(ok|not ok) (\d+) (\S+)(?:\s+#\s*(SKIP|TODO)\b(.*))?$")
PLAN_RE = re.compile(r"^(\s*)1\.\.(\d+)$")


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.failures = []

    def add(self, name, status, why=""):
        if status == "pass":
            self.passed += 1
        elif status == "skip":
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(name + (": " + why if why else ""))


def run_host_checks(tally):
    for target in HOST_TARGETS:
        print("== host: make %s" % target, flush=True)
        proc = subprocess.Popen(["make", "--no-print-directory", "-s", target],
                                start_new_session=True)
        try:
            rc, why = proc.wait(timeout=HOST_TIMEOUT), None
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)	# make and the check it runs
            proc.wait()
            rc, why = -1, "timed out after %d s" % HOST_TIMEOUT
        tally.add("host:" + target, "pass" if rc == 0 else "fail", why or "exit %d" % rc)


def boot(iso, mem, log_path, status_path, timeout):
    """Boot @iso headless; stream serial to the terminal and @log_path."""
    for p in (log_path, status_path):
        if os.path.exists(p):
            os.unlink(p)
    cmd = ["qemu-system-x86_64", "-machine", "pc", "-cpu", "max", "-m", mem,
           "-smp", "1", "-no-reboot", "-display", "none",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
           "-boot", "d", "-cdrom", iso,
           "-serial", "stdio", "-debugcon", "file:" + status_path]
    start = time.monotonic()
    timed_out = False
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        os.set_blocking(proc.stdout.fileno(), False)
        while True:
            chunk = proc.stdout.read()
            if chunk:
                log.write(chunk)
                sys.stdout.buffer.write(chunk)
                sys.stdout.flush()
            if proc.poll() is not None:
                rest = proc.stdout.read()
                if rest:
                    log.write(rest)
                    sys.stdout.buffer.write(rest)
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                proc.wait()
                timed_out = True
                break
            time.sleep(0.02)
    elapsed = time.monotonic() - start
    report = ""
    if os.path.exists(status_path):
        with open(status_path, errors="replace") as f:
            lines = f.read().split("\n")
            report = [l for l in lines if l.strip()][-1] if any(l.strip() for l in lines) else ""
    return timed_out, report, elapsed


def parse_ktap(text):
    """Return (errors, suites): suites = [(name, ok, [(case, status, diag)])]."""
    lines = [l.rstrip("\r") for l in text.split("\n")]
    errors = []
    try:
        start = lines.index("KTAP version 1")
    except ValueError:
        return ["no 'KTAP version 1' header"], []
    suites, cases, diag = [], [], []
    plan = None
    sub_plan = None
    current = None
    for line in lines[start + 1:]:
        m = PLAN_RE.match(line)
        if m:
            if m.group(1):
                sub_plan = int(m.group(2))
            elif plan is None:
                plan = int(m.group(2))
            continue
        if line.startswith("    # Subtest: "):
            current = line[len("    # Subtest: "):].strip()
            cases, diag = [], []
            continue
        if line.startswith("    #"):
            diag.append(line.strip())
            continue
        m = RESULT_RE.match(line)
        if not m:
            continue
        indent, okword, num, name, directive = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
        status = "skip" if directive == "SKIP" else ("pass" if okword == "ok" else "fail")
        if indent:
            cases.append((name, status, diag))
            diag = []
        else:
            if name != current:
                errors.append("suite result '%s' does not match subtest '%s'" % (name, current))
            if sub_plan is not None and sub_plan != len(cases):
                errors.append("suite %s: plan 1..%d but %d results" % (name, sub_plan, len(cases)))
            suites.append((name, status, cases))
            cases, current, sub_plan = [], None, None
    if plan is None:
        errors.append("no test plan (1..N)")
    elif plan != len(suites):
        errors.append("plan 1..%d but %d suites reported (the run stopped early?)" % (plan, len(suites)))
    if current is not None:
        errors.append("suite %s never finished" % current)
    return errors, suites


def judge_expected(tally, name, suites, report, expect):
    """For a run of deliberately misbehaving cases: each verdict as expected."""
    seen = {case: (status, diag) for _, _, cases in suites for case, status, diag in cases}
    for case, (want, text) in expect.items():
        status, diag = seen.get(case, (None, []))
        ok = status == want and (not text or any(text in d for d in diag))
        print("  %-28s %s (expected %s%s)" % (case, status, want,
                                             ", '%s'" % text if text else ""))
        tally.add("%s:%s" % (name, case), "pass" if ok else "fail",
                  "got %s, diagnostics %s" % (status, diag))
    if report != "ktest fail":
        tally.add("%s:report" % name, "fail", "kernel reported '%s'" % report)


def declared_suites():
    """{suite name: explicit_only} of every struct ktest_suite under tests/."""
    suites = {}
    for path in glob.glob("tests/**/*.c", recursive=True):
        with open(path, errors="replace") as f:
            for body in re.findall(r"struct ktest_suite \w+ = \{(.*?)\n\};", f.read(), re.S):
                m = re.search(r'\.name = "([^"]+)"', body)
                if m:
                    suites[m.group(1)] = bool(re.search(r"\.explicit_only = true", body))
    return suites


def check_suites_ran(text, suites):
    """The suites the log shows must be those its ktest.filter (read from the
    kernel's "Command line:") selects among the declared ones: a suite lost
    from the build, or a filter word that selects nothing, is an error."""
    declared = declared_suites()
    m = re.search(r"^Command line: .*\bktest\.filter=(\S+)", text, re.M)
    globs = [g.split(".")[0] for g in m.group(1).split(",")] if m else []
    errors = ["ktest.filter=%s selects no suite" % g for g in globs
              if not fnmatch.filter(declared, g)]
    if globs:
        want = {n for n in declared if any(fnmatch.fnmatchcase(n, g) for g in globs)}
    else:
        want = {n for n, explicit in declared.items() if not explicit}
    ran = {suite for suite, _, _ in suites}
    errors += ["suite %s did not run" % n for n in sorted(want - ran)]
    errors += ["suite %s ran but is not declared under tests/" % n for n in sorted(ran - want)]
    return errors


def run_qemu_config(build, tally, name, iso_name, mem, timeout, expect=None):
    iso = os.path.join(build, "test", iso_name)
    log_path = os.path.join(build, "test", name + ".log")
    status_path = os.path.join(build, "test", name + ".status")
    print("== %s: booting %s with %s of RAM" % (name, iso_name, mem), flush=True)
    timed_out, report, elapsed = boot(iso, mem, log_path, status_path, timeout)
    with open(log_path, errors="replace") as f:
        text = f.read().replace("\r\n", "\n")
    errors, suites = parse_ktap(text)
    errors += check_suites_ran(text, suites)
    if timed_out:
        errors.append("timed out after %d s" % timeout)
    if "Kernel panic - not syncing" in text:
        errors.append("kernel panic (see %s)" % log_path)
    if not report:
        errors.append("QEMU ended without the kernel's report (triple fault or reset?)")

    print("\n== %s: results (%.1f s)" % (name, elapsed))
    for e in errors:
        print("  ERROR: " + e)
        tally.add("%s:run" % name, "fail", e)
    if expect is not None:
        judge_expected(tally, name, suites, report, expect)
        return elapsed
    for suite, status, cases in suites:
        npass = sum(1 for c in cases if c[1] == "pass")
        nfail = sum(1 for c in cases if c[1] == "fail")
        nskip = sum(1 for c in cases if c[1] == "skip")
        print("  %-24s %3d passed, %d failed%s" % (suite, npass, nfail,
                                                  ", %d skipped" % nskip if nskip else ""))
        for case, cstatus, diag in cases:
            tally.add("%s:%s.%s" % (name, suite, case), cstatus)
            if cstatus == "fail":
                print("      FAILED %s" % case)
                for d in diag:
                    print("        " + d)
    if report == "ktest fail" and not any(c[1] == "fail" for s in suites for c in s[2]):
        tally.add("%s:report" % name, "fail", "kernel reported failure")
    return elapsed


# make run INIT=... ARGS=...: (INIT, ARGS, what the output must show, make's
# exit status).  GNU make exits 2 for any failed recipe, so the status
# scripts/run.sh gave back is read from make's "Error N".
MAKE_RUN_CASES = [
    ("user/echo", "hello from init", ["\nhello from init\n"], 0),
    ("user/ls", "/nonexistent", ["init exited with status 2", "] Error 2\n"], 2),
    ("user/fault_null", "", ["init killed by signal 11", "] Error 139\n"], 2),
]


def run_make_run_init(build, tally):
    """The contract's make run INIT=prog ARGS="...": the program is pid 1
    with argv (basename, ARGS...), and its end is make run's."""
    print("== make run INIT=... ARGS=...", flush=True)
    for init, args, want, rc_want in MAKE_RUN_CASES:
        prog = os.path.join(build, init)
        cmd = ["make", "--no-print-directory", "run", "BUILD=" + build, "INIT=" + prog,
               "ARGS=" + args]
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=300)
            out, rc = p.stdout.decode(errors="replace").replace("\r\n", "\n"), p.returncode
        except subprocess.TimeoutExpired:
            out, rc = "timed out", -1
        argv0 = "Run /bin/%s as init process" % os.path.basename(init)
        ok = all(w in out for w in want) and argv0 in out and rc == rc_want
        name = "make-run:INIT=%s ARGS=%s" % (init, args)
        print("%s %s" % ("ok  " if ok else "FAIL", name), flush=True)
        if not ok:
            print("  expected %r, %r and exit %d; got exit %d:\n%s" %
                  (want, argv0, rc_want, rc, out[-2000:]))
        tally.add(name, "pass" if ok else "fail")


def run_shell_test(build, tally):
    """scripts/shell_test.py: each step it prints ("ok  NAME" / "FAIL NAME: why") counts."""
    print("== shell: typing at /bin/sh on the serial console", flush=True)
    iso = os.path.join(build, "test", "dissect-shell.iso")
    log = os.path.join(build, "test", "shell.log")
    try:
        p = subprocess.run([sys.executable, os.path.join("scripts", "shell_test.py"), iso, log],
                           stdout=subprocess.PIPE, timeout=600)
    except subprocess.TimeoutExpired:
        tally.add("shell", "fail", "timed out")
        return
    out = p.stdout.decode(errors="replace")
    print(out, end="")
    steps = failed = 0
    for line in out.splitlines():
        m = re.match(r"^(ok  |FAIL) ([^:]+)", line)
        if m:
            steps += 1
            failed += m.group(1) != "ok  "
            tally.add("shell:" + m.group(2).strip(), "pass" if m.group(1) == "ok  " else "fail")
    # the script ran to its end: its summary agrees with the steps seen and its status
    summary = "shell-test: %d steps, %d failed" % (steps, failed)
    if not steps or summary not in out or p.returncode != (1 if failed else 0):
        tally.add("shell", "fail", "the script did not finish (exit %d; see %s)" %
                  (p.returncode, log))


def run_gdb_check(build, tally):
    script = os.path.join("scripts", "gdb_check.sh")
    if not os.path.exists(script):
        return
    print("== gdb: batch check", flush=True)
    iso = os.path.join(build, "test", "dissect-gdb.iso")
    rc = subprocess.call([script, iso, os.path.join(build, "dissect.elf")])
    tally.add("gdb-check", "pass" if rc == 0 else "fail", "exit %d" % rc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", help="run only this QEMU config")
    args = ap.parse_args()
    tally = Tally()
    if not args.only:
        run_host_checks(tally)
    for name, iso_name, mem, timeout, expect in QEMU_CONFIGS:
        if args.only and name != args.only:
            continue
        run_qemu_config(args.build, tally, name, iso_name, mem, timeout, expect)
    if not args.only:
        run_shell_test(args.build, tally)
        run_make_run_init(args.build, tally)
        run_gdb_check(args.build, tally)

    print()
    for f in tally.failures:
        print("FAILED: " + f)
    line = "%d passed, %d failed" % (tally.passed, tally.failed)
    if tally.skipped:
        line += ", %d skipped" % tally.skipped
    print(line)
    return 1 if tally.failed or not tally.passed else 0


if __name__ == "__main__":
    sys.exit(main())
