#!/usr/bin/env python3
"""Generates py/unicode_tab.h, the character tables of py/unicode.c, from this Python's own
str methods (so the tables reproduce that CPython's behaviour; run it with Python 3.11,
Unicode 14.0). Run once and commit the output:

    /usr/bin/python3 tools/gen_unicode.py > py/unicode_tab.h

Tables (all const, in flash):
  - classes: every code point has a class, an index into uc_class_flags (PY_UC_* bits). Code
    points are cut into 512-code-point blocks; a block is a byte stream of runs (class,
    length); identical blocks are stored once. uc_plane[cp >> 16] picks a plane table whose
    entry for (cp >> 9) & 127 is the block number, and uc_block_off[block] its stream;
    uc_latin1 holds the classes of U+0000..U+00FF directly.
  - case: simple case pairs as ranges (upper start, count, step 1 or 2, delta to the lower
    case), searched by upper or (through uc_pair_by_lower) by lower code point; one-way
    mappings; title case where it differs from upper case; case folds where they differ from
    lower case; and the full (multi-code-point) mappings of SpecialCasing.txt.
The script checks its own encoding by decoding every code point as the C code does.
"""
import sys
import unicodedata

N = 0x110000
BLOCK_SHIFT = 9
BLOCK = 1 << BLOCK_SHIFT

# class flag bits (mirrored in py/unicode.h)
ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE, PRINT, XID_START, XID_CONT, IGNORABLE, LOWER, UPPER, \
    TITLE, PAIRED = [1 << i for i in range(13)]
FLAG_NAMES = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "PRINT", "XID_START",
              "XID_CONT", "IGNORABLE", "LOWER", "UPPER", "TITLE", "PAIRED"]


def is_cased(c):
    return c.islower() or c.isupper() or unicodedata.category(c) == "Lt"


def is_case_ignorable(c):
    # Case_Ignorable is not exposed by unicodedata: observe it through the final-sigma rule
    # of str.lower(), which is the only place CPython uses it.
    if is_cased(c):
        return (" " + c + "\u03a3").lower()[-1] == "\u03c3"
    return ("a\u03a3" + c + "a").lower()[1] == "\u03c3"


def single(s):
    return ord(s) if len(s) == 1 else None


# ---- full (multi-code-point) mappings -------------------------------------------------------
special = []
for cp in range(N):
    c = chr(cp)
    if any(len(m) > 1 for m in (c.upper(), c.lower(), c.title(), c.casefold())):
        special.append(cp)
special_set = set(special)

# ---- simple case mappings (single code point results, outside the special set) ---------------
to_lower, to_upper, to_title, to_fold = {}, {}, {}, {}
for cp in range(N):
    if cp in special_set:
        continue
    c = chr(cp)
    lo, up, ti, fo = (single(m) for m in (c.lower(), c.upper(), c.title(), c.casefold()))
    if lo != cp:
        to_lower[cp] = lo
    if up != cp:
        to_upper[cp] = up
    if ti != up:
        to_title[cp] = ti
    if fo != lo:
        to_fold[cp] = fo

pairs = {cp: lo for cp, lo in to_lower.items() if to_upper.get(lo) == cp}
lower_only = {cp: lo for cp, lo in to_lower.items() if cp not in pairs}
paired_lower = set(pairs.values())
upper_only = {cp: up for cp, up in to_upper.items() if cp not in paired_lower}


def ranges(m, max_count=128):
    """Runs (start, count, step, delta) of m: consecutive or every-other sources, same delta."""
    items = sorted(m.items())
    out = []
    i = 0
    while i < len(items):
        cp, t = items[i]
        d = t - cp
        best = (1, 1)
        for step in (1, 2):
            j = i
            while (j + 1 < len(items) and j - i + 1 < max_count and
                   items[j + 1][0] == items[j][0] + step and items[j + 1][1] - items[j + 1][0] == d):
                j += 1
            if j - i + 1 > best[0]:
                best = (j - i + 1, step)
        out.append((cp, best[0], best[1], d))
        i += best[0]
    return out


