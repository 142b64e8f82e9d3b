#!/usr/bin/python3
"""rtpy processes on the simulated radio (docs/ble.md, docs/air.md): each board's controller
(boards/sim/ble.c) joins rtpy-air; scripts drive it with raw HCI over UART 3 (tests/ble/).
An advertiser and an active scanner: the report carries the name, the scan response and the
RSSI of the distance; two runs give identical output (virtual time, lock-step); out of range
nothing arrives; the btsnoop capture (--btsnoop) decodes in tshark with no malformed packet;
random bytes written to the controller's UART leave it answering.

Usage: tests/host/test_ble_air.py --rtpy build/host/rtpy --air build/host/rtpy-air [-v]
Prints "N passed, N failed". CPython's stdlib, tshark.
"""
import os
import subprocess
import sys
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(TOP, "tests", "ble")
RTPY = AIR = None
TIMEOUT = 60


class Air(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.sock = os.path.join(self.tmp.name, "air.sock")

    def tearDown(self):
        self.tmp.cleanup()

    def run_devices(self, devices, air_args=()):
        """devices: [(name, x, script in tests/ble, args, extra rtpy options)]."""
        devices = [(n, x, os.path.join(SCRIPTS, sc), a, e) for n, x, sc, a, e in devices]
        return suite.run_on_air(self, AIR, RTPY, self.sock, devices, air_args, timeout=TIMEOUT)

    def test_scan_finds_advertiser(self):
        snoop = os.path.join(self.tmp.name, "scanner.btsnoop")
        devs = [("adv", 0, "advertise.py", ["rtpy-A", "1000"], []),
                ("scanner", 10, "scan.py", ["500"], ["--btsnoop=" + snoop])]
        outs, err = self.run_devices(devs, ["--range=50"])
        self.assertIn("adv on 0", outs["adv"])
        reports = [l for l in outs["scanner"].splitlines() if l.startswith("report")]
        # type 0 (ADV_IND) with the name, then type 4 (SCAN_RSP, empty); 0 dBm at 10 m: -60 dBm
        self.assertEqual(len(reports), 2, outs["scanner"])
        self.assertRegex(reports[0], r"type 0 c2:00:[0-9a-f:]{11} rssi -60 ")
        self.assertTrue(reports[0].endswith(r"b'\x07\trtpy-A'"), reports[0])
        self.assertRegex(reports[1], r"type 4 c2:00:[0-9a-f:]{11} rssi -60 b''$")
        self.assertIn("2 device(s)", err)
        # the capture of the scanner's HCI traffic
        p = subprocess.run([sys.executable, os.path.join(TOP, "tests", "unit", "check_btsnoop.py"), snoop,
                            "--want", "bthci_cmd,bthci_evt"],
                           capture_output=True, text=True)
        self.assertIn("none malformed", p.stdout, p.stdout)

    def test_deterministic(self):
        runs = []
        for _ in range(2):
            if os.path.exists(self.sock):
                os.unlink(self.sock)
            outs, _ = self.run_devices([("a", 0, "advertise.py", ["dev-a", "800"], []),
                                        ("b", 3, "advertise.py", ["dev-b", "800"], []),
                                        ("s", 5, "scan.py", ["600"], [])])
            runs.append(outs["s"])
        self.assertEqual(runs[0], runs[1])
        self.assertEqual(len([l for l in runs[0].splitlines() if "type 0" in l]), 2, runs[0])

    def test_garbage_to_controller(self):
        # what a script writes to UART 3 is the controller's input: garbage must not hurt it
        for seed in (1, 2, 3):
            p = subprocess.run([RTPY, os.path.join(SCRIPTS, "garbage.py"), str(seed)], cwd=SCRIPTS,
                               capture_output=True, text=True, timeout=TIMEOUT)
            self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "b'\\x04\\x0e\\x04\\x01\\x03\\x0c\\x00'\n", ""))

    def test_out_of_range(self):
        outs, _ = self.run_devices([("adv", 0, "advertise.py", ["far", "600"], []),
                                    ("scanner", 80, "scan.py", ["400"], [])], ["--range=50"])
        self.assertNotIn("report", outs["scanner"])


if __name__ == "__main__":
    suite.air_main(Air, globals())
