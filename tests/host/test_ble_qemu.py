#!/usr/bin/python3
"""The firmware's bluetooth module in QEMU (docs/ble.md, "The QEMU board"): its host stack
talks H4 over UART 2, which QEMU connects (a third -serial) to rtpy-ctrl, the virtual
controller as a host program, whose radio joins rtpy-air with a host rtpy board advertising.
In real time (rtpy-air --time=real): the firmware scans and finds the advertiser by name; the
controller's btsnoop capture decodes in tshark. In virtual time paced to the wall clock
(rtpy-air --pace, QEMU -icount sleep=on): the firmware connects as a central, reads the
peripheral's name, subscribes, writes and gets the echo notified; the firmware serves
tests/ble/bt_peripheral.py to a host board's tests/ble/bt_central.py, the scripts and checks of
test_ble_py.py (MTU 247 on both sides, discovery, reads, writes with and without response,
notifications, an indication and its confirmation, pairing, a reconnection encrypted with the
bond, disconnects from either side), and runs bt_central.py against a host board's
bt_peripheral.py, then both restart and encrypt with the bonds kept on their flash (the
firmware's ble_bonds.bin, in a flash file); when the host board's peripheral vanishes, the
firmware's controller times the link out (reason 0x08, after 5 s). Without a controller on
UART 2, active(True) fails with ETIMEDOUT (no hang).

Usage: tests/host/test_ble_qemu.py --rtpy build/host/rtpy --air build/host/rtpy-air \\
           --ctrl build/host/rtpy-ctrl --elf build/mps2-an385/rtpy.elf [-v]
Prints "N passed, N failed". CPython's stdlib, qemu-system-arm, tshark.
"""
import argparse
import os
import struct
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


def h4_packets(path):
    """[(wall-clock seconds, H4 packet)] of a btsnoop capture (rtpy-ctrl --btsnoop)."""
    with open(path, "rb") as f:
        data = f.read()
    packets, i = [], 16  # after the file header
    while i + 24 <= len(data):
        n, _, _, _, us = struct.unpack(">IIIIQ", data[i:i + 24])
        packets.append((us / 1e6, data[i + 24:i + 24 + n]))
        i += 24 + n
    return packets


def hci_events(path):
    """[(wall-clock seconds, event code, parameters)] of the HCI events in a capture."""
    return [(t, p[1], p[3:]) for t, p in h4_packets(path) if p[:1] == b"\x04"]


