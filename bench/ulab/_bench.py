# Helper for bench/ulab (not a benchmark): times a ulab computation against the same one as
# a Python loop, in the same process, and checks that both give the same numbers.
import time

try:
    from ulab import numpy as np
except ImportError:
    import numpy as np  # CPython: checks the benchmarks themselves

N = 1000
TARGET = 20  # the goal: ulab at least 20x faster than the loop on 1,000 elements


def clock_us():
    if hasattr(time, "ticks_us"):
        return time.ticks_us()
    return time.perf_counter() * 1e6


def per_call(f, reps):
    t = clock_us()
    for _ in range(reps):
        r = f()
    d = clock_us() - t
    if hasattr(time, "ticks_diff"):
        d = time.ticks_diff(clock_us(), t)  # wraps on the board
    return d / reps, r


def median(v):
    v = sorted(v)
    return v[len(v) // 2]


def same(a, b):
    a, b = list(a), list(b)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if abs(x - y) > 1e-6 * max(1.0, abs(x), abs(y)):
            return False
    return True


def run(name, vec, loop, n=N, vec_reps=50, loop_reps=2, runs=5):
    """One line: name, microseconds a call for each variant (medians of runs, alternated),
    the ratio, nanoseconds an element for ulab, and whether the results agree."""
    tv, tl = [], []
    for _ in range(runs):
        t, rv = per_call(vec, vec_reps)
        tv.append(t)
        t, rl = per_call(loop, loop_reps)
        tl.append(t)
    v, l = median(tv), median(tl)
    ok = same(rv, rl)
    ratio = l / v if v > 0 else 0.0
    print("%-14s n=%-5d ulab %9.1f us  loop %10.1f us  ratio %7.1f  %7.1f ns/elem  %s%s" % (
        name, n, v, l, ratio, v * 1000 / n, "ok" if ok else "MISMATCH",
        "" if ratio >= TARGET else "  (below %dx)" % TARGET))
