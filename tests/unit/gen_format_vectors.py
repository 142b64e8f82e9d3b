#!/usr/bin/env python3
"""Regenerates the expected-output vectors of tests/unit/test_dtoa.c and test_format.c.

The vectors are CPython's own answers (repr, float(), format()), written as plain text under
tests/unit/data/ so the C tests need no Python at run time. The generator is deterministic
(fixed seeds); run it with the CPython whose behaviour rtpy follows (3.11):

    python3 tests/unit/gen_format_vectors.py

Fields are tab-separated; within a field, backslash, tab, newline and other control
characters are escaped as \\\\, \\t, \\n and \\xNN.
"""
import math
import os
import random
import struct
import sys
from decimal import Decimal, getcontext

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif o < 32 or o == 127:
            out.append("\\x%02x" % o)
        else:
            out.append(ch)
    return "".join(out)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def hexd(x):
    return "%016x" % bits(x)


def random_bits_double(rng):
    while True:
        x = from_bits(rng.getrandbits(64))
        if math.isfinite(x):
            return x


def random_subnormal(rng):
    return from_bits((rng.getrandbits(1) << 63) | rng.randrange(1, 1 << 52))


def random_nice(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return round(rng.uniform(-1000, 1000), rng.randrange(0, 7))
    if kind == 1:
        return float(rng.randrange(0, 10 ** rng.randrange(1, 18)))
    if kind == 2:
        return float("%de%d" % (rng.randrange(1, 10 ** rng.randrange(1, 17)), rng.randrange(-30, 30)))
    if kind == 3:
        return rng.randrange(1, 10000) / 10 ** rng.randrange(0, 12)
    if kind == 4:
        return float("%de%d" % (rng.randrange(1, 10 ** rng.randrange(1, 17)), rng.randrange(-330, 310)))
    return float("0.%0*d" % (rng.randrange(1, 17), rng.randrange(0, 10 ** 15)))


def special_doubles():
    out = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0,
           1e17, 1e-4, 1e-5, 0.0001, 0.00001, 1.5e-5, 123456789012345680.0, 5e-324, 1e-323,
           2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 2.675,
           0.125, 0.375, 2.5, 1e22, 1e23, 9007199254740993.0, 4.35, 1e300, 1e-300, 100.0]
    for e in range(-1074, 1024):
        out.append(2.0 ** e)
        out.append(math.nextafter(2.0 ** e, 0.0))
        out.append(math.nextafter(2.0 ** e, math.inf))
    for e in range(-323, 309):
        x = float("1e%d" % e)
        out += [x, math.nextafter(x, 0.0), math.nextafter(x, math.inf)]
    return [x for x in out if math.isfinite(x)]


def gen_repr(rng):
    xs = special_doubles()
    xs += [random_bits_double(rng) for _ in range(62000)]
    xs += [random_subnormal(rng) for _ in range(4000)]
    xs += [random_nice(rng) for _ in range(34000)]
    lines = ["%s %s" % (hexd(x), repr(x)) for x in xs]
    lines += ["%016x %s" % (b, repr(from_bits(b)))
              for b in (0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
                        0xfff8000000000000, 0x7ff0000000000001)]
    return lines


def underscore(rng, s):
    # Insert single underscores between some pairs of digits.
    out = s[0]
    for a, b in zip(s, s[1:]):
        if a.isdigit() and b.isdigit() and rng.random() < 0.2:
            out += "_"
        out += b
    return out


def halfway(x):
    """Exact decimal text of the midpoint between x > 0 and the next double up."""
    getcontext().prec = 2000
    m = (Decimal(x) + Decimal(math.nextafter(x, math.inf))) / 2
    return format(m, "f") if -30 < m.adjusted() < 30 else format(m, "e")


