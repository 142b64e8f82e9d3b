#!/usr/bin/env python3
"""bench/gc/run.py: GC pauses on the host (make bench-gc). Not a test: nothing here is timed
against a limit; a run fails only when bench/gc/pause.py finds its live data damaged, the heap
not half full, or the clock not moving (virtual time).

usage: bench/gc/run.py [--rtpy build/host/rtpy] [-n 5] [--heaps 64k,1m,16m] [--phase-ms 1500]

For each heap size, bench/gc/pause.py runs n times under `--time=real` (the wall clock: in
virtual time a collection takes no time). Each run fills half the heap with linked objects,
times 9 full gc.collect() calls, then (heaps big enough for a second thread's 32 KiB Python
stack) has a high-priority thread wake every millisecond while the main thread first counts,
then allocates garbage and collects. The table gives medians over the runs (the machine is
shared: single runs are noisy); "worst" columns are the median of the runs' worst values, and
the last column the worst of all runs.
"""
import argparse
import statistics
import subprocess
import sys

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def parse(out):
    """pause.py's lines as {first word: {key: value}} (the first two words for `latency`)."""
    r = {}
    for line in out.splitlines():
        f = line.split()
        if not f:
            continue
        if f[0] == "collections_us":
            r["collections"] = [int(v) for v in f[1:]]
            continue
        key, rest = f[0], f[1:]
        if key == "latency":
            key, rest = "latency_" + f[1], f[2:]
        d = {}
        for i in range(0, len(rest) - 1, 2):
            try:
                d[rest[i]] = int(rest[i + 1])
            except ValueError:
                d[rest[i]] = rest[i + 1]
        r[key] = d
    return r


def run_once(rtpy, heap, phase_ms, latency):
    cmd = [rtpy, "--time=real", "-X", "heapsize=" + heap, HERE + "/pause.py", "phase_ms=%d" % phase_ms]
    if not latency:
        cmd.append("nolatency")
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0 or "checksum ok" not in p.stdout:
        sys.stderr.write(p.stdout + p.stderr)
        sys.exit("bench/gc: %s failed (status %d)" % (" ".join(cmd), p.returncode))
    r = parse(p.stdout)
    if max(r["collections"]) <= 0:
        sys.exit("bench/gc: collections took no time: is the clock virtual?")
    return r


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(v, unit=""):
    if v is None:
        return "-"
    return "%d%s" % (round(v), unit)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default="build/host/rtpy")
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("--heaps", default="64k,1m,16m")
    ap.add_argument("--phase-ms", type=int, default=1500)
    a = ap.parse_args()
    heaps = a.heaps.split(",")
    results = {}
    for h in heaps:
        # a 64 KiB heap holds the runtime, this program and a second thread's 32 KiB Python
        # stack only when more than half full: no latency phases there
        latency = not h.lower().endswith("k") or int(h[:-1]) > 256
        results[h] = [run_once(a.rtpy, h, a.phase_ms, latency) for _ in range(a.n)]

    print("GC pauses, host (--time=real), %d runs per heap; medians over the runs, us" % a.n)
    print("%-6s %9s %5s %8s | %9s %9s %9s" % ("heap", "live KiB", "full", "nodes", "collect",
                                              "worst", "worst"))
    print("%-6s %9s %5s %8s | %9s %9s %9s" % ("", "", "%", "", "median", "(median)", "(all runs)"))
    for h in heaps:
        rs = results[h]
        meds = [statistics.median(r["collections"]) for r in rs]
        maxs = [max(r["collections"]) for r in rs]
        print("%-6s %9.0f %5.0f %8d | %9s %9s %9s" % (
            h, med([r["filled"]["live"] / 1024 for r in rs]), med([r["filled"]["percent"] for r in rs]),
            rs[0]["filled"]["nodes"], fmt(med(meds)), fmt(med(maxs)), fmt(max(maxs))))

    lat = [h for h in heaps if "latency_idle" in results[h][0]]
    if lat:
        print()
        print("High-priority thread waking every 1 ms (lateness, us; medians over the runs)")
        print("%-6s | %-24s | %-36s | %s" % ("heap", "main counts: p99 / worst", "main allocates + collects: p99 / worst",
                                            "due during a collection: worst / its time left"))
        for h in lat:
            rs = results[h]
            idle = [r["latency_idle"] for r in rs]
            gcp = [r["latency_gc"] for r in rs]
            dur = [r.get("during_collect", {}) for r in rs]
            pc = [r["phase_collect"] for r in rs]  # spans include the call: counts only
            blocked_late = [d.get("max_late_us") for d in dur]
            left = [d.get("span_left_us") for d in dur]
            print("%-6s | %10s / %-11s | %10s / %-10s (%3.0f coll.) | %10s / %s" % (
                h, fmt(med([x["p99_us"] for x in idle])), fmt(med([x["max_us"] for x in idle])),
                fmt(med([x["p99_us"] for x in gcp])), fmt(med([x["max_us"] for x in gcp])),
                med([x["count"] for x in pc]),
                fmt(med(blocked_late)), fmt(med(left))))
        print("(due during a collection: the worst of the wake-ups that fell due while the main")
        print(" thread was collecting, and how long that collection still had to run then)")
    print("%d runs, all checksums ok" % sum(len(v) for v in results.values()))
    return 0


sys.exit(main())
