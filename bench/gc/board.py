#!/usr/bin/env python3
"""bench/gc/board.py: GC pauses on QEMU mps2-an385 (make bench-gc-target). Under -icount
shift=0 one instruction is one nanosecond of the board's clock, so time.ticks_us() there counts
thousands of instructions, the same on every run.

For each heap size a variant of build/mps2-an385/rtpy.elf is linked with
--defsym=mps2_heap_limit=N (nothing recompiled, as bench/target/python.py does) and
bench/gc/pause.py runs through the raw REPL (without its latency phases on heaps too small for
a second thread's 32 KiB Python stack). Then bench/gc/irq.py measures a hard interrupt
handler's latency while the main thread sleeps and while it collects.
"""
import argparse
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests"))
import target  # noqa: E402  (tests/target.py: the raw REPL session)


def link(args, out, heap):
    cmd = shlex.split(args.ld) + ["-o", out, "-Wl,--defsym=mps2_heap_limit=%d" % heap]
    cmd += open(args.objs).read().split() + ["-lm"]
    subprocess.run(cmd, check=True)


def run_on(args, elf, source, timeout=600):
    s = target.Session(args.qemu, elf)
    s.start()
    try:
        out, status, err = s.run(source, timeout)[:3]
    finally:
        s.stop()
    text = out.decode("utf-8", "replace")
    if status != 0:
        sys.exit("bench/gc/board: the program failed on the board:\n%s%s" %
                 (text, err.decode("utf-8", "replace") if isinstance(err, bytes) else err))
    return text


def fields(text):
    r = {}
    for line in text.splitlines():
        f = line.split()
        if f:
            r[f[0] if f[0] != "latency" else "latency_" + f[1]] = f[1:] if f[0] != "latency" else f[2:]
    return r


def kv(f):
    return {f[i]: f[i + 1] for i in range(0, len(f) - 1, 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--ld", required=True, help="the link command without objects and -o")
    ap.add_argument("--objs", required=True, help="a file listing the firmware's objects")
    ap.add_argument("--dir", required=True, help="where the variants go")
    ap.add_argument("--heaps", default="64k,1m")
    ap.add_argument("--phase-ms", type=int, default=300)
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    pause = open(os.path.join(HERE, "pause.py"), "rb").read()
    latency = open(os.path.join(HERE, "pause_latency.py"), "rb").read()
    irq = open(os.path.join(HERE, "irq.py"), "rb").read()

    print("GC pauses on QEMU mps2-an385 (Cortex-M3, -Os), thousands of instructions "
          "(-icount shift=0: 1 us = 1000)")
    for h in args.heaps.split(","):
        n = int(h[:-1]) * (1024 if h[-1] in "kK" else 1024 * 1024)
        elf = os.path.join(args.dir, "gc-%s.elf" % h)
        link(args, elf, n)
        lat = n > 256 * 1024
        # The raw REPL runs one source: pause_latency goes in first as a module object.
        pre = b"ARGS = ['phase_ms=%d'%s]\n" % (args.phase_ms, b"" if lat else b", 'nolatency'")
        if lat:
            pre += (b"import sys\nclass _M:\n    pass\npause_latency = _M()\n"
                    b"exec(%r, pause_latency.__dict__)\nsys.modules['pause_latency'] = pause_latency\n"
                    % latency.decode())
        text = run_on(args, elf, pre + pause)
        r = fields(text)
        if "checksum" not in r:
            sys.exit("bench/gc/board: no checksum line:\n" + text)
        fl = kv(r["filled"])
        t = [int(v) for v in r["collections_us"]]
        t.sort()
        print("  heap %-4s (%7s bytes), live %7s (%s %%): full collection median %d, max %d" % (
            h, fl["heap"], fl["live"], fl["percent"], t[len(t) // 2], t[-1]))
        for k in ("latency_idle", "latency_gc"):
            if k in r:
                d = kv(r[k])
                print("    high-priority thread, main %-10s: lateness median %s, max %s" % (
                    "counting" if k == "latency_idle" else "collecting", d["median_us"], d["max_us"]))
        if "during_collect" in r:
            print("    woken during a collection: %s" % " ".join(r["during_collect"]))
    # a hard interrupt handler while collecting (1 MiB heap variant, or the last one)
    text = run_on(args, elf, irq)
    r = fields(text)
    print("  hard interrupt -> handler's first bytecode, instructions (min / median / max):")
    for k in ("irq_hard_sleeping", "irq_hard_collecting"):
        v = r.get(k, ["?"] * 5)
        print("    main thread %-11s %6s / %6s / %6s" % (k[9:], v[0], v[1], v[2]))
    print("    (heap %s, live %s; one full collection there: %s thousand instructions)" % (
        r["irq_heap"][0], r["irq_heap"][2], r["irq_collect_us"][0]))


if __name__ == "__main__":
    main()