def gen_parse(rng):
    cases = []
    for _ in range(6000):
        x = random_bits_double(rng) if rng.random() < 0.5 else random_nice(rng)
        s = repr(x)
        r = rng.random()
        if r < 0.2:
            s = underscore(rng, s)
        elif r < 0.3:
            s = " \t" + s.upper() + "\n "
        elif r < 0.4:
            s = "%.25e" % x
        elif r < 0.5 and math.isfinite(x):
            s = "+000" + s.lstrip("-") + "000"
        cases.append(s)
    for _ in range(700):
        x = random_bits_double(rng) if rng.random() < 0.7 else random_subnormal(rng)
        x = abs(x)
        if x == 0 or math.isinf(math.nextafter(x, math.inf)):
            continue
        h = halfway(x)
        cases.append(h)
        mant, _, ex = h.partition("e")
        if "." not in mant:
            mant += "."
        cases.append(mant + "0000001" + (("e" + ex) if ex else ""))
        # just below: decrement the last digit (never 0: a midpoint ends in 5)
        cases.append(mant[:-1] + str(int(mant[-1]) - 1) + "99999" + (("e" + ex) if ex else "")
                     if mant[-1].isdigit() and mant[-1] != "0" else mant)
    for _ in range(2000):
        d = "".join(rng.choice("0123456789") for _ in range(rng.randrange(16, 40)))
        cases.append("%s.%se%d" % (d[:1], d[1:], rng.randrange(-340, 320)))
        cases.append("%se%d" % (d, rng.randrange(-360, 300)))
    cases += ["2.4703282292062327e-324", "2.4703282292062328e-324", "2.4703282292062327208e-324",
              "1.7976931348623158e308", "1.7976931348623159e308", "1.797693134862315807e308",
              "4.9406564584124654e-324", "1e-324", "1e-400", "1e400", "0." + "0" * 400 + "1e400",
              "1" * 500, "0." + "1" * 1000, "9" * 309, "9" * 310, "1" + "0" * 308 + ".5",
              "1_000.5", "1e1_0", "1E+0_5", ".5", "5.", "-.5e-5", "+5.E5", "00001", "-0", "0e999",
              "inf", "-inf", "+inf", "Infinity", "-iNfInItY", "nan", "-nan", "+NaN", "NAN",
              "0.1", "0.3", "2.675", "9007199254740993", "9007199254740992.5",
              "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
              "2.2250738585072011e-308", "2.2250738585072012e-308", "1e23", "8.5e-323"]
    bad = ["", " ", "-", "+", ".", "e5", ".e5", "1e", "1e+", "1e-", "++5", "--5", "1__0", "_1",
           "1_", "1_.5", "1._5", "1e_5", "1e5_", "1_e5", "0x10", "1.5 x", "in f", "infinit",
           "infinityy", "nan(1)", "nana", "1.2.3", "1e5e5", "- 1", "1 _0", "1\x00", "1,5",
           "e", "E1", "_", "1.5_", "+_1", "1e+_1", "\x0c", "1\x1c"]
    lines = []
    for s in cases:
        x = float(s)
        lines.append("%s\t%s" % (esc(s), hexd(x) if not math.isnan(x) else ("%016x" % bits(x))))
    for s in bad:
        try:
            float(s)
            raise SystemExit("expected an error for %r" % s)
        except ValueError:
            pass
        lines.append("%s\tERR" % esc(s))
    return lines


def gen_dtoa_format(rng):
    xs = special_doubles()[:60] + [math.inf, -math.inf, math.nan]
    xs += [random_bits_double(rng) for _ in range(300)] + [random_nice(rng) for _ in range(300)]
    xs += [random_subnormal(rng) for _ in range(20)]
    xs += [0.5, 1.5, 2.5, 0.05, 0.005, 9.5, 99.5, 999.5, 0.0005, 9.9999, 0.99999, 0.9999995]
    lines = []
    types = ["e", "E", "f", "F", "g", "G", "%", "none", "n"]
    for x in xs:
        for _ in range(24):
            t = rng.choice(types)
            r = rng.random()
            prec = -1 if r < 0.15 else rng.randrange(0, 25) if r < 0.95 else rng.choice(
                [40, 60, 100, 330, 500, 800, 1100])
            flags = rng.randrange(4)
            spec = ("z" if flags & 2 else "") + ("#" if flags & 1 else "")
            spec += ("." + str(prec)) if prec >= 0 else ""
            spec += "" if t == "none" else t
            lines.append("%s\t%s\t%d\t%d\t%s" % ("%016x" % bits(x), t, prec, flags,
                                                 format(x, spec)))
    for x, spec in [(1e300, "f"), (0.1, ".30f"), (2.675, ".2f"), (0.125, ".2f"), (5e-324, ".1100f"),
                    (5e-324, ".760e"), (1.7976931348623157e308, ".400f"), (1.0, ".500f"),
                    (0.1, ".100g"), (123.456, ".1000e"), (9.995, ".2f"), (9.9999, ".3e")]:
        m = spec.lstrip(".")
        t = m[-1]
        lines.append("%016x\t%s\t%d\t0\t%s" % (bits(x), t, int(m[:-1]) if m[:-1] else -1,
                                               format(x, spec)))
    return lines


FILLS = [" ", "*", "0", "x", "<", "=", "{", "\u00e9", "\u20ac", "\U0001f600", "\t"]


def random_spec(rng, types):
    s = ""
    r = rng.random()
    if r < 0.25:
        s += rng.choice(FILLS) + rng.choice("<>^=")
    elif r < 0.45:
        s += rng.choice("<>^=")
    if rng.random() < 0.3:
        s += rng.choice("+- ")
    if rng.random() < 0.1:
        s += "z"
    if rng.random() < 0.25:
        s += "#"
    if rng.random() < 0.25:
        s += "0"
    if rng.random() < 0.6:
        s += str(rng.choice([1, 2, 5, 8, 9, 10, 11, 12, 15, 20, 25, 30, rng.randrange(0, 60)]))
    r = rng.random()
    if r < 0.2:
        s += ","
    elif r < 0.35:
        s += "_"
    if rng.random() < 0.4:
        s += "." + str(rng.randrange(0, 20))
    s += rng.choice(types)
    return s


