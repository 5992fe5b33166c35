# SPDX-License-Identifier: GPL-2.0
"""Parse user/expected.txt: what each user program must do.

The format is described at the top of user/expected.txt; the kernel parses
the same file (embedded as builtin_expected_txt) the same way.  Used by
scripts/embed_programs.py and scripts/run_user_on_linux.py.
"""


class Expectation:
    """One line: NAME, how it must end ("exit" N or "signal" N), argv, envp."""

    def __init__(self, name, kind, value, args, env, lineno):
        self.name = name
        self.kind = kind
        self.value = value
        self.args = args
        self.env = env
        self.lineno = lineno

    def outcome(self):
        return "%s %d" % (self.kind, self.value)


def parse_line(line, lineno):
    """Return the Expectation of one non-comment line; ValueError if bad."""
    words = line.split()
    if len(words) < 3 or words[1] not in ("exit", "signal"):
        raise ValueError("want 'NAME exit N' or 'NAME signal S'")
    name, kind = words[0], words[1]
    if not words[2].isdigit():
        raise ValueError("%s wants a decimal number, not %r" % (kind, words[2]))
    value = int(words[2])
    if (kind == "exit" and value > 255) or (kind == "signal" and not 1 <= value <= 64):
        raise ValueError("%s %d is out of range" % (kind, value))
    lists = {"args:": None, "env:": None}
    current = None
    for word in words[3:]:
        if word in lists:
            if lists[word] is not None:
                raise ValueError("%s given twice" % word)
            current = lists[word] = []
        elif current is None:
            raise ValueError("%r: only 'args:' or 'env:' may follow the outcome" % word)
        else:
            current.append(word)
    return Expectation(name, kind, value, lists["args:"] or [],
                       lists["env:"] or [], lineno)


def parse_expected(path):
    """Return the Expectations of the file at @path, in order (a program
    listed twice runs twice); ValueError if a line is bad."""
    table = []
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                e = parse_line(line, lineno)
            except ValueError as err:
                raise ValueError("%s:%d: %s" % (path, lineno, err)) from None
            table.append(e)
    return table
