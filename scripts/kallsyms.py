#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn `nm -n dissect.elf` into the kernel's symbol table (assembly).

Like Linux's scripts/kallsyms: the first link of the kernel has an empty
table; this script reads that link's symbols and writes the table the second
link includes.  Output (section .kallsyms, read by kernel/kallsyms.c):

    kallsyms_num_syms   .quad N
    kallsyms_addresses  .quad addr[N]      sorted, one name per address
    kallsyms_offsets    .long off[N]       offset of each name in ...
    kallsyms_names      .asciz names

With no input it writes an empty table (the first link).
"""
import sys

KERNEL_START = 0xffffffff80000000
TYPES = set("tTwWdDbBrR")


def pick(old, new):
    """Of two symbols at one address keep the global, then the shorter name."""
    def rank(s):
        return (s[1].islower(), s[2].startswith("_"), len(s[2]))
    return new if rank(new) < rank(old) else old


def main():
    by_addr = {}
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3 or parts[1] not in TYPES:
            continue
        addr = int(parts[0], 16)
        name = parts[2]
        if addr < KERNEL_START or name.startswith("kallsyms_") or name.startswith(".L"):
            continue
        sym = (addr, parts[1], name)
        by_addr[addr] = pick(by_addr[addr], sym) if addr in by_addr else sym
    syms = [by_addr[a] for a in sorted(by_addr)]

    out = ['\t.section .kallsyms, "a"', "\t.balign 8",
           "\t.globl kallsyms_num_syms, kallsyms_addresses",
           "\t.globl kallsyms_offsets, kallsyms_names",
           "kallsyms_num_syms:", "\t.quad %d" % len(syms),
           "kallsyms_addresses:"]
    out += ["\t.quad 0x%x" % s[0] for s in syms]
    out.append("kallsyms_offsets:")
    off = 0
    for s in syms:
        out.append("\t.long %d" % off)
        off += len(s[2]) + 1
    out.append("kallsyms_names:")
    out += ['\t.asciz "%s"' % s[2] for s in syms]
    out.append('\t.section .note.GNU-stack, "", @progbits')
    print("\n".join(out))


if __name__ == "__main__":
    main()
