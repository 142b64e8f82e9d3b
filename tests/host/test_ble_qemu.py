#!/usr/bin/python3
"""The firmware's bluetooth module in QEMU (docs/ble.md, "The QEMU board"): its host stack
talks H4 over UART 2, which QEMU connects (a third -serial) to rtpy-ctrl, the virtual
controller as a host program, whose radio joins rtpy-air with a host rtpy board advertising.
In real time (rtpy-air --time=real): the firmware scans and finds the advertiser by name; the
controller's btsnoop capture decodes in tshark. In virtual time paced to the wall clock
(rtpy-air --pace, QEMU -icount sleep=on): the firmware connects as a central, reads the
peripheral's name, subscribes, writes and gets the echo notified. Without a controller on
UART 2, active(True) fails with ETIMEDOUT (no hang).

Usage: tests/host/test_ble_qemu.py --rtpy build/host/rtpy --air build/host/rtpy-air \\
           --ctrl build/host/rtpy-ctrl --elf build/mps2-an385/rtpy.elf [-v]
Prints "N passed, N failed". CPython's stdlib, qemu-system-arm, tshark.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(TOP, "tests", "ble")
REMOTE = os.path.join(TOP, "tools", "rtpy-remote")
RTPY = AIR = CTRL = ELF = None
TIMEOUT = 90


class QemuBle(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.procs = []

    def tearDown(self):
        for p in self.procs:
            if p.poll() is None:
                p.kill()
            p.wait()
        self.tmp.cleanup()

    def start(self, cmd, **kw):
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
        self.procs.append(p)
        return p

    def remote(self, serials, *args, qemu_args=()):
        cmd = [sys.executable, REMOTE, "-d", "qemu:" + ELF, "-t", "60"]
        cmd += ["--target-arg=" + a for a in qemu_args]
        for s in serials:
            cmd += ["--target-arg=-serial", "--target-arg=" + s]
        return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=TIMEOUT)

    def test_scan_through_rtpy_ctrl(self):
        air, h4 = os.path.join(self.tmp.name, "air"), os.path.join(self.tmp.name, "h4")
        snoop = os.path.join(self.tmp.name, "qemu.btsnoop")
        self.start([AIR, air, "--time=real"])
        suite.wait_for(air)
        self.start([RTPY, "--time=real", "--air=%s,name=periph,x=10" % air, "advertise.py", "rtpy-P",
                    "60000"], cwd=SCRIPTS)
        ctrl = self.start([CTRL, "--time=real", "--h4=" + h4, "--air=%s,name=qemu,x=0" % air, "--btsnoop=" + snoop])
        suite.wait_for(h4)  # rtpy-ctrl listens; QEMU connects as the board powers up
        p = self.remote(["stdio", "null", "unix:" + h4], "run", os.path.join(SCRIPTS, "bt_find.py"))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "active True\nfound rtpy-P True\n", p.stderr)
        self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)  # QEMU quit: the line closed
        c = subprocess.run([sys.executable, os.path.join(TOP, "tests", "unit", "check_btsnoop.py"), snoop,
                            "--want", "bthci_cmd,bthci_evt"], capture_output=True, text=True)
        self.assertIn("none malformed", c.stdout, c.stdout)

    def test_connect_paced(self):
        air, h4 = os.path.join(self.tmp.name, "air"), os.path.join(self.tmp.name, "h4")
        self.start([AIR, air, "--pace", "--wait=2", "--exit-when-empty"])
        suite.wait_for(air)
        periph = self.start([RTPY, "--air=%s,name=periph,x=10" % air, "bt_peripheral.py", "rtpy-P", "1"],
                            cwd=SCRIPTS)
        ctrl = self.start([CTRL, "--h4=" + h4, "--air=%s,name=qemu,x=0" % air])
        suite.wait_for(h4)
        # QEMU's clock follows the wall clock when the firmware idles, as the medium's does
        p = self.remote(["stdio", "null", "unix:" + h4], "run", os.path.join(SCRIPTS, "bt_qemu_central.py"),
                        qemu_args=("-icount", "shift=0,sleep=on"))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "connected\nname b'rtpy-P'\nnotified b'echo:from qemu'\ndisconnected\n")
        out, _ = periph.communicate(timeout=TIMEOUT)
        self.assertIn("write True b'from qemu'\ncentral disconnect 1\n", out)
        self.assertEqual(periph.returncode, 0, out)
        self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)

    def test_no_controller(self):
        code = ("import bluetooth\nb = bluetooth.BLE()\ntry:\n    b.active(True)\n"
                "except OSError as e:\n    print('OSError', e.args[0])\nprint(b.active())\n")
        p = self.remote([], "exec", code)  # UART 2 goes nowhere
        self.assertEqual((p.returncode, p.stdout), (0, "OSError 116\nFalse\n"), p.stderr)


def main():
    global RTPY, AIR, CTRL, ELF
    ap = argparse.ArgumentParser()
    for a in ("rtpy", "air", "ctrl", "elf"):
        ap.add_argument("--" + a, required=True)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    RTPY, AIR, CTRL, ELF = (os.path.abspath(x) for x in (a.rtpy, a.air, a.ctrl, a.elf))
    suite.run(QemuBle, verbose=a.v)


if __name__ == "__main__":
    main()
