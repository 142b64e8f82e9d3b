#!/usr/bin/env python3
"""Checks a Value Change Dump (IEEE 1364 section 18, the four-state subset GTKWave reads) and
returns its signals' histories.

    tests/host/vcd_check.py FILE     prints "ok: N signals, N changes, end #T" or the first
                                     error with its line number (exit status 1)

What is checked: the header's sections each closed by $end; $timescale present and one of
1/10/100 with s/ms/us/ns/ps/fs; $scope / $upscope balanced; every $var has a known type, a
positive width, an identifier code used once and a name; $enddefinitions closes the header;
after it, time stamps (#N) strictly increase and every value change names a declared code
with a value of the right form (scalar 0 1 x z for 1-bit wires; bBITS no wider than the
variable; rNUMBER for reals); $dumpvars (the initial values) gives every variable a value.
"""
import re
import sys

VAR_TYPES = {"wire", "reg", "integer", "real", "realtime", "event", "parameter", "supply0", "supply1",
             "tri", "trireg", "wand", "wor", "time", "string"}
TIMESCALE = re.compile(r"^(1|10|100)\s*(s|ms|us|ns|ps|fs)$")
SCALAR = re.compile(r"^([01xXzZ])(\S+)$")
VECTOR = re.compile(r"^[bB]([01xXzZ]+)$")
REAL = re.compile(r"^[rR]([-+0-9.eEinfatyINFATY]+)$")


class VcdError(Exception):
    """A format error, with the line it was found on."""


class Vcd:
    """The parsed file: timescale (e.g. "1ns"), variables {code: (type, width, full name)},
    names {full name: code} (scope path joined by "."), changes {full name: [(time, value)]}
    where value is "0"/"1"/"x"/"z" for scalars, an int (or a string with x/z) for vectors and
    a float for reals; end: the last time stamp."""

    def __init__(self):
        self.timescale = None
        self.vars = {}
        self.names = {}
        self.changes = {}
        self.end = 0

    def history(self, name):
        """[(time, value)] of the variable with this full or last-component name."""
        if name not in self.names:
            hits = [n for n in self.names if n.rsplit(".", 1)[-1] == name]
            if len(hits) != 1:
                raise KeyError(name)
            name = hits[0]
        return self.changes[name]

    def value_at(self, name, t):
        """The variable's value at time t (after the changes stamped t)."""
        v = None
        for when, value in self.history(name):
            if when > t:
                break
            v = value
        return v


