#!/usr/bin/env python3
"""Runs each benchmark under rtpy and CPython alternately and prints median-time ratios.

usage: bench/run.py [--rtpy build/host/rtpy] [--python /usr/bin/python3] [-n 5] [files...]
A benchmark whose outputs differ counts as failed, never as fast. Ratios are measured side
by side in one run (the machines are shared and noisy: absolute times are not stable).
"""
import argparse
import glob
import math
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t, p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rtpy', default='build/host/rtpy')
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('-n', type=int, default=5)
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(os.path.dirname(__file__), '*.py')))
    files = [f for f in files if not f.endswith('run.py')]
    ratios, failed = [], 0
    print('%-22s %10s %10s %8s' % ('benchmark', 'rtpy ms', 'cpython ms', 'ratio'))
    for f in files:
        name = os.path.basename(f)
        run([a.rtpy, f])  # warm-up
        run([a.python, f])
        rt, ct, ok = [], [], True
        for _ in range(a.n):
            t1, rc1, o1 = run([a.rtpy, f])
            t2, rc2, o2 = run([a.python, f])
            rt.append(t1)
            ct.append(t2)
            if rc1 != 0 or o1 != o2:
                ok = False
        if not ok:
            failed += 1
            print('%-22s FAILED (output differs from CPython)' % name)
            continue
        r = statistics.median(rt) / statistics.median(ct)
        ratios.append(r)
        print('%-22s %10.1f %10.1f %8.2f' % (name, statistics.median(rt) * 1e3, statistics.median(ct) * 1e3, r))
    # start-up: `-c pass`
    st = [run([a.rtpy, '-c', 'pass'])[0] for _ in range(a.n * 2)]
    sc = [run([a.python, '-c', 'pass'])[0] for _ in range(a.n * 2)]
    print('%-22s %10.2f %10.2f %8.2f' % ('start-up (-c pass)', statistics.median(st) * 1e3,
                                          statistics.median(sc) * 1e3, statistics.median(st) / statistics.median(sc)))
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print('geometric mean of ratios (rtpy/CPython): %.2f over %d benchmarks' % (gm, len(ratios)))
    print('%d passed, %d failed' % (len(ratios), failed))
    return 1 if failed else 0


sys.exit(main())
