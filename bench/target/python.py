#!/usr/bin/env python3
"""bench/target/python.py: the interpreter firmware's figures on QEMU mps2-an385 (make
bench-target runs it after the kernel's): interrupt -> first bytecode of a Python soft handler
(bench/target/irq_soft.py, run through the raw REPL), the time from reset to the first REPL
prompt, and the smallest Python heap with which the REPL starts and runs a small program.

Both come from variants of build/mps2-an385/rtpy.elf linked from the same objects with a
link-time knob of ports/mps2-an385/main.c (--defsym=mps2_boot_report=1, mps2_heap_limit=N),
so nothing is recompiled. Under -icount shift=0 one instruction is one nanosecond, so the
figures are instruction counts, the same on every run.
"""
import argparse
import os
import re
import select
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests"))
import target  # noqa: E402  (tests/target.py: the raw REPL session)

PROGRAM = b"d = {str(i): i * i for i in range(50)}; print(sum(d.values()), len(d))\r"
EXPECT = b"40425 50"


def link(args, out, syms):
    cmd = shlex.split(args.ld) + ["-o", out] + ["-Wl,--defsym=%s=%d" % kv for kv in syms.items()]
    cmd += open(args.objs).read().split() + ["-lm"]
    subprocess.run(cmd, check=True)


def talk(args, elf, send, until, timeout=30):
    """Runs elf in QEMU, sends `send` after the first prompt, returns the output up to `until`."""
    p = subprocess.Popen(shlex.split(args.qemu) + ["-kernel", elf], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    buf, sent, end = b"", False, time.time() + timeout
    try:
        while time.time() < end and p.poll() is None:
            r, _, _ = select.select([p.stdout], [], [], 0.2)
            if r:
                chunk = os.read(p.stdout.fileno(), 4096)
                if not chunk:
                    break
                buf += chunk
            if not sent and b">>> " in buf:
                p.stdin.write(send)
                p.stdin.flush()
                sent = True
            if sent and until in buf.split(b">>> ", 1)[-1]:
                break
    finally:
        p.kill()
        p.wait()
    return buf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--ld", required=True, help="the link command without objects and -o")
    ap.add_argument("--objs", required=True, help="a file listing the firmware's objects")
    ap.add_argument("--dir", required=True, help="where the variants go")
    ap.add_argument("--fw", required=True, help="the firmware (rtpy.elf)")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    print("firmware (Python), instructions under -icount shift=0 (1 ns each)")
    s = target.Session(args.qemu, args.fw)
    s.start()
    src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "irq_soft.py"), "rb").read()
    out, status = s.run(src, 120)[:2]
    s.stop()
    fig = {}
    for line in out.decode().splitlines():
        f = line.split()
        fig[f[0]] = f[1:]
    for key, label in (("irq_soft_idle", "main thread sleeping"), ("irq_soft_busy", "main thread busy")):
        v = fig.get(key, ["?"] * 3)
        print("  interrupt -> soft handler's first bytecode, %-20s min %5s median %5s max %5s" %
              (label, v[0], v[1], v[2]))

    elf = os.path.join(args.dir, "boot.elf")
    link(args, elf, {"mps2_boot_report": 1})
    out = talk(args, elf, PROGRAM, EXPECT)
    m = re.search(rb"boot-to-prompt: (\d+) ns", out)
    print("  reset -> first REPL prompt          %9s instructions" % (m.group(1).decode() if m else "?"))
    print("  small program at the prompt         %9s" % ("ok" if EXPECT in out else "FAILED"))

    # the flash file system at start: formatting a blank partition, mounting one with 150 files
    flash = os.path.join(args.dir, "flash.bin")
    if os.path.exists(flash):
        os.remove(flash)
    plain = args.qemu
    args.qemu = plain.replace("enable=on,target=native",
                              "enable=on,target=native,arg=rtpy,arg=--flash=" + flash)
    fill = (b"exec(\"for i in range(150):\\n with open('/f%d' % i, 'w') as f: f.write('x' * 1000)\")"
            b"; import os; print(len(os.listdir('/')), 'files')\r")
    for what, send, until in (("blank flash: format", fill, b"150 files"),
                              ("150 files: mount", PROGRAM, EXPECT)):
        out = talk(args, elf, send, until, timeout=120)
        m = re.search(rb"boot-to-prompt: (\d+) ns", out)
        ok = until in out
        print("  reset -> prompt, %-20s %9s instructions%s" %
              (what, m.group(1).decode() if m else "?", "" if ok else " (FAILED)"))
    args.qemu = plain

    def works(heap):
        e = os.path.join(args.dir, "heap.elf")
        link(args, e, {"mps2_heap_limit": heap})
        return EXPECT in talk(args, e, PROGRAM, EXPECT, timeout=20)

    lo, hi = 1024, 256 * 1024  # lo fails, hi works (checked)
    if works(lo) or not works(hi):
        print("  smallest heap: outside %d..%d bytes" % (lo, hi))
        return
    while hi - lo > 256:
        mid = (lo + hi) // 2 // 64 * 64
        if works(mid):
            hi = mid
        else:
            lo = mid
    print("  smallest heap for the REPL and it   %9d bytes (%.1f KiB; 256-byte steps)" % (hi, hi / 1024))


if __name__ == "__main__":
    main()