def parse(text):
    """Parses and checks VCD text; returns a Vcd or raises VcdError("line N: ...")."""
    vcd = Vcd()
    tokens = []  # (line number, token)
    for n, line in enumerate(text.splitlines(), 1):
        tokens.extend((n, tok) for tok in line.split())
    i = 0
    scope = []
    defined = False

    def fail(n, msg):
        raise VcdError("line %d: %s" % (n, msg))

    def section(start):
        """The tokens up to the next $end (consumed)."""
        nonlocal i
        body = []
        while i < len(tokens) and tokens[i][1] != "$end":
            body.append(tokens[i])
            i += 1
        if i == len(tokens):
            fail(tokens[start][0], "%s without $end" % tokens[start][1])
        i += 1
        return [t for _, t in body]

    # --- header ---
    while i < len(tokens) and not defined:
        n, tok = tokens[i]
        start = i
        i += 1
        if tok in ("$date", "$version", "$comment"):
            section(start)
        elif tok == "$timescale":
            body = "".join(section(start))
            if not TIMESCALE.match(body):
                fail(n, "bad $timescale %r" % body)
            vcd.timescale = body
        elif tok == "$scope":
            body = section(start)
            if len(body) != 2:
                fail(n, "$scope needs a type and a name")
            scope.append(body[1])
        elif tok == "$upscope":
            section(start)
            if not scope:
                fail(n, "$upscope without $scope")
            scope.pop()
        elif tok == "$var":
            body = section(start)
            if len(body) < 4:
                fail(n, "$var needs type, width, code and name")
            vtype, width, code, name = body[0], body[1], body[2], body[3]
            if vtype not in VAR_TYPES:
                fail(n, "unknown variable type %r" % vtype)
            if not width.isdigit() or int(width) < 1:
                fail(n, "bad width %r" % width)
            if code in vcd.vars:
                fail(n, "identifier code %r used twice" % code)
            if not scope:
                fail(n, "$var outside any $scope")
            full = ".".join(scope + [name])
            vcd.vars[code] = (vtype, int(width), full)
            vcd.names[full] = code
            vcd.changes[full] = []
        elif tok == "$enddefinitions":
            section(start)
            if scope:
                fail(n, "$enddefinitions inside $scope %s" % ".".join(scope))
            defined = True
        else:
            fail(n, "unexpected %r in the header" % tok)
    if not defined:
        raise VcdError("no $enddefinitions")
    if vcd.timescale is None:
        raise VcdError("no $timescale")
    if not vcd.vars:
        raise VcdError("no variables")

    # --- value changes ---
    now = None
    dumpvars = None  # codes given a value in $dumpvars
    in_dump = False

    def change(n, code, value):
        if code not in vcd.vars:
            fail(n, "value change for undeclared code %r" % code)
        if now is None:
            fail(n, "value change before the first time stamp")
        vtype, width, full = vcd.vars[code]
        if in_dump:
            dumpvars.add(code)
        vcd.changes[full].append((now, value))

    while i < len(tokens):
        n, tok = tokens[i]
        i += 1
        if tok.startswith("#"):
            if not tok[1:].isdigit():
                fail(n, "bad time stamp %r" % tok)
            t = int(tok[1:])
            if now is not None and t <= now:
                fail(n, "time %d after %d: time stamps must increase" % (t, now))
            now = t
        elif tok in ("$dumpvars", "$dumpall", "$dumpon", "$dumpoff"):
            if tok == "$dumpvars":
                if dumpvars is not None:
                    fail(n, "a second $dumpvars")
                dumpvars = set()
            in_dump = True
        elif tok == "$end":
            if not in_dump:
                fail(n, "$end without a section")
            in_dump = False
        elif tok == "$comment":
            section(i - 1)
        elif tok[0] in "bBrR":
            m = VECTOR.match(tok) or REAL.match(tok)
            if not m or i == len(tokens):
                fail(n, "bad vector or real value %r" % tok)
            code = tokens[i][1]
            i += 1
            if code not in vcd.vars:
                fail(n, "value change for undeclared code %r" % code)
            vtype, width, _ = vcd.vars[code]
            if tok[0] in "bB":
                if vtype in ("real", "realtime"):
                    fail(n, "vector value for the real variable %r" % code)
                bits = m.group(1).lower()
                if len(bits) > width:
                    fail(n, "%d bits for the %d-bit variable %r" % (len(bits), width, code))
                value = int(bits, 2) if set(bits) <= {"0", "1"} else bits
            else:
                if vtype not in ("real", "realtime"):
                    fail(n, "real value for the %s variable %r" % (vtype, code))
                try:
                    value = float(m.group(1))
                except ValueError:
                    fail(n, "bad real %r" % tok)
            change(n, code, value)
        else:
            m = SCALAR.match(tok)
            if not m:
                fail(n, "unexpected %r" % tok)
            code = m.group(2)
            if code in vcd.vars and vcd.vars[code][1] != 1:
                fail(n, "scalar value for the %d-bit variable %r" % (vcd.vars[code][1], code))
            change(n, code, m.group(1).lower())
    if in_dump:
        raise VcdError("$dumpvars without $end")
    if dumpvars is None:
        raise VcdError("no $dumpvars")
    missing = [vcd.vars[c][2] for c in vcd.vars if c not in dumpvars]
    if missing:
        raise VcdError("$dumpvars gives no value to %s" % ", ".join(missing[:5]))
    vcd.end = now or 0
    return vcd


def main(argv):
    if len(argv) != 2:
        print("usage: vcd_check.py FILE", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="ascii") as f:
            vcd = parse(f.read())
    except (OSError, UnicodeDecodeError) as e:
        print("%s: %s" % (argv[1], e), file=sys.stderr)
        return 1
    except VcdError as e:
        print("%s: %s" % (argv[1], e), file=sys.stderr)
        return 1
    print("ok: %d signals, %d changes, end #%d (%s)" % (len(vcd.vars), sum(len(c) for c in vcd.changes.values()),
                                                    vcd.end, vcd.timescale))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