def smp_codes(path):
    """The Security Manager's messages (their codes) in a capture's ACL packets, either way."""
    # H4 type, handle and flags (a continuation: PB 01), length, then L2CAP: length, channel
    # (6: SMP), the message
    return [p[9] for _, p in h4_packets(path)
            if p[:1] == b"\x02" and (p[2] >> 4) & 3 != 1 and len(p) > 9 and p[7:9] == b"\x06\x00"]


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
        # sleep=on: the firmware's idle time follows the wall clock, as rtpy-ctrl's does (with
        # sleep=off it jumps, and the 5 s wait for the controller's answers can end at once on
        # a loaded machine)
        p = self.remote(["stdio", "null", "unix:" + h4], "run", os.path.join(SCRIPTS, "bt_find.py"),
                        qemu_args=("-icount", "shift=0,sleep=on"))
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "active True\nfound rtpy-P True\n", p.stderr)
        self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)  # QEMU quit: the line closed
        c = subprocess.run([sys.executable, os.path.join(TOP, "tests", "unit", "check_btsnoop.py"), snoop,
                            "--want", "bthci_cmd,bthci_evt"], capture_output=True, text=True)
        self.assertIn("none malformed", c.stdout, c.stdout)

    def paced(self, *boards, ctrl_args=()):
        """A paced medium with the host boards [(name, x, script, args, rtpy options)], each
        running in the temporary directory, and rtpy-ctrl for QEMU at x=0. Returns the boards'
        processes, rtpy-ctrl's, and QEMU's serial lines (UART 2: rtpy-ctrl's H4 socket)."""
        air, h4 = os.path.join(self.tmp.name, "air"), os.path.join(self.tmp.name, "h4")
        for path in (air, h4):  # a test's earlier session's
            if os.path.exists(path):
                os.unlink(path)
        self.start([AIR, air, "--pace", "--wait=%d" % (len(boards) + 1), "--exit-when-empty"])
        suite.wait_for(air)
        procs = [self.start([RTPY, "--air=%s,name=%s,x=%d" % (air, n, x)] + list(extra) +
                            [os.path.join(SCRIPTS, script)] + list(args), cwd=self.tmp.name)
                 for n, x, script, args, extra in boards]
        ctrl = self.start([CTRL, "--h4=" + h4, "--air=%s,name=qemu,x=0" % air] + list(ctrl_args))
        suite.wait_for(h4)
        return procs, ctrl, ["stdio", "null", "unix:" + h4]

    def qemu_script(self, serials, script, args=(), flash=None):
        """Runs tests/ble/SCRIPT with sys.argv = [SCRIPT] + args on the firmware, its flash in
        the file flash if given. QEMU's clock follows the wall clock when the firmware idles,
        as the paced medium's does (roughly: it falls behind on a loaded machine, as every
        wake-up is late), so the scripts' timeouts are generous."""
        with open(os.path.join(SCRIPTS, script)) as f:
            code = "import sys\nsys.argv[:] = %r\n" % ([script] + list(args)) + f.read()
        extra = ("-icount", "shift=0,sleep=on") + (("--flash=" + flash,) if flash else ())
        return self.remote(serials, "exec", code, qemu_args=extra)

    def finish(self, proc, status=0, other=""):
        """proc's output once it ended with status (else fails, showing other too)."""
        out, _ = proc.communicate(timeout=TIMEOUT)
        self.assertEqual(proc.returncode, status, out + other)
        return out

    def test_connect_paced(self):
        (periph,), ctrl, serials = self.paced(("periph", 10, "bt_peripheral.py", ("rtpy-P", "1"), ()))
        p = self.qemu_script(serials, "bt_qemu_central.py")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "connected\nname b'rtpy-P'\nnotified b'echo:from qemu'\ndisconnected\n")
        self.assertIn("write True b'from qemu'\ncentral disconnect 1\n", self.finish(periph))
        self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)

    def test_peripheral_paced(self):
        # the firmware serves tests/ble/bt_peripheral.py; a host board runs tests/ble/bt_central.py
        flash = os.path.join(self.tmp.name, "qemu.flash")
        snoop = os.path.join(self.tmp.name, "ctrl.btsnoop")
        (central,), ctrl, serials = self.paced(("central", 5, "bt_central.py", ("rtpy-Q",), ()),
                                               ctrl_args=("--btsnoop=" + snoop,))
        q = self.qemu_script(serials, "bt_peripheral.py", ("rtpy-Q", "2"), flash)
        c, f = self.finish(central, other=q.stdout), q.stdout
        self.assertEqual(q.returncode, 0, f + q.stderr)
        self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)
        self.check_uart_pair(f, c, "rtpy-Q")
        # on the firmware's HCI: one pairing (Request, Response, Public Keys, Confirm, Randoms,
        # DHKey Checks), and two encryptions started with its key (LTK Request, Encryption Change)
        self.assertEqual(smp_codes(snoop), [0x01, 0x02, 0x0C, 0x0C, 0x03, 0x04, 0x04, 0x0D, 0x0D])
        ev = hci_events(snoop)
        self.assertEqual(len([1 for _, code, p in ev if code == 0x3E and p[0] == 0x05]), 2, ev)  # LTK Request
        self.assertEqual([p[0] for _, code, p in ev if code == 0x08], [0, 0], ev)  # Encryption Change: success

    def check_uart_pair(self, p, c, name):
        """A full run of tests/ble/bt_peripheral.py (output p) and bt_central.py (c), as
        test_ble_py.py checks it."""
        for line in ["found b'%s' type 0 rssi -54 addr_type 0" % name, "mtu 247",
                     "service 6 14 UUID('6e400001-b5a3-f393-e0a9-e50e24dcca9e')",
                     "characteristic 9 8 18 UUID('6e400003-b5a3-f393-e0a9-e50e24dcca9e')",
                     "characteristic 11 11 12 UUID('6e400002-b5a3-f393-e0a9-e50e24dcca9e')",
                     "characteristic 14 13 34 UUID(0x2a05)", "descriptor 9 UUID(0x2902)",
                     "read 8 b'tx-fresh'", "read 3 b'%s'" % name, "notify 8 b'echo:hello'", "notify 8 b'updated'",
                     "notify 8 b'echo:" + "x" * 100 + "'", "long write done (11, 0)",
                     "indicate 13 b'ind!'", "refused read done (13, 2)", "bad read done (127, 1)",
                     "disconnected by the peripheral True", "connect to nobody (65535, 0, b'\\x11\"3DUf')",
                     "done"]:
            self.assertIn(line + "\n", c, c)
        for line in ["handles 8 11 13", "central connect 1 0 6", "mtu 247", "read request True False",
                     "gap_scan in a read request: OSError True", "read request False True",
                     "write True b'hello'", "write True b'update'",
                     "write True b'raise'",  # without response; the handler's exception is printed
                     "ValueError: handler failed on purpose", "write True b'" + "x" * 100 + "'",
                     "write True b'indicate'\nindicate done True 0",
                     "write True b'bye'\ngap_disconnect True\ncentral disconnect 2",
                     "bonds file True", "done 2"]:
            self.assertIn(line + "\n", p, p)
        # pairing bonds once (a secret on each side, kept in ble_bonds.bin); the central's
        # disconnect ends the first connection, and the second one is encrypted with the bond,
        # without pairing again
        for out in (p, c):
            self.assertEqual(out.count("set secret 2 7 23"), 1, out)
            self.assertEqual(out.count("encryption (True, False, True, 16)"), 2, out)
        self.assertIn("set secret 2 7 23\nencryption (True, False, True, 16)\ncentral disconnect 1\n"
                      "central connect 2 0 6\nencryption (True, False, True, 16)\n", p)
        self.assertLess(c.index("set secret"), c.index("gap_disconnect True"))
        self.assertEqual(c.count("gap_disconnect True"), 1)

    def test_central_bonds_paced(self):
        # the firmware runs tests/ble/bt_central.py against a host board's bt_peripheral.py:
        # it pairs, reconnects encrypted with the bond; then both restart on their flash and
        # encrypt with the bonds kept there (the firmware's ble_bonds.bin), without pairing
        qf, pf = os.path.join(self.tmp.name, "qemu.flash"), os.path.join(self.tmp.name, "periph.flash")
        outs, snoop = [], os.path.join(self.tmp.name, "ctrl.btsnoop")
        for p_args, c_args in ((("rtpy-P", "2"), ("rtpy-P",)), (("rtpy-P", "1"), ("rtpy-P", "bonded"))):
            (periph,), ctrl, serials = self.paced(("periph", 5, "bt_peripheral.py", p_args, ("--flash=" + pf,)),
                                                  ctrl_args=("--btsnoop=" + snoop,))
            q = self.qemu_script(serials, "bt_central.py", c_args, qf)
            p = self.finish(periph, other=q.stdout)
            self.assertEqual(q.returncode, 0, q.stdout + q.stderr)
            self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)
            outs.append((p, q.stdout))
        self.check_uart_pair(*outs[0], "rtpy-P")
        p, c = outs[1]
        for out in (p, c):
            self.assertNotIn("secret", out)
            self.assertEqual(out.count("encryption (True, False, True, 16)\n"), 1, out)
        self.assertIn("encryption (True, False, True, 16)\ngap_disconnect True\n", c)
        self.assertIn("done\n", c)
        self.assertIn("central connect 1 0 6\nencryption (True, False, True, 16)\ncentral disconnect 1\n", p)
        # the restart's capture (of the firmware's HCI): no SMP message, one encryption started
        # (LE Start Encryption) with the key from ble_bonds.bin, and it succeeded
        self.assertEqual(smp_codes(snoop), [])
        cmds = [p for _, p in h4_packets(snoop) if p[:1] == b"\x01"]
        self.assertEqual(len([1 for p in cmds if p[1:3] == b"\x19\x20"]), 1, cmds)  # 0x2019
        self.assertEqual([p[0] for _, code, p in hci_events(snoop) if code == 0x08], [0])

    def test_supervision_timeout_paced(self):
        # the host board's peripheral loses power mid-connection (machine.reset ends its
        # process: status 6); the firmware's controller hears nothing more and drops the link
        # after the supervision timeout (5 s), which the firmware gets as the
        # _IRQ_PERIPHERAL_DISCONNECT (tests/ble/bt_vanish.py). The timing is the controller's
        # (its capture): QEMU's clock falls behind the wall clock on a loaded machine.
        snoop = os.path.join(self.tmp.name, "ctrl.btsnoop")
        (periph,), ctrl, serials = self.paced(("vanish", 5, "bt_vanish.py", ("peripheral",), ()),
                                              ctrl_args=("--btsnoop=" + snoop,))
        q = self.qemu_script(serials, "bt_vanish.py", ("central",))
        self.assertEqual(self.finish(periph, 6, q.stdout), "connected; power off\n")
        self.assertEqual(q.returncode, 0, q.stdout + q.stderr)
        self.assertRegex(q.stdout, r"^connected\ndisconnected after \d+ s\n$")
        self.assertEqual(ctrl.wait(timeout=TIMEOUT), 0)
        ev = hci_events(snoop)
        up = [t for t, code, p in ev if code == 0x3E and p[0] == 0x01 and p[1] == 0]  # LE Connection Complete
        down = [(t, p[3]) for t, code, p in ev if code == 0x05]  # Disconnection Complete
        self.assertEqual((len(up), len(down)), (1, 1), ev)
        self.assertEqual(down[0][1], 0x08)  # Connection Timeout
        self.assertGreaterEqual(down[0][0] - up[0], 5.0)  # (the medium's time does not lead the wall clock)

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
