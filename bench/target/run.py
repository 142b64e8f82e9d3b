#!/usr/bin/env python3
"""bench/target/run.py: runs the kernel micro-benchmarks on QEMU mps2-an385 and prints them
next to the FreeRTOS V11.1 figures and the targets of /work/shared/TARGETS.md.

Two firmware builds of bench/target/bench.c are run: "rtpy" (the firmware's configuration:
argument checks, stack check at every switch, trace hook, MPU stack guard) and "lean" (those
off, like the lean FreeRTOS configuration the reference was measured with). Figures are
instructions per operation under -icount shift=0 (exact and repeatable). Kernel text is the
linked size (after --gc-sections) of kernel/ and kernel/arch/cortex-m objects, from the
linker map, plus arm-none-eabi-size of the whole ELF.
"""
import argparse
import re
import shlex
import subprocess
import sys

# key, label, FreeRTOS, target
ROWS = [
    ("irq_lock_unlock", "critical section enter+exit", 20, 20),
    ("sem_give_take", "semaphore give+take, no switch", 97, 80),
    ("mutex_lock_unlock", "mutex lock+unlock, uncontended", 119, 90),
    ("queue_put_get", "queue send+receive (4 bytes), no switch", 163, 130),
    ("yield_switch", "yield between two equal-priority threads, per switch", 56.5, 56),
    ("sem_pingpong", "binary-semaphore ping-pong, per round trip", 1081, 600),
    ("queue_pingpong", "queue ping-pong (4 bytes), per round trip", 1205, 700),
    ("give_wakes_higher", "give wakes a higher-priority taker, round trip", 607, 450),
    ("irq_to_thread", "interrupt -> ISR gives semaphore -> thread runs", 203, 180),
    ("main_to_first_thread", "main() -> first thread running", 2560, 2500),
]


def run_bench(qemu, elf):
    cmd = shlex.split(qemu) + ["-kernel", elf]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    out = {}
    for line in p.stdout.splitlines():
        m = re.match(r"bench (\S+) ([0-9.]+)$", line.strip())
        if m:
            out[m.group(1)] = float(m.group(2))
    if "bench end" not in p.stdout or p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        sys.exit(f"{elf}: the benchmark did not complete (status {p.returncode})")
    return out


def kernel_text(map_file):
    """Linked .text bytes per kernel object, from a GNU ld map file."""
    sizes = {}
    pending = None
    with open(map_file) as f:
        lines = f.read().split("\n")
    in_discarded = False
    for line in lines:
        if line.startswith("Discarded input sections"):
            in_discarded = True
        elif line.startswith("Memory Configuration") or line.startswith("Linker script"):
            in_discarded = False
        if in_discarded:
            continue
        m = re.match(r"^ (\.text\S*)\s*$", line)
        if m:
            pending = m.group(1)
            continue
        m = re.match(r"^ (\.text\S*)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+\.o)$", line)
        if m and (m.group(1) or pending):
            obj = m.group(4)
            if "/kernel/" in obj:
                sizes[obj] = sizes.get(obj, 0) + int(m.group(3), 16)
        pending = None
    return sizes


def size_of(size_tool, elf):
    p = subprocess.run([size_tool, elf], capture_output=True, text=True, check=True)
    text, data, bss = p.stdout.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


def fmt(v):
    return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qemu", default="")
    ap.add_argument("--size", default="arm-none-eabi-size")
    ap.add_argument("--elf", required=True)
    ap.add_argument("--lean", required=True)
    ap.add_argument("--size-only", action="store_true")
    a = ap.parse_args()

    full_k = kernel_text(a.elf + ".map")
    lean_k = kernel_text(a.lean + ".map")
    if not a.size_only:
        res = run_bench(a.qemu, a.elf)
        lean = run_bench(a.qemu, a.lean)
        print("rtpy kernel on QEMU mps2-an385 (Cortex-M3), -icount shift=0: instructions per "
              "operation, N = 10,000")
        print(f"{'operation':<54} {'FreeRTOS':>9} {'target':>8} {'rtpy':>8} {'lean':>8}")
        for key, label, frt, target in ROWS:
            v, lv = res.get(key), lean.get(key)
            over = [n for n, x in (("rtpy", v), ("lean", lv)) if x is None or x > target]
            mark = f"  (over: {', '.join(over)})" if over else ""
            print(f"{label:<54} {fmt(frt):>9} {'<= ' + fmt(target):>8} "
                  f"{fmt(v) if v is not None else '-':>8} {fmt(lv) if lv is not None else '-':>8}"
                  f"{mark}")
    kt, lkt = sum(full_k.values()), sum(lean_k.values())
    print(f"{'kernel code size (threads, queue, sem, mutex, port), -Os':<54} {'5.9 KB':>9} "
          f"{'<= 6 KB':>8} {kt / 1024:>6.2f}KB {lkt / 1024:>6.2f}KB")
    fault = lambda k: sum(n for o, n in k.items() if not o.endswith("cm_fault.o"))
    print(f"{'  the same without the fault reporter (cm_fault.c)':<54} {'':>9} {'':>8} "
          f"{fault(full_k) / 1024:>6.2f}KB {fault(lean_k) / 1024:>6.2f}KB")
    print("  rtpy: the firmware's configuration (argument checks, stack check at every switch,")
    print("  trace hook, MPU stack guard); lean: those off (-DK_CFG_ARG_CHECK=0 "
          "-DK_CFG_STACK_CHECK=0 -DK_CFG_TRACE=0 -DK_CFG_CM_MPU_GUARD=0).")
    print("kernel text by file (linked, rtpy configuration):")
    for obj, n in sorted(full_k.items(), key=lambda kv: -kv[1]):
        print(f"  {obj.split('/kernel/', 1)[1]:<28} {n:>6}")
    for elf in (a.elf, a.lean):
        t, d, b = size_of(a.size, elf)
        print(f"{elf}: text {t} data {d} bss {b} (bss includes the heap and main stack areas)")


if __name__ == "__main__":
    main()
