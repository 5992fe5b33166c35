#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run dissect's user programs on this machine's Linux and check each one.

    run_user_on_linux.py [--strace DIR] EXPECTED_TXT BINARY...

The programs are static Linux binaries, so the build host can run them
too.  Each runs the way user/expected.txt says dissect will run it:
argv[0] is its name, then the listed args; the environment is exactly the
listed env; stdin is a pipe holding "dissect\\n".  How it ends (exit status
or killing signal) must match its line.  One line per program, then a
summary; the exit status is 1 if anything did not match.

With --strace DIR, each program runs under "strace -f -o DIR/NAME.strace"
(argv[0] is then the binary's path), to see which system calls it makes.
"""
import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys

from user_expected import parse_expected

STDIN = b"dissect\n"
TIMEOUT = 60


def no_core_dumps():
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def outcome(returncode):
    """subprocess's return code as expected.txt writes it."""
    if returncode < 0:
        return "signal %d" % -returncode
    return "exit %d" % returncode


def run_one(path, e, strace_dir):
    """Run one program; return (outcome, output)."""
    argv = [e.name] + e.args
    executable = path
    if strace_dir:
        argv = [shutil.which("strace") or "strace", "-f", "-o", os.path.join(strace_dir, e.name + ".strace"),
                "--", os.path.abspath(path)] + e.args
        executable = None
    env = dict(kv.split("=", 1) if "=" in kv else (kv, "") for kv in e.env)
    try:
        p = subprocess.run(argv, executable=executable, env=env, input=STDIN,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT, preexec_fn=no_core_dumps)
    except subprocess.TimeoutExpired as t:
        return "timeout", t.output or b""
    return outcome(p.returncode), p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--strace", metavar="DIR")
    ap.add_argument("expected_txt")
    ap.add_argument("binaries", nargs="+")
    args = ap.parse_args()
    try:
        expected = parse_expected(args.expected_txt)
    except (OSError, ValueError) as err:
        sys.exit("run_user_on_linux: %s" % err)
    if args.strace:
        os.makedirs(args.strace, exist_ok=True)

    failed = []
    runs = 0
    paths = dict((os.path.basename(p), p) for p in args.binaries)
    for name in paths:
        if not any(e.name == name for e in expected):
            print("FAIL  %-20s has no line in %s" % (name, args.expected_txt))
            failed.append(name)
    for e in expected:                  # in the file's order; a name may repeat
        if e.name not in paths:
            continue
        runs += 1
        got, output = run_one(paths[e.name], e, args.strace)
        if got == e.outcome():
            print("ok    %-20s %s" % (e.name, got))
            continue
        failed.append(e.name)
        print("FAIL  %-20s expected %s, got %s; its output:" % (e.name, e.outcome(), got))
        for line in output.decode(errors="replace").splitlines():
            print("      | " + line)
    skipped = sorted(set(e.name for e in expected) - set(paths))

    print("host-user-linux: %d runs, %d passed, %d failed%s" %
          (runs, runs - len(failed), len(failed),
           "; not built, skipped: " + " ".join(skipped) if skipped else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    main()
