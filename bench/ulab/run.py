#!/usr/bin/env python3
"""bench/ulab/run.py: ulab against the same computation as a Python loop, on rtpy (make
bench-ulab; make bench runs it too). Each bench/ulab/*.py times both variants in one
process, alternated, and prints a line per operation: microseconds a call for each, the
ratio (the issue's target: >= 20x on 1,000-element arrays), ulab's nanoseconds an element,
and whether the two results agree. A ratio measured in one process is stable on a shared
machine where absolute times are not.

usage: bench/ulab/run.py [--rtpy build/host/rtpy] [--qemu ELF [--qemu-cmd CMD]] [files...]
On the host rtpy runs with --time=real (its default virtual time does not move while it
computes) and a 1 MiB heap, a device's size: with the host's default 16 MiB, every result in
the first thousands of calls lands on a page the process has never touched, and the page
faults (not ulab) were most of the time measured. With --qemu the files run on the firmware through the raw REPL (tests/target.py,
which also writes _bench.py to the board) under -icount shift=0: a microsecond is then 1,000
instructions, and ns/elem is instructions an element.
The exit status is 1 if a benchmark failed or two results disagreed (MISMATCH); a ratio
below the target is reported, not failed (timing is not a test).
"""
import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default="build/host/rtpy")
    ap.add_argument("--qemu", metavar="ELF")
    ap.add_argument("--qemu-cmd", default="qemu-system-arm -M mps2-an385 -nographic "
                    "-monitor none -icount shift=0 "
                    "-semihosting-config enable=on,target=native")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(f for f in glob.glob(os.path.join(HERE, "*.py"))
                              if not os.path.basename(f).startswith(("_", "run")))
    failed = below = 0
    session = None
    if a.qemu:
        import target
        session = target.Session(a.qemu_cmd, a.qemu)
    try:
        for f in files:
            if session:
                out, rc, err = session.run(open(f, "rb").read(), 600,
                                           target.helper_files(os.path.dirname(f)))
                out, err = out.decode(), err.decode()
            else:
                p = subprocess.run([os.path.abspath(a.rtpy), "--time=real", "-X", "heapsize=1m",
                                    os.path.basename(f)],
                                   cwd=os.path.dirname(f), capture_output=True, text=True,
                                   timeout=600)
                out, rc, err = p.stdout, p.returncode, p.stderr
            sys.stdout.write(out)
            if rc != 0 or "MISMATCH" in out:
                failed += 1
                print("%s FAILED %s" % (os.path.basename(f), err.strip().splitlines()[-1:]))
            below += out.count("(below")
    finally:
        if session:
            session.stop()
    print("%d files, %d failed, %d operations below the target ratio" % (len(files), failed, below))
    return 1 if failed else 0


sys.exit(main())