def range_lookup(rs, cp):
    lo, hi = 0, len(rs)
    while lo < hi:
        mid = (lo + hi) // 2
        if rs[mid][0] <= cp:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return None
    s, n, step, d = rs[lo - 1]
    if cp < s + n * step and (cp - s) % step == 0:
        return cp + d
    return None


pair_ranges = ranges(pairs)
pair_by_lower = sorted(range(len(pair_ranges)), key=lambda i: pair_ranges[i][0] + pair_ranges[i][3])
lower_ranges = [(s + d, n, step, -d) for (s, n, step, d) in pair_ranges]
lower_sorted = [lower_ranges[i] for i in pair_by_lower]
lower_only_ranges = ranges(lower_only)
upper_only_ranges = ranges(upper_only)
title_ranges = ranges(to_title)
fold_ranges = ranges(to_fold)


def sim_lower(cp):
    r = range_lookup(pair_ranges, cp)
    if r is None:
        r = range_lookup(lower_only_ranges, cp)
    return cp if r is None else r


def sim_upper(cp):
    r = range_lookup(lower_sorted, cp)
    if r is None:
        r = range_lookup(upper_only_ranges, cp)
    return cp if r is None else r


def sim_title(cp):
    r = range_lookup(title_ranges, cp)
    return sim_upper(cp) if r is None else r


def sim_fold(cp):
    r = range_lookup(fold_ranges, cp)
    return sim_lower(cp) if r is None else r


# ---- classes -------------------------------------------------------------------------------
def flags_of(cp):
    c = chr(cp)
    f = 0
    f |= ALPHA if c.isalpha() else 0
    f |= DECIMAL if c.isdecimal() else 0
    f |= DIGIT if c.isdigit() else 0
    f |= NUMERIC if c.isnumeric() else 0
    f |= SPACE if c.isspace() else 0
    f |= PRINT if c.isprintable() else 0
    f |= XID_START if c.isidentifier() else 0
    f |= XID_CONT if ("a" + c).isidentifier() else 0
    f |= IGNORABLE if is_case_ignorable(c) else 0
    lower, upper = c.islower(), c.isupper()
    title = unicodedata.category(c) == "Lt"
    # A letter of a simple case pair gets PAIRED instead of LOWER/UPPER: which of the two it is
    # follows from the case tables (it is lower case iff it has an upper case mapping), so
    # the alternating upper/lower letters of Latin Extended-A etc. form one long run.
    if cp not in special_set and not title and lower != upper:
        if (lower and sim_upper(cp) != cp) or (upper and sim_upper(cp) == cp and sim_lower(cp) != cp):
            return f | PAIRED
    f |= LOWER if lower else 0
    f |= UPPER if upper else 0
    f |= TITLE if title else 0
    return f


flags = [flags_of(cp) for cp in range(N)]
# py_unicode_isspace spells this set out
assert [cp for cp in range(N) if flags[cp] & SPACE] == \
    [*range(9, 14), *range(0x1c, 0x21), 0x85, 0xa0, 0x1680, *range(0x2000, 0x200b), 0x2028, 0x2029, 0x202f,
     0x205f, 0x3000]
# py_unicode_decimal: a decimal digit's value is its distance from the start of its run, mod 10
run = 0
for cp in range(N):
    if flags[cp] & DECIMAL:
        assert unicodedata.decimal(chr(cp)) == run % 10, hex(cp)
        run += 1
    else:
        run = 0
class_list = sorted(set(flags))
assert len(class_list) <= 32, len(class_list)
class_of = {f: i for i, f in enumerate(class_list)}
cls = [class_of[f] for f in flags]


def encode_block(seg):
    out = bytearray()
    i = 0
    while i < len(seg):
        j = i
        while j < len(seg) and seg[j] == seg[i]:
            j += 1
        n = j - i
        if n <= 7:
            out.append(seg[i] | (n - 1) << 5)
        else:
            out.append(seg[i] | 7 << 5)
            n -= 8
            while True:  # LEB128
                if n < 128:
                    out.append(n)
                    break
                out.append(0x80 | (n & 127))
                n >>= 7
        i = j
    return bytes(out)


