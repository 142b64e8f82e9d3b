#!/usr/bin/python3
"""The bluetooth module (MicroPython's API, docs/ble.md "The bluetooth module") on rtpy boards
that meet on the simulated radio (rtpy-air): tests/ble/bt_peripheral.py serves the UART-style
service, tests/ble/bt_central.py finds it by name, connects, exchanges the MTU (247), discovers,
reads, writes, gets notifications and an indication, pairs with bonding, reconnects encrypted
with the bond, and ends with a connection attempt that times out; the peripheral's handler
raises once (printed, the stack goes on); the peripheral ends the last connection. Two runs
give identical output (virtual time). A central serves two peripherals at once
(tests/ble/bt_multi.py). Bonds kept in each board's flash (--flash) survive a restart: the
boards encrypt without pairing, whether the module keeps them (ble_bonds.bin) or the handler
does (_IRQ_GET/SET_SECRET); a peripheral that lost the bond makes the encryption fail.
tests/ble/bt_args.py: argument errors and configuration, against tests/ble/bt_args.exp.

Usage: tests/host/test_ble_py.py --rtpy build/host/rtpy --air build/host/rtpy-air [-v]
Prints "N passed, N failed". CPython's stdlib.
"""
import os
import subprocess
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(TOP, "tests", "ble")
RTPY = AIR = None
TIMEOUT = 60


