#!/usr/bin/python3
"""boot/crypto_stack.py: worst-case stack depth of the public entry points of boot/'s crypto,
from GCC's call graphs (-fcallgraph-info=su: the .ci files of every object, given as
arguments). A function's depth is its own frame plus the deepest of its callees; calls to
the C library (memcpy, memset: leaves with small frames) count as 0. There is no recursion.

    make boot-crypto-size    (builds with arm-none-eabi-gcc -Os and runs this)
"""
import re
import sys

frames, edges = {}, {}
for path in sys.argv[1:]:
    for line in open(path):
        m = re.match(r'node: \{ title: "([^"]+)" label: "[^"]*\\n(\d+) bytes', line)
        if m:
            frames[m.group(1)] = int(m.group(2))
        m = re.match(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"', line)
        if m:
            edges.setdefault(m.group(1), set()).add(m.group(2))


def depth(f, seen=()):
    if f in seen:
        raise SystemExit("recursion through " + f)
    return frames.get(f, 0) + max([depth(g, seen + (f,)) for g in edges.get(f, ())] or [0])


def path(f):
    out = [f]
    while edges.get(f):
        f = max(edges[f], key=depth)
        if depth(f) == 0:
            break
        out.append(f)
    return " > ".join(p.split(":")[-1] for p in out)


for f in ("boot_sha256_digest", "boot_ed25519_verify", "boot_p256_verify"):
    print("%-20s %5d bytes of stack  (%s)" % (f, depth(f), path(f)))
