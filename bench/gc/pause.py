# bench/gc/pause.py: GC pauses, run by bench/gc/run.py (one heap size per process).
# 1. Fills about half the heap with live objects of a mixed, linked shape (instances, strs,
#    floats, tuples, lists, dicts in chains), checks with gc.mem_alloc()/gc.mem_free() that the
#    heap is 45..55 % full, and times full gc.collect() calls.
# 2. Unless told not to (pause_latency.py), a high-priority thread wakes every 1 ms on a schedule
#    and records how late it ran, first while the main thread (lower priority) computes
#    without allocating, then while it allocates garbage and collects (explicitly, each
#    collection timed; the automatic early one is off) with the heap still half full.
# The live structure's checksum is checked after each phase; any mismatch raises (exit 1).
# Host: run with --time=real (scripts default to virtual time, where a collection takes no
# time at all). Board: the driver sets ARGS before this source.
import gc
import time

try:
    ARGS  # noqa: F821  (set by the driver on the board)
except NameError:
    import sys

    ARGS = sys.argv[1:]

COLLECTIONS = 9  # timed full collections
PHASE_MS = 1500  # each latency phase
LATENCY = "nolatency" not in ARGS
for a in ARGS:
    if a.startswith("collections="):
        COLLECTIONS = int(a[12:])
    elif a.startswith("phase_ms="):
        PHASE_MS = int(a[9:])


class Node:
    def __init__(self, i, prev):
        self.name = "node-%d" % i  # a heap str (not interned)
        self.value = i * 0.5  # a float
        self.tags = (i, i & 7, "t%d" % (i & 15))  # a tuple holding a str
        self.items = [i, float(i), prev]  # a list pointing back along the chain
        self.attrs = {"id": i, "w": i * 1.25, "k": str(i & 63)}  # a dict
        self.prev = prev  # the chain: the marker has to follow it


CHAIN = 32  # nodes per chain; the chains hang off one list


def make_chain(base, length):
    n = None
    for i in range(base, base + length):
        n = Node(i, n)
    return n


def node_sum(n):
    return (n.tags[0] + n.tags[1] + len(n.name) + len(n.tags[2]) + int(n.value * 2) +
            n.items[0] + int(n.items[1]) + n.attrs["id"] + int(n.attrs["w"] * 4) + len(n.attrs["k"]))


def checksum(heads):
    s, count = 0, 0
    for h in heads:
        n = h
        while n is not None:
            s += node_sum(n)
            count += 1
            if n.items[2] is not n.prev:
                raise RuntimeError("chain broken at node %d" % n.tags[0])
            n = n.prev
    return s, count


def expected_checksum(nodes):
    # the same sum from the node numbers alone
    s = 0
    for i in range(nodes):
        s += (i + (i & 7) + len("node-%d" % i) + len("t%d" % (i & 15)) + i + i + i + i + i * 5 +
              len(str(i & 63)))
    return s, nodes


def used_fraction():
    gc.collect()
    a, f = gc.mem_alloc(), gc.mem_free()
    return a, a + f


def fill_half(heads, target):
    """Adds chains (numbered nodes 0, 1, ...) until the live bytes reach `target` of the heap;
    returns (live bytes, heap bytes, nodes)."""
    nodes = 0
    a0, total = used_fraction()
    heads.append(make_chain(0, 4))
    nodes = 4
    a1, _ = used_fraction()
    per_node = max((a1 - a0) // 4, 16)
    while True:
        a, total = used_fraction()
        want = (int(total * target) - a) // per_node  # nodes still to add
        if want < 1:
            return a, total, nodes
        k = max(1, want // 2) if want > 8 else want  # halve the gap: each step re-measures
        while k > 0:
            m = k if k < CHAIN else CHAIN
            heads.append(make_chain(nodes, m))
            nodes += m
            k -= m


def time_collections(n):
    t = []
    for _ in range(n):
        t0 = time.ticks_us()
        gc.collect()
        t.append(time.ticks_diff(time.ticks_us(), t0))
    return t


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2]


def main():
    if LATENCY:
        import pause_latency

        pause_latency.PHASE_MS = PHASE_MS
        lat = pause_latency.start()
    heads = []
    alloc, total, nodes = fill_half(heads, 0.5)
    pct = 100 * alloc // total
    print("filled", "heap", total, "live", alloc, "percent", pct, "chains", len(heads), "nodes", nodes)
    if not 45 <= pct <= 55:
        raise RuntimeError("heap not half full: %d%% of %d bytes" % (pct, total))
    want = expected_checksum(nodes)
    if checksum(heads) != want:
        raise RuntimeError("checksum wrong after filling")
    t = time_collections(COLLECTIONS)
    print("collections_us", " ".join(str(v) for v in t))
    print("collect_median_us", median(t), "max_us", max(t))
    if checksum(heads) != want:
        raise RuntimeError("checksum wrong after the collections")
    if LATENCY:
        pause_latency.run(lat)
        if checksum(heads) != want:
            raise RuntimeError("checksum wrong after the latency phases")
        a, tot = used_fraction()
        print("after heap", tot, "live", a, "percent", 100 * a // tot)
        pause_latency.stop(lat)
    print("checksum ok", want[0], want[1])


main()
