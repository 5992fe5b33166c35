#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Drive dissect's interactive shell through the serial console.

    scripts/shell_test.py ISO LOG

Boots ISO (a plain make-run image: /bin/init starts /bin/sh on the
console) in QEMU with the serial port on this program's pipes, then types
at the shell as a user would -- a byte at a time, Enter as CR, as a
terminal sends them -- and reads what comes back: the echo of what was
typed (the kernel's line discipline echoes), the programs' output, the
next prompt.  Each step prints "ok NAME" or "FAIL NAME: why"; the exit
status is 0 only if all pass.  Everything the console printed goes to LOG.
"""
import os
import select
import subprocess
import sys
import time

PROMPT = b"$ "
STEP_TIMEOUT = 60


class Console:
    """QEMU with the guest's serial console on our stdin/stdout pipes."""

    def __init__(self, iso, log_path):
        self.log = open(log_path, "wb")
        status = os.path.join(os.path.dirname(log_path) or ".", "shell-status.txt")
        if os.path.exists(status):
            os.unlink(status)
        self.status_path = status
        self.qemu = subprocess.Popen(
            ["qemu-system-x86_64", "-machine", "pc", "-cpu", "max", "-m", "256M", "-smp", "1",
             "-no-reboot", "-display", "none", "-device",
             "isa-debug-exit,iobase=0xf4,iosize=0x04", "-boot", "d", "-cdrom", iso,
             "-serial", "stdio", "-debugcon", "file:" + status],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""

    def read_until(self, needle, timeout=STEP_TIMEOUT):
        """Everything up to and including @needle, or None after @timeout s."""
        deadline = time.monotonic() + timeout
        while needle not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or self.qemu.poll() is not None and not self._pending():
                return None
            ready, _, _ = select.select([self.qemu.stdout], [], [], min(left, 1.0))
            if ready:
                data = os.read(self.qemu.stdout.fileno(), 4096)
                if not data:
                    return None
                self.log.write(data)
                self.log.flush()
                self.buf += data
        i = self.buf.index(needle) + len(needle)
        got, self.buf = self.buf[:i], self.buf[i:]
        return got

    def _pending(self):
        return bool(select.select([self.qemu.stdout], [], [], 0)[0])

    def type(self, keys):
        """Send @keys one byte at a time, as a person (or a terminal) would."""
        for b in keys.encode():
            self.qemu.stdin.write(bytes([b]))
            self.qemu.stdin.flush()
            time.sleep(0.002)

    def finish(self, timeout=60):
        try:
            self.qemu.wait(timeout)
        except subprocess.TimeoutExpired:
            self.qemu.kill()
            self.qemu.wait()
        self.read_rest()
        self.log.close()
        try:
            with open(self.status_path) as f:
                return f.read().strip().splitlines()[-1]
        except (OSError, IndexError):
            return None

    def read_rest(self):
        while self._pending():
            data = os.read(self.qemu.stdout.fileno(), 4096)
            if not data:
                break
            self.log.write(data)


def text(b):
    return b.decode(errors="replace").replace("\r\n", "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: shell_test.py ISO LOG")
    con = Console(sys.argv[1], sys.argv[2])
    failures = []

    steps = [0]

    def step(name, ok, why=""):
        steps[0] += 1
        print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else ": " + why), flush=True)
        if not ok:
            failures.append(name)

    def command(name, line, want, keys=None):
        """Type @line (or raw @keys) and Enter; the output up to the next
        prompt must contain every string of @want."""
        con.type((keys if keys is not None else line) + "\r")
        out = con.read_until(PROMPT)
        if out is None:
            step(name, False, "no prompt after %r; the console said:\n%s" % (line, text(con.buf)))
            return None
        missing = [w for w in want if w not in text(out)]
        step(name, not missing, "after %r, missing %r in:\n%s" % (line, missing, text(out)))
        return text(out)

    got = con.read_until(PROMPT, timeout=120)
    step("boot to a prompt", got is not None and b"init: " in got,
         "no prompt; the console said:\n%s" % text(con.buf))
    if got is None:
        con.qemu.kill()
        con.finish()
        return 1

    command("echo", "echo hello world", ["echo hello world\n", "\nhello world\n"])
    command("a pipeline", "echo one two three | cat | cat", ["\none two three\n"])
    command("ls | cat", "ls /bin | cat", ["\nsh\n", "\nls\n", "\nhello\n"])
    command("redirections", "echo saved > /tmp/x; cat < /tmp/x; echo more >> /tmp/x; cat /tmp/x",
            ["\nsaved\nsaved\nmore\n"])
    command("backspace edits the line", "echo abc", ["\nabc\n"], keys="echo abx\x7fc")
    command("^U kills the line", "echo kept", ["\nkept\n"], keys="echo lost\x15echo kept")
    command("a wrong command", "nosuchcommand", ["sh: nosuchcommand: not found"])
    command("$? after it", "echo $?", ["\n127\n"])
    command("cd and pwd", "cd /proc; pwd; cd /; pwd", ["\n/proc\n/\n"])
    command("a process's maps", "cat /proc/self/maps",
            ["r-xp", "/bin/cat", "rw-p 00000000 00:00 0 ", "[stack]"])
    command("ps", "ps", ["  PID  PPID S", " sh\n", " ps\n"])
    command("free", "free", ["Mem:"])
    command("a crashing program", "fault_null", ["Segmentation fault"])
    # ^C: cat waits for input; the interrupt must end it, not the shell
    con.type("cat\r")
    time.sleep(1.0)
    con.type("\x03")
    out = con.read_until(PROMPT)
    step("^C ends the foreground program", out is not None,
         "no prompt after ^C; the console said:\n%s" % text(con.buf))
    command("$? after ^C is 128+SIGINT", "echo $?", ["\n130\n"])
    command("the shell lives on", "echo alive", ["\nalive\n"])
    con.type("exit 3\r")
    report = con.finish()
    step("exit ends the machine with the status", report == "exit 3",
         "debugcon said %r" % report)
    print("shell-test: %d steps, %d failed" % (steps[0], len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