def format_line(v, spec):
    try:
        return "=" + format(v, spec)
    except ValueError as e:
        return "E:" + str(e)


def gen_format(rng):
    lines = []
    # ints
    ints = [0, 1, -1, 7, -7, 42, 255, -255, 1234, -1234, 65535, 10 ** 6, -10 ** 9, 2 ** 31,
            2 ** 63, -2 ** 64, 10 ** 30, -(10 ** 25) - 7, 0x1F600, 65, 0x10FFFF]
    ints += [rng.randrange(-10 ** rng.randrange(1, 30), 10 ** rng.randrange(1, 30)) for _ in range(60)]
    int_types = ["", "", "", "b", "c", "d", "o", "x", "X", "n", "s", "q", "\u00e9"]
    fixed_int = ["", "08,", "09,", "010,", "0=10,", "0>10,", "x=10,", "012_b", "#012_x", "#012_X",
                 "#012_o", ",x", "_n", ",_", "_,", ",,", ".", ".2", "z", "+c", "#c", ",c", "q",
                 "\u00e9", ",\u00e9", "99999999999999999999", "abc", "<<<", "\x01",
                 " ", "\x7f", "05c", "^5c", "=+20_", "#b", "#o", "#x", "#X", "+#010_x", " 5d",
                 "-^9,", "*<+8", "\u20ac>5,", "0<6", "x<05", "#", "0", "00", "010", ",d", "_d"]
    for v in ints:
        specs = fixed_int + [random_spec(rng, int_types) for _ in range(60)]
        for spec in specs:
            t = spec[-1:] if spec and spec[-1] in "bcdoxXn" else ""
            if t == "c":
                w = v % 0x110000
                if 0xD800 <= w < 0xE000:
                    w = 0x41
                base, neg, digits = 10, False, chr(w)
                expect = format_line(w, spec)
            else:
                base = {"b": 2, "o": 8, "x": 16, "X": 16}.get(t, 10)
                neg = v < 0
                digits = format(abs(v), {2: "b", 8: "o", 16: "x", 10: "d"}[base])
                expect = format_line(v, spec)
            lines.append("i\t%d\t%d\t%s\t%s\t%s" % (neg, base, esc(digits), esc(spec), esc(expect)))
    # floats
    floats = [0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, 1.0, -1.5, 0.1, 1e16, 1e-5,
              123456.789, -1234567.891, 2.675, 0.125, 1e300, 5e-324, 1.7976931348623157e308,
              9.999999, 0.5, 1.5, 999.9995, -0.0001, 1234.5, 12345.678, 1e22, -9.5e-7]
    floats += [random_nice(rng) for _ in range(40)] + [random_bits_double(rng) for _ in range(20)]
    float_types = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s", "q"]
    fixed_float = ["", "010", "010,", "=+10", "z", "z.2f", "z.2e", ".3", "#", "#.0", ".0",
                   "012,.1f", "_.3f", "0=+12,.3e", ",n", "_g", "^20,.2f", "0^12", "0<12", "+%",
                   ",.2%", "#.0e", "#.0f", "#g", "#.3g", "-.1", " .1e", "020_", ",", ".100f",
                   ".60e", "0=30,.2f", "\u20ac^25,.3e", "abc", "q", ".", "z,.0f", "=", "x=15,"]
    for v in floats:
        specs = fixed_float + [random_spec(rng, float_types) for _ in range(60)]
        for spec in specs:
            lines.append("f\t%016x\t%s\t%s" % (bits(v), esc(spec), esc(format_line(v, spec))))
    # strs
    strs = ["", "a", "abc", "h\u00e9llo", "\u65e5\u672c\u8a9e", "\U0001f600x", "x" * 40,
            "tab\there"]
    str_types = ["", "", "", "s", "s", "d", "q", "x"]
    fixed_str = ["", "05", "<05", "z", "+", " ", "-", "#", "=", "=10", ",", "_", ",s", ".1",
                 "^7.2", ".0", ">10", "*^11", "\u00e9<6", ".100", "020", "abc", "d", ",d"]
    for v in strs:
        specs = fixed_str + [random_spec(rng, str_types) for _ in range(80)]
        for spec in specs:
            lines.append("s\t%d\t%s\t%s\t%s" % (len(v), esc(v), esc(spec),
                                                 esc(format_line(v, spec))))
    return lines


def write(name, lines):
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("%s: %d lines" % (name, len(lines)))


def main():
    if sys.version_info[:2] != (3, 11):
        print("warning: vectors are meant to come from CPython 3.11, this is %s"
              % sys.version.split()[0], file=sys.stderr)
    os.makedirs(DATA, exist_ok=True)
    write("dtoa_repr.txt", gen_repr(random.Random(1)))
    write("dtoa_parse.txt", gen_parse(random.Random(2)))
    write("dtoa_format.txt", gen_dtoa_format(random.Random(3)))
    write("format.txt", gen_format(random.Random(4)))


if __name__ == "__main__":
    main()
