#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write a cpio "newc" archive: the format of Linux's initramfs.

Usage:

  scripts/mkcpio.py OUT [--dir SRCDIR] [--file DEST=SRC[:MODE]]
                        [--mkdir DEST[:MODE]] [--node DEST:c|b:MAJOR:MINOR[:MODE]]
                        [--symlink DEST=TARGET]

  OUT        the archive to write ("-" for standard output); written to a
             temporary file beside it and renamed, so a failed run leaves
             no half archive
  --dir      a whole tree: its directories, regular files (with their
             permission bits), symlinks, FIFOs and device nodes, at paths
             relative to SRCDIR (SRCDIR itself is the archive's root)
  --file     one regular file, SRC's contents at path DEST; MODE (octal)
             defaults to SRC's permission bits
  --mkdir    an empty directory (MODE defaults to 0755)
  --node     a character (c) or block (b) device node, e.g.
             dev/console:c:5:1 (MODE defaults to 0600)
  --symlink  a symbolic link DEST pointing at TARGET

Every option may be given any number of times.  DEST paths are relative to
the archive's root; a leading "/" or "./" is dropped.  When two options
name the same path, the later one wins (so --file can replace one file of
a --dir tree); a non-directory may not replace a directory with entries
under it.  The parent directories of every entry are added (mode 0755)
unless given.  Nothing here needs root: device nodes are only written as
headers.

The output is deterministic: entries are sorted by path (a directory
before what is in it), every owner is uid 0 / gid 0, every mtime 0, and
inode numbers are 1, 2, 3, ... in that order.  The same input gives the
same archive, byte for byte.

The newc format (what the kernel's init/initramfs.c reads and its
usr/gen_init_cpio.c writes; "cpio -H newc" on the command line):

  The archive is a sequence of entries, each a header, a name and data:

    header  110 bytes of ASCII: the magic "070701", then 13 fields, each
            8 upper-case hex digits, no separators:
              c_ino        inode number; entries with nlink > 1 and the
                           same (ino, devmajor, devminor) are hard links
              c_mode       file type and permission bits (st_mode):
                           0o040000 directory, 0o100000 regular file,
                           0o120000 symlink, 0o020000 character device,
                           0o060000 block device, 0o010000 FIFO
              c_uid, c_gid owner
              c_nlink      link count (1 here: no hard links, 2 for
                           directories)
              c_mtime      modification time, seconds since the epoch
              c_filesize   size of the data that follows
              c_devmajor,  the device the file lived on (0 here)
              c_devminor
              c_rdevmajor, the device a device node stands for
              c_rdevminor
              c_namesize   length of the name, counting its NUL
              c_check      0 (only the "070702" variant sums the data)
    name    c_namesize bytes: the path, NUL-terminated, then NULs up to a
            multiple of 4 bytes, counting from the start of the header
    data    c_filesize bytes: a regular file's contents or a symlink's
            target (no NUL), then NULs up to a multiple of 4 bytes

  The last entry is named "TRAILER!!!", with every field 0 but c_nlink 1.
  The kernel accepts several archives (and compressed ones) one after the
  other; this writer makes one, uncompressed, padded to no block size.
"""

import argparse
import os
import stat
import sys

MAGIC = b"070701"
TRAILER = "TRAILER!!!"

S_IFDIR = stat.S_IFDIR
S_IFREG = stat.S_IFREG
S_IFLNK = stat.S_IFLNK
S_IFCHR = stat.S_IFCHR
S_IFBLK = stat.S_IFBLK
S_IFIFO = stat.S_IFIFO


class Entry:
    """One archive member.  @data is bytes (file contents or link target),
    or None with @src naming the file whose contents are read at write
    time (so a big tree is not held in memory)."""

    def __init__(self, path, mode, data=b"", src=None, rdev=(0, 0)):
        self.path = path
        self.mode = mode
        self.data = data
        self.src = src
        self.rdev = rdev

    def is_dir(self):
        return stat.S_ISDIR(self.mode)

    def contents(self):
        if self.src is not None:
            with open(self.src, "rb") as f:
                return f.read()
        return self.data


def norm_path(dest):
    """An archive path: relative, no "." or empty components, no "..";
    "/init", "./init" and "init" are all "init"."""
    parts = [p for p in dest.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise ValueError(f"bad archive path {dest!r}")
    return "/".join(parts)


def parse_mode(text, what):
    try:
        mode = int(text, 8)
    except ValueError:
        raise ValueError(f"{what}: bad octal mode {text!r}") from None
    if mode & ~0o7777:
        raise ValueError(f"{what}: mode {text!r} has more than permission bits")
    return mode


def split_mode(text):
    """Split an optional trailing ":MODE" (octal digits) off @text."""
    head, sep, tail = text.rpartition(":")
    if sep and tail and all(c in "01234567" for c in tail):
        return head, tail
    return text, None


class Archive:
    """A set of entries keyed by path; write() emits them in order."""

    def __init__(self):
        self.entries = {}

    def add(self, entry):
        path = entry.path
        old = self.entries.get(path)
        if old is not None and old.is_dir() and not entry.is_dir():
            prefix = path + "/"
            if any(p.startswith(prefix) for p in self.entries):
                raise ValueError(f"{path}: a non-directory cannot replace a "
                                 "directory that has entries")
        parent = path.rpartition("/")[0]
        if parent:
            p = self.entries.get(parent)
            if p is not None and not p.is_dir():
                raise ValueError(f"{path}: its parent {parent} is not a directory")
        self.entries[path] = entry

    def add_file(self, dest, src, mode=None):
        st = os.stat(src)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(f"{src}: not a regular file")
        if mode is None:
            mode = stat.S_IMODE(st.st_mode)
        self.add(Entry(norm_path(dest), S_IFREG | mode, data=None, src=src))

    def add_dir(self, dest, mode=0o755):
        self.add(Entry(norm_path(dest), S_IFDIR | mode))

    def add_node(self, dest, kind, major, minor, mode=0o600):
        ftype = {"c": S_IFCHR, "b": S_IFBLK}[kind]
        self.add(Entry(norm_path(dest), ftype | mode, rdev=(major, minor)))

    def add_symlink(self, dest, target):
        self.add(Entry(norm_path(dest), S_IFLNK | 0o777,
                       data=os.fsencode(target)))

    def add_tree(self, srcdir):
        """Everything under @srcdir, at paths relative to it."""
        if not os.path.isdir(srcdir):
            raise ValueError(f"{srcdir}: not a directory")
        def fail(err):
            raise err  # an unreadable directory must not vanish silently

        for root, dirs, files in os.walk(srcdir, onerror=fail):
            dirs.sort()
            for name in sorted(dirs + files):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, srcdir)
                st = os.lstat(full)
                perm = stat.S_IMODE(st.st_mode)
                path = norm_path(rel.replace(os.sep, "/"))
                if stat.S_ISDIR(st.st_mode):
                    self.add(Entry(path, S_IFDIR | perm))
                elif stat.S_ISREG(st.st_mode):
                    self.add(Entry(path, S_IFREG | perm, data=None, src=full))
                elif stat.S_ISLNK(st.st_mode):
                    self.add(Entry(path, S_IFLNK | 0o777,
                                   data=os.fsencode(os.readlink(full))))
                elif stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
                    self.add(Entry(path, stat.S_IFMT(st.st_mode) | perm,
                                   rdev=(os.major(st.st_rdev), os.minor(st.st_rdev))))
                elif stat.S_ISFIFO(st.st_mode):
                    self.add(Entry(path, S_IFIFO | perm))
                else:
                    print(f"mkcpio: skipping {full}: not a file, directory, "
                          "symlink, FIFO or device", file=sys.stderr)
            # os.walk does not descend into symlinks to directories: good,
            # they are archived as symlinks above.

    def complete(self):
        """Add every missing parent directory (mode 0755)."""
        for path in list(self.entries):
            parts = path.split("/")
            for i in range(1, len(parts)):
                parent = "/".join(parts[:i])
                if parent not in self.entries:
                    self.entries[parent] = Entry(parent, S_IFDIR | 0o755)

    def ordered(self):
        # Sorting on the components puts a directory right before its
        # contents ("a", "a/b", "a-b"), whatever the bytes of '/' and '-'.
        return sorted(self.entries.values(), key=lambda e: e.path.split("/"))

    def write(self, out):
        """Write the archive to the binary file @out; return its size."""
        self.complete()
        size = 0
        for ino, e in enumerate(self.ordered(), start=1):
            data = b"" if e.is_dir() else e.contents()
            if stat.S_ISCHR(e.mode) or stat.S_ISBLK(e.mode) or stat.S_ISFIFO(e.mode):
                data = b""
            size += write_entry(out, e.path, ino=ino, mode=e.mode,
                                nlink=2 if e.is_dir() else 1,
                                data=data, rdev=e.rdev)
        size += write_entry(out, TRAILER, ino=0, mode=0, nlink=1, data=b"")
        return size


def pad4(n):
    return (4 - n % 4) % 4


def write_entry(out, name, ino, mode, nlink, data, rdev=(0, 0)):
    """One newc entry: header, padded name, padded data.  Returns its size."""
    bname = os.fsencode(name) + b"\0"
    fields = (ino, mode, 0, 0, nlink, 0, len(data), 0, 0,
              rdev[0], rdev[1], len(bname), 0)
    for v in fields:
        if not 0 <= v <= 0xFFFFFFFF:
            raise ValueError(f"{name}: field {v} does not fit in a newc header")
    header = MAGIC + b"".join(b"%08X" % v for v in fields)
    assert len(header) == 110
    head = header + bname
    head += b"\0" * pad4(len(head))
    body = data + b"\0" * pad4(len(data))
    out.write(head)
    out.write(body)
    return len(head) + len(body)


class Ordered(argparse.Action):
    """Keep every option in command-line order, in namespace.actions."""

    def __call__(self, parser, namespace, values, option_string=None):
        if getattr(namespace, "actions", None) is None:
            namespace.actions = []
        namespace.actions.append((self.dest, values))


def apply(archive, kind, value):
    if kind == "dir":
        archive.add_tree(value)
    elif kind == "file":
        dest, sep, rest = value.partition("=")
        if not sep or not rest:
            raise ValueError(f"--file {value}: want DEST=SRC[:MODE]")
        src, mode = split_mode(rest)
        if mode is not None and not os.path.exists(src) and os.path.exists(rest):
            src, mode = rest, None  # a file whose name ends in ":NNN"
        archive.add_file(dest, src, None if mode is None else parse_mode(mode, value))
    elif kind == "mkdir":
        dest, mode = split_mode(value)
        archive.add_dir(dest, 0o755 if mode is None else parse_mode(mode, value))
    elif kind == "node":
        parts = value.split(":")
        if len(parts) not in (4, 5) or parts[1] not in ("c", "b"):
            raise ValueError(f"--node {value}: want DEST:c|b:MAJOR:MINOR[:MODE]")
        try:
            major, minor = int(parts[2]), int(parts[3])
        except ValueError:
            raise ValueError(f"--node {value}: MAJOR and MINOR are decimal") from None
        mode = parse_mode(parts[4], value) if len(parts) == 5 else 0o600
        archive.add_node(parts[0], parts[1], major, minor, mode)
    elif kind == "symlink":
        dest, sep, target = value.partition("=")
        if not sep or not target:
            raise ValueError(f"--symlink {value}: want DEST=TARGET")
        archive.add_symlink(dest, target)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write a cpio newc archive (Linux initramfs format), "
                    "deterministically and without root.")
    ap.add_argument("out", metavar="OUT", help='the archive ("-": stdout)')
    ap.add_argument("--dir", action=Ordered, metavar="SRCDIR",
                    help="add a whole tree, paths relative to SRCDIR")
    ap.add_argument("--file", action=Ordered, metavar="DEST=SRC[:MODE]",
                    help="add the file SRC at DEST")
    ap.add_argument("--mkdir", action=Ordered, metavar="DEST[:MODE]",
                    help="add an empty directory")
    ap.add_argument("--node", action=Ordered, metavar="DEST:c|b:MAJOR:MINOR[:MODE]",
                    help="add a device node")
    ap.add_argument("--symlink", action=Ordered, metavar="DEST=TARGET",
                    help="add a symbolic link")
    args = ap.parse_args(argv)

    archive = Archive()
    try:
        for kind, value in getattr(args, "actions", None) or []:
            apply(archive, kind, value)
        if args.out == "-":
            archive.write(sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return 0
        tmp = f"{args.out}.tmp{os.getpid()}"
        try:
            with open(tmp, "wb") as f:
                archive.write(f)
            os.replace(tmp, args.out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, ValueError) as e:
        print(f"mkcpio: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
