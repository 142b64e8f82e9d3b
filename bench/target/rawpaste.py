#!/usr/bin/python3
"""Raw-paste throughput over the QEMU board's console UART: wall-clock time to send scripts of
1 KiB to 200 KiB through rtpy-remote's raw-paste client (tools/rtpyremote) and have the board
answer; the slope is the transfer rate (compiling the script is part of it: the scripts are
mostly one comment line repeated, which the lexer skips quickly). A figure of this machine and
QEMU, not of a real UART (QEMU delivers bytes as fast as the guest takes them).

Usage: bench/target/rawpaste.py [ELF]   (default build/mps2-an385/rtpy.elf)
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from rtpyremote.device import Device  # noqa: E402
from rtpyremote.transport import open_target  # noqa: E402


def script(n):
    line = "# " + "x" * 76 + "\n"
    body = line * (n // len(line))
    return body + "print(%d)\n" % n


def main():
    elf = sys.argv[1] if len(sys.argv) > 1 else "build/mps2-an385/rtpy.elf"
    dev = Device(open_target("qemu:" + elf), timeout=30)
    dev.wait_boot(30)
    dev.enter_raw()
    rows = []
    for kib in (1, 10, 50, 100, 200):
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            out = []
            dev.exec_(script(kib * 1024), stream=out.append)
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        rows.append((kib, best))
        print("%4d KiB  %.3f s" % (kib, best))
    (k0, t0), (k1, t1) = rows[1], rows[-1]
    print("rate %.0f KiB/s (from %d to %d KiB)" % ((k1 - k0) / (t1 - t0), k0, k1))
    dev.close()


if __name__ == "__main__":
    main()