blocks, block_ids, stream = {}, [], bytearray()
block_off = []
for b in range(N // BLOCK):
    enc = encode_block(cls[b * BLOCK:(b + 1) * BLOCK])
    if enc not in blocks:
        blocks[enc] = len(blocks)
        block_off.append(len(stream))
        stream += enc
    block_ids.append(blocks[enc])
assert len(blocks) < 256 and len(stream) < 65536
per_plane = 1 << (16 - BLOCK_SHIFT)
planes, plane_ids = [], []
for p in range(17):
    t = tuple(block_ids[p * per_plane:(p + 1) * per_plane])
    if t not in planes:
        planes.append(t)
    plane_ids.append(planes.index(t))


def sim_class(cp):
    p = stream
    i = block_off[planes[plane_ids[cp >> 16]][(cp >> BLOCK_SHIFT) & (per_plane - 1)]]
    pos = cp & (BLOCK - 1)
    while True:
        b = p[i]
        i += 1
        n = b >> 5
        if n == 7:
            n, shift = 0, 0
            while True:
                x = p[i]
                i += 1
                n |= (x & 127) << shift
                shift += 7
                if x < 128:
                    break
            n += 8
        else:
            n += 1
        if pos < n:
            return b & 31
        pos -= n


# ---- special (full) mappings: a pool of code point strings -----------------------------------
pool, pool_index = [], {}


def pool_add(cp, s):
    """A mapping as 0 (the code point itself) or count << 14 | offset of the code points."""
    key = tuple(ord(ch) for ch in s)
    if key == (cp,):
        return 0
    if key not in pool_index:
        assert all(k < 0x10000 for k in key) and 1 <= len(key) <= 3
        pool_index[key] = len(pool)
        pool.extend(key)
    return len(key) << 14 | pool_index[key]


special_rows = []
for cp in special:
    c = chr(cp)
    assert cp < 0x10000
    special_rows.append((cp, [pool_add(cp, m) for m in (c.upper(), c.lower(), c.title(), c.casefold())]))
assert len(pool) < 1 << 14


# ---- self-check: the C algorithm on every code point ---------------------------------------
def sim_full(cp, which):
    for scp, offs in special_rows:
        if scp == cp:
            o = offs[which]
            if o == 0:
                return chr(cp)
            return "".join(chr(x) for x in pool[o & 0x3fff:(o & 0x3fff) + (o >> 14)])
    return chr([sim_upper, sim_lower, sim_title, sim_fold][which](cp))


special_map = dict(special_rows)
for cp in range(N):
    c = chr(cp)
    f = class_list[sim_class(cp)]
    assert f == flags[cp], hex(cp)
    if f & PAIRED:
        islower = sim_upper(cp) != cp
        assert islower == c.islower() and (not islower) == c.isupper(), hex(cp)
    if cp in special_map:
        continue
    assert chr(sim_upper(cp)) == c.upper(), hex(cp)
    assert chr(sim_lower(cp)) == c.lower(), hex(cp)
    assert chr(sim_title(cp)) == c.title(), hex(cp)
    assert chr(sim_fold(cp)) == c.casefold(), hex(cp)
for cp in special:
    c = chr(cp)
    for which, m in enumerate((c.upper(), c.lower(), c.title(), c.casefold())):
        assert sim_full(cp, which) == m


# ---- output ------------------------------------------------------------------------------------
def c_array(ctype, name, values, per_line=12, fmt="{}"):
    lines = [f"static const {ctype} {name}[{len(values)}] = {{"]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(fmt.format(v) for v in values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def range_words(rs):
    # start in bits 0-20, count - 1 in bits 21-27, step 2 in bit 28; then the delta
    out = []
    for s, n, step, d in rs:
        assert 1 <= n <= 128 and s < N
        out.append("{0x%08x, %d}" % (s | (n - 1) << 21 | (step == 2) << 28, d))
    return out


sizes = {
    "classes": 256 + len(class_list) * 2 + 17 + len(planes) * per_plane + len(block_off) * 2 + len(stream),
    "case pairs": len(pair_ranges) * 8 + len(pair_by_lower) * 2,
    "other case maps": (len(lower_only_ranges) + len(upper_only_ranges) + len(title_ranges)
                             + len(fold_ranges)) * 8,
    "full mappings": len(special_rows) * 10 + len(pool) * 2,
}
out = []
out.append("// py/unicode_tab.h: generated by tools/gen_unicode.py from Python %s's unicodedata\n"
           "// (Unicode %s); do not edit. Included by py/unicode.c only." %
           (sys.version.split()[0], unicodedata.unidata_version))
out.append("// Flash: %d bytes (%s)." % (sum(sizes.values()), ", ".join("%s %d" % kv for kv in sizes.items())))
out.append("#ifndef PY_UNICODE_TAB_H\n#define PY_UNICODE_TAB_H\n\n#include <stdint.h>\n")
out.append("// clang-format off")
out.append("#define UC_BLOCK_SHIFT %d\n" % BLOCK_SHIFT)
out.append("// A run of code points start, start + step, ... (count of them), each mapping to itself + delta.")
out.append("typedef struct uc_range {\n    uint32_t key; // start | (count - 1) << 21 | (step == 2) << 28\n"
           "    int32_t delta;\n} uc_range;\n")
out.append("// A code point with multi-code-point mappings (see uc_specials).")
out.append("typedef struct uc_special {\n    uint16_t cp;\n    uint16_t off[4];\n} uc_special;\n")
out.append("// UC_* flags of each class")
out.append(c_array("uint16_t", "uc_class_flags", class_list, 8, "0x{:04x}"))
out.append("// class of each Latin-1 code point (a shortcut past the runs)")
out.append(c_array("uint8_t", "uc_latin1", cls[:256], 16))
out.append("// plane (cp >> 16) -> row of uc_plane_blocks")
out.append(c_array("uint8_t", "uc_plane", plane_ids, 17))
out.append("// per plane: block number of each 512-code-point block")
out.append("static const uint8_t uc_plane_blocks[%d][%d] = {" % (len(planes), per_plane))
for t in planes:
    out.append("    {")
    for i in range(0, per_plane, 16):
        out.append("        " + ", ".join(str(v) for v in t[i:i + 16]) + ",")
    out.append("    },")
out.append("};")
out.append("// offset of each block's runs in uc_runs")
out.append(c_array("uint16_t", "uc_block_off", block_off, 12))
out.append("// runs: class in bits 0-4, length - 1 in bits 5-7 (7: length = 8 + the LEB128 number that\n"
           "// follows)")
out.append(c_array("uint8_t", "uc_runs", list(stream), 16, "0x{:02x}"))
out.append("\n// case ranges: {start | (count - 1) << 21 | (step == 2) << 28, delta}")
out.append("// simple case pairs, by upper case start: lower = upper + delta")
out.append(c_array("uc_range", "uc_pairs", range_words(pair_ranges), 3, "{}"))
out.append("// the pairs in order of their lower case start")
out.append(c_array("uint16_t", "uc_pair_by_lower", pair_by_lower, 16))
out.append("// upper -> lower mappings without the reverse mapping")
out.append(c_array("uc_range", "uc_lower_only", range_words(lower_only_ranges), 3, "{}"))
out.append("// lower -> upper mappings without the reverse mapping")
out.append(c_array("uc_range", "uc_upper_only", range_words(upper_only_ranges), 3, "{}"))
out.append("// title case where it differs from upper case")
out.append(c_array("uc_range", "uc_title", range_words(title_ranges), 3, "{}"))
out.append("// case fold where it differs from lower case")
out.append(c_array("uc_range", "uc_fold", range_words(fold_ranges), 3, "{}"))
out.append("\n// full mappings: {code point, {upper, lower, title, fold}}, each 0 for the code point itself or\n"
           "// count << 14 | offset of count code points in uc_pool")
out.append("static const uc_special uc_specials[%d] = {" % len(special_rows))
for cp, offs in special_rows:
    out.append("    {0x%04x, {0x%04x, 0x%04x, 0x%04x, 0x%04x}}," % (cp, *offs))
out.append("};")
out.append("// code points of the full mappings")
out.append(c_array("uint16_t", "uc_pool", pool, 12, "0x{:04x}"))
out.append("// clang-format on\n\n#endif // PY_UNICODE_TAB_H")
print("\n".join(out))
print("flash:", sizes, sum(sizes.values()), file=sys.stderr)
