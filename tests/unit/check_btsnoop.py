#!/usr/bin/python3
"""Checks a btsnoop capture with Debian's tshark: it must read as HCI H4, hold at least one
packet of each wanted kind (commands, events, ACL data unless --want says otherwise), and have
no packet tshark calls malformed.

  tests/unit/check_btsnoop.py FILE.btsnoop [--want bthci_cmd,bthci_evt]

Prints "1 passed, 0 failed" or why not (and exits 1).
"""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--want", default="bthci_cmd,bthci_evt,bthci_acl")
    a = ap.parse_args()
    path = a.file
    p = subprocess.run(["tshark", "-r", path, "-T", "fields", "-e", "frame.protocols",
                        "-e", "_ws.expert.message"], capture_output=True, text=True)
    problems = []
    if p.returncode != 0:
        problems.append("tshark failed: " + p.stderr.strip())
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    bad = [l for l in lines if "malformed" in l.lower() or "_ws.malformed" in l]
    if bad:
        problems.append("%d malformed packets, e.g. %s" % (len(bad), bad[0]))
    protos = " ".join(lines)
    for want in a.want.split(","):
        if want not in protos:
            problems.append("no %s packet" % want)
    if problems:
        for m in problems:
            print("check_btsnoop: " + m)
        print("0 passed, 1 failed")
        sys.exit(1)
    print("check_btsnoop: %d packets, none malformed" % len(lines))
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