class BluetoothModule(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.sock = os.path.join(self.tmp.name, "air.sock")

    def tearDown(self):
        self.tmp.cleanup()

    def run_devices(self, devices, run=0):
        """devices: [(name, x, script, args, extra rtpy options)]; returns {name: output}. Each
        board runs in a directory of its own (name.run): its bonds file (no --flash) is there."""
        def cwd(name):
            d = os.path.join(self.tmp.name, "%s.%d" % (name, run))
            os.makedirs(d, exist_ok=True)
            return d
        devices = [(n, x, os.path.join(SCRIPTS, sc), a, e) for n, x, sc, a, e in devices]
        return suite.run_on_air(self, AIR, RTPY, self.sock, devices, cwd=cwd, timeout=TIMEOUT)[0]

    def test_supervision_timeout(self):
        # the peripheral loses power mid-connection (machine.reset ends the process: status 6);
        # the central hears nothing more and reports the disconnect after 5 s
        devices = [(n, x, os.path.join(SCRIPTS, "bt_vanish.py"), [n], []) for n, x in
                   (("peripheral", 0), ("central", 2))]
        outs, _ = suite.run_on_air(self, AIR, RTPY, self.sock, devices, timeout=TIMEOUT,
                                   status={"peripheral": 6})
        self.assertEqual(outs["peripheral"], "connected; power off\n")
        self.assertEqual(outs["central"], "connected\ndisconnected after 5 s\n")

    def uart_pair(self, extra_p=(), extra_c=(), p_args=("uart-p", "2"), c_args=("uart-p",), run=0):
        return self.run_devices([("periph", 0, "bt_peripheral.py", p_args, extra_p),
                                 ("central", 5, "bt_central.py", c_args, extra_c)], run)

    def test_uart_service(self):
        outs = self.uart_pair()
        p, c = outs["periph"], outs["central"]
        for line in ["found b'uart-p' type 0 rssi -54 addr_type 0",
                     "mtu 247",
                     "service 6 14 UUID('6e400001-b5a3-f393-e0a9-e50e24dcca9e')",
                     "characteristic 9 8 18 UUID('6e400003-b5a3-f393-e0a9-e50e24dcca9e')",
                     "characteristic 11 11 12 UUID('6e400002-b5a3-f393-e0a9-e50e24dcca9e')",
                     "characteristic 14 13 34 UUID(0x2a05)",
                     "descriptor 9 UUID(0x2902)",
                     "read 8 b'tx-fresh'", "refused read done (13, 2)", "read 3 b'uart-p'",
                     "notify 8 b'echo:hello'", "notify 8 b'updated'",
                     "services by uuid done 0", "characteristics by uuid done 0", "notify 8 b'echo:" + "x" * 100 + "'",
                     "long write done (11, 0)", "indicate 13 b'ind!'",
                     "bad read done (127, 1)",  # ATT Invalid Handle
                     "event 8 65535 0 6", "connect to nobody (65535, 0, b'\\x11\"3DUf')", "done"]:
            self.assertIn(line + "\n", c, c)
        for line in ["handles 8 11 13", "central connect 1 0 6", "bonds file True", "mtu 247", "read request True False",
                     "gap_scan in a read request: OSError True", "read request False True",
                     "write True b'hello'", "write True b'raise'",
                     "ValueError: handler failed on purpose",
                     "write True b'indicate'", "indicate done True 0",
                     "central disconnect 1", "central connect 2 0 6", "done 2"]:
            self.assertIn(line + "\n", p, p)
        self.assertIn("Uncaught exception in IRQ callback handler", p)
        # pairing bonds once (one secret each side); the second connection encrypts with the bond
        for out in (p, c):
            self.assertEqual(out.count("set secret 2 7 23"), 1, out)
            self.assertEqual(out.count("encryption (True, False, True, 16)"), 2, out)
        self.assertLess(c.index("set secret"), c.index("gap_disconnect True"))
        self.assertEqual(c.count("gap_disconnect True"), 1)
        self.assertEqual(c.count("gap_disconnect again False"), 1)
        self.assertIn("disconnected by the peripheral True\n", c)
        self.assertIn("write True b'bye'\ngap_disconnect True\ncentral disconnect 2\n", p)

    def test_deterministic(self):
        first = self.uart_pair(run=1)
        second = self.uart_pair(run=2)
        self.assertEqual(first, second)

    def test_bonds_survive_restart(self):
        pf, cf = os.path.join(self.tmp.name, "p.flash"), os.path.join(self.tmp.name, "c.flash")
        outs = self.uart_pair(["--flash=" + pf], ["--flash=" + cf])
        self.assertIn("set secret", outs["central"])
        outs = self.uart_pair(["--flash=" + pf], ["--flash=" + cf], ("uart-p", "1"), ("uart-p", "bonded"))
        for out in outs.values():
            self.assertNotIn("secret", out)
            self.assertIn("encryption (True, False, True, 16)", out)
        self.assertIn("done\n", outs["central"])
        # the peripheral loses its flash (and the bond): encrypting with the central's bond fails
        os.unlink(pf)
        outs = self.uart_pair(["--flash=" + pf], ["--flash=" + cf], ("uart-p", "1"), ("uart-p", "bonded"))
        self.assertIn("encryption (False, False, False, 0)\n", outs["central"])
        self.assertIn("gap_disconnect True\n", outs["central"])

    def test_two_peripherals(self):
        outs = self.run_devices([("pa", 0, "bt_peripheral.py", ("dev-a", "1"), ()),
                                 ("pb", 3, "bt_peripheral.py", ("dev-b", "1"), ()),
                                 ("cc", 6, "bt_multi.py", ("dev-a", "dev-b"), ())])
        c = outs["cc"]
        for line in ["found [b'dev-a', b'dev-b']", "connected b'dev-a' conn 1 rx 11",
                     "connected b'dev-b' conn 2 rx 11", "notify on b'dev-a' b'echo:to dev-a'",
                     "notify on b'dev-b' b'echo:to dev-b'", "gap_disconnect 1 True", "disconnected 1",
                     "gap_disconnect 2 True", "disconnected 2", "done"]:
            self.assertIn(line + "\n", c, c)
        self.assertIn("write True b'to dev-a'\ncentral disconnect 1\n", outs["pa"])
        self.assertIn("write True b'to dev-b'\ncentral disconnect 1\n", outs["pb"])

    def test_secrets_kept_by_handler(self):
        # the peripheral's handler keeps the bond (aioble's protocol): no ble_bonds.bin there
        pf, cf = os.path.join(self.tmp.name, "p.flash"), os.path.join(self.tmp.name, "c.flash")
        outs = self.uart_pair(["--flash=" + pf], ["--flash=" + cf], ("uart-p", "2", "secrets"))
        p = outs["periph"]
        self.assertIn("secrets loaded 0\n", p)
        self.assertEqual(p.count("set secret 2 7 23"), 1, p)
        self.assertIn("bonds file False\n", p)
        outs = self.uart_pair(["--flash=" + pf], ["--flash=" + cf], ("uart-p", "1", "secrets"),
                              ("uart-p", "bonded"))
        p = outs["periph"]
        self.assertIn("secrets loaded 1\n", p)
        self.assertIn("bonds file False\n", p)
        for out in outs.values():
            self.assertNotIn("set secret", out)
            self.assertIn("encryption (True, False, True, 16)", out)

    def test_arguments(self):
        p = subprocess.run([RTPY, os.path.join(SCRIPTS, "bt_args.py")], capture_output=True, text=True,
                           cwd=self.tmp.name, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with open(os.path.join(SCRIPTS, "bt_args.exp")) as f:
            self.assertEqual(p.stdout, f.read())


if __name__ == "__main__":
    suite.air_main(BluetoothModule, globals())
