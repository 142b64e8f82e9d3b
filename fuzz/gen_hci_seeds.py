#!/usr/bin/python3
"""Writes tests/fuzz/hci/seed-*.bin: controller-to-host H4 streams for fuzz/fuzz_hci.c (the
bring-up's Command Completes, a connection, then ATT, SMP and signalling traffic)."""
import os
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fuzz", "hci")


def evt(code, params):
    return bytes([4, code, len(params)]) + params


def cc(op, ret=b""):
    return evt(0x0E, bytes([1]) + struct.pack("<H", op) + b"\x00" + ret)


def acl(handle, l2cap_cid, payload, pb=2):
    data = struct.pack("<HH", len(payload), l2cap_cid) + payload
    return bytes([2]) + struct.pack("<HH", handle | pb << 12, len(data)) + data


BRINGUP = (cc(0x0C03) + cc(0x0C01) + cc(0x2001) + cc(0x2002, struct.pack("<HB", 27, 4)) +
           cc(0x1009, bytes([1, 2, 3, 4, 5, 0xC0])))
CONN = evt(0x3E, bytes([1, 0, 1, 0, 1, 0]) + bytes([9, 8, 7, 6, 5, 0xC1]) + struct.pack("<HHHB", 24, 0, 100, 0))
SEEDS = {
    "bringup": BRINGUP,
    "att": BRINGUP + CONN + acl(1, 4, bytes([0x02, 247, 0])) + acl(1, 4, bytes([0x10, 1, 0, 0xFF, 0xFF, 0x00, 0x28])) +
           acl(1, 4, bytes([0x0A, 3, 0])) + acl(1, 4, bytes([0x12, 3, 0]) + b"hello") + evt(0x13, bytes([1, 1, 0, 2, 0])),
    "smp": BRINGUP + CONN + acl(1, 6, bytes([0x01, 3, 0, 0x09, 16, 0, 0])) + acl(1, 6, bytes([0x0C]) + bytes(64)) +
           evt(0x3E, bytes([5, 1, 0]) + bytes(10)) + evt(0x08, bytes([0, 1, 0, 1])),
    "sig": BRINGUP + CONN + acl(1, 5, bytes([0x12, 1, 8, 0, 24, 0, 40, 0, 0, 0, 200, 0])) +
           acl(1, 5, bytes([0x14, 2, 10, 0]) + bytes(10)) + evt(0x05, bytes([0, 1, 0, 0x13])),
    "frag": BRINGUP + CONN + acl(1, 4, bytes([0x12, 3, 0]) + bytes(40))[:20] +
            bytes([2, 1, 0x10, 10, 0]) + bytes(10) + evt(0x3E, bytes([2, 1, 0, 0]) + bytes(6) + bytes([3, 2, 1, 6, 0xC8])),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(OUT, "seed-%s.bin" % name), "wb") as f:
            f.write(data)
    print("%d seeds in %s" % (len(SEEDS), os.path.normpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
