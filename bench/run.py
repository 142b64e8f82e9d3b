#!/usr/bin/env python3
"""Runs each benchmark under rtpy and CPython alternately and prints median-time ratios.

usage: bench/run.py [--rtpy build/host/rtpy] [--python /usr/bin/python3] [-n 5] [--no-heap]
                    [files...]
A benchmark whose outputs differ counts as failed, never as fast. Ratios are measured side
by side in one run (the machines are shared and noisy: absolute times are not stable), and
the times are the programs' CPU time (user + system), not the wall clock.
The table also gives each benchmark's smallest working heap (`-X heapsize=`, found by
bisection to 1 KiB: the output must still match CPython's) and the start-up time (`-c pass`).
Benchmarks with a board scenario next to them (name.board) run under `make bench-sim`.
"""
import argparse
import glob
import math
import os
import resource
import statistics
import subprocess
import sys


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, timeout=None):
    """(seconds, exit status, stdout): the child's CPU time (user + system), which a loaded
    machine disturbs far less than the wall-clock time (it may be switched out for long)."""
    t = cpu()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return cpu() - t, -1, None
    return cpu() - t, p.returncode, p.stdout


def min_heap(rtpy, f, expected, seconds):
    """The smallest -X heapsize (KiB) that still gives CPython's output, or None."""
    def ok(kib):
        _, rc, out = run([rtpy, '-X', 'heapsize=%dk' % kib, f], timeout=max(10, 20 * seconds))
        return rc == 0 and out == expected
    lo, hi = 4, 16 * 1024  # lo fails (or is the floor), hi works
    if not ok(hi):
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rtpy', default='build/host/rtpy')
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('-n', type=int, default=5)
    ap.add_argument('--no-heap', action='store_true', help='skip the smallest-heap search')
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(os.path.dirname(__file__), '*.py')))
    files = [f for f in files if not f.endswith('run.py') and not os.path.exists(f[:-3] + '.board')]
    ratios, failed = [], 0
    print('%-22s %10s %10s %8s %10s' % ('benchmark', 'rtpy ms', 'cpython ms', 'ratio', 'min heap'))
    for f in files:
        name = os.path.basename(f)
        run([a.rtpy, f])  # warm-up
        run([a.python, f])
        rt, ct, ok, expected = [], [], True, None
        for _ in range(a.n):
            t1, rc1, o1 = run([a.rtpy, f])
            t2, rc2, o2 = run([a.python, f])
            rt.append(t1)
            ct.append(t2)
            expected = o2
            if rc1 != 0 or rc2 != 0 or o1 != o2:
                ok = False
        if not ok:
            failed += 1
            print('%-22s FAILED (output differs from CPython)' % name)
            continue
        r = statistics.median(rt) / statistics.median(ct)
        ratios.append(r)
        heap = '-' if a.no_heap else min_heap(a.rtpy, f, expected, statistics.median(rt))
        print('%-22s %10.1f %10.1f %8.2f %10s' % (name, statistics.median(rt) * 1e3,
                                                  statistics.median(ct) * 1e3, r,
                                                  heap if isinstance(heap, str) else
                                                  'none' if heap is None else '%dk' % heap),
              flush=True)
    # start-up: `-c pass`
    st = [run([a.rtpy, '-c', 'pass'])[0] for _ in range(a.n * 2)]
    sc = [run([a.python, '-c', 'pass'])[0] for _ in range(a.n * 2)]
    print('%-22s %10.2f %10.2f %8.2f' % ('start-up (-c pass)', statistics.median(st) * 1e3,
                                          statistics.median(sc) * 1e3, statistics.median(st) / statistics.median(sc)))
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print('geometric mean of ratios (rtpy/CPython): %.2f over %d benchmarks, worst %.2f'
              % (gm, len(ratios), max(ratios)))
    print('%d passed, %d failed' % (len(ratios), failed))
    return 1 if failed else 0


sys.exit(main())
