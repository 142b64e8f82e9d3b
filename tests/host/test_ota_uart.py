#!/usr/bin/python3
"""The UART update example end to end (examples/ota_uart): a device runs app/main.py, the
host's send.py streams a signed image over the board's UART 1 (a pty here), the device
installs it and resets, the new version confirms itself.

  --rtpy build/host/rtpy                 the simulator: the application is a bundle in v1's
                                         image, v2 is the same bundle signed 2.0.0
  --boot boot.elf --app app.elf          QEMU: the bootloader and the firmware (v1, v2 signed
                                         here); main.py and otaproto.py on the board's flash

Data frames go in a window (send.WINDOW in flight, counted on the link); a damaged, a lost and
a repeated frame are sent again and written once, one go back per gap; a bad image
is refused over the link and the device keeps running and answering. On the simulator the
same application takes an image over BLE from another board (send_ble.py) on rtpy-air. Prints "N passed, N
failed". CPython's stdlib, rtpy-img (python3-cryptography), qemu-system-arm for --boot.
"""
import argparse
import os
import select
import struct
import subprocess
import sys
import tempfile
import time
import tty
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(TOP, "examples", "ota_uart")
sys.path.insert(0, EXAMPLE)
import send  # noqa: E402  (examples/ota_uart/send.py)

IMG = os.path.join(TOP, "tools", "rtpy-img")
BUNDLE = os.path.join(TOP, "tools", "rtpy-bundle")
FLASHTOOL = os.path.join(TOP, "tools", "rtpy-flash")
REMOTE = os.path.join(TOP, "tools", "rtpy-remote")
KEY = os.path.join(TOP, "tests", "data", "mcuboot", "root-ed25519.pem")
RTPY = BOOT = APP = None
TIMEOUT = 60.0


def sign(src, out, version, load=None):
    cmd = [sys.executable, IMG, "sign", "-k", KEY, "-H", "0x200", "--align", "8", "-S",
           "0x100000", "--pad-header", "-v", version]
    cmd += ["--load-addr", hex(load)] if load is not None else []
    subprocess.run(cmd + [src, out], check=True, capture_output=True)
    with open(out, "rb") as f:
        return f.read()


class Device:
    """One power-on of the board: its console on a pipe, UART 1 on the pty `port`."""

    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.out = b""

    def wait_for(self, marker, timeout=TIMEOUT):
        """The console's output up to `marker` (which it must print before `timeout`)."""
        marker = marker.encode()
        end = time.monotonic() + timeout
        while marker not in self.out:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError("no %r; the console: %r" % (marker, self.out[-3000:]))
            if select.select([self.p.stdout], [], [], left)[0]:
                chunk = os.read(self.p.stdout.fileno(), 4096)
                if not chunk:
                    raise AssertionError("the device stopped (%s) before %r; the console: %r"
                                         % (self.p.wait(), marker, self.out[-3000:]))
                self.out += chunk
        i = self.out.index(marker) + len(marker)
        seen, self.out = self.out[:i], self.out[i:]
        return seen.decode(errors="replace")

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        self.p.stdout.close()


class NoisyLink(send.Link):
    """A link that damages the 3rd data frame, drops the 5th and sends the 7th twice."""

    def __init__(self, fd):
        super().__init__(fd)
        self.data_frames = 0
        self.damaged = self.dropped = self.doubled = 0

    def send(self, kind, payload=b""):
        if kind == "D":
            self.data_frames += 1
            n = self.data_frames
            if n == 3:
                self.damaged += 1
                data = bytearray(send.frame(ord(kind), payload))
                data[40] ^= 0x04
                os.write(self.fd, bytes(data))
                return
            if n == 5:
                self.dropped += 1
                return
            if n == 7:
                self.doubled += 1
                super().send(kind, payload)
        super().send(kind, payload)


class CountingLink(send.Link):
    """A link that counts, from what crosses it, the most data frames in flight: sent and
    not yet covered by an acknowledgement's offset when the sender waits for one."""

    def __init__(self, fd):
        super().__init__(fd)
        self.ends = []  # of the data frames sent since the last ack that moved on
        self.acked = 0
        self.most = 0

    def send(self, kind, payload=b""):
        if kind == "D":
            self.ends.append(struct.unpack_from("<I", payload)[0] + len(payload) - 4)
        super().send(kind, payload)

    def answer(self, ms):
        if ms:  # a wait, not a look at what has come
            self.ends = [e for e in self.ends if e > self.acked]
            self.most = max(self.most, len(self.ends))
        got = super().answer(ms)
        if got and got[1] == ord("D"):
            self.acked = max(self.acked, got[2])
        return got


class Common:
    """The test cases; a subclass says how the device starts and what v1 and v2 are."""
    reset_in_place = False  # QEMU resets itself; the simulator exits (status 6)

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.flash = os.path.join(self.tmp.name, "flash.bin")
        self.master, slave = os.openpty()
        tty.setraw(slave)
        tty.setraw(self.master)
        self.port = os.ttyname(slave)
        self.slave = slave  # kept open: the pty stays up across the device's resets
        self.devices = []
        subprocess.run([sys.executable, FLASHTOOL, "write", self.flash, "--slot", "0",
                        self.images["v1"]], check=True, capture_output=True)
        self.prepare()

    def tearDown(self):
        for d in self.devices:
            d.close()
        os.close(self.master)
        os.close(self.slave)
        self.tmp.cleanup()

    def prepare(self):
        pass

    def power_on(self):
        d = Device(self.command())
        self.devices.append(d)
        return d

    def after_reset(self, dev):
        """The device that runs after the one that reset itself."""
        if self.reset_in_place:
            return dev
        self.assertEqual(dev.p.wait(timeout=TIMEOUT), 6)  # machine.reset() on the host
        return self.power_on()

    def image(self, name):
        with open(self.images[name], "rb") as f:
            return f.read()

    def test_update_test_then_confirmed(self):
        dev = self.power_on()
        out = dev.wait_for("waiting for an image on UART 1")
        self.assertIn("ota_uart: running 1.0.0+0 (confirmed)", out)
        link = CountingLink(self.master)
        self.assertEqual(link.info(), "running 1.0.0+0 confirmed")
        progress = []
        stats = send.otaproto.Stats()
        msg = send.update(link, self.image("v2"), progress=lambda d, t: progress.append((d, t)),
                          stats=stats)
        self.assertEqual(msg, "installed")
        size = len(self.image("v2"))
        frames = (size + send.MAX_DATA - 1) // send.MAX_DATA
        self.assertEqual(progress[-1], (size, size))
        self.assertLessEqual(len(progress), frames)  # an ack may answer several frames
        # the window: its frames were in flight together, each sent once
        self.assertGreater(send.WINDOW, 1)
        self.assertEqual((link.most, stats.most), (send.WINDOW, send.WINDOW))
        self.assertEqual((stats.frames, stats.backs), (frames, 0))
        dev.wait_for("ota_uart: installed, resetting")
        dev = self.after_reset(dev)
        out = dev.wait_for("waiting for an image on UART 1")
        self.assertIn("boot: swap test v2.0.0+0", out)
        self.assertIn("ota_uart: running 2.0.0+0 (test)", out)
        self.assertIn("ota_uart: confirmed 2.0.0+0", out)
        self.assertEqual(link.info(), "running 2.0.0+0 confirmed")

    def test_bad_image_refused(self):
        dev = self.power_on()
        dev.wait_for("waiting for an image on UART 1")
        bad = bytearray(self.image("small"))
        bad[0x200 + 100] ^= 0x01  # a payload bit: the hash no longer matches
        link = send.Link(self.master)
        with self.assertRaises(send.Refused) as cm:
            send.update(link, bytes(bad))
        self.assertEqual(str(cm.exception), "image refused: hash mismatch")
        self.assertIn("otaproto: refused: image refused: hash mismatch",
                      dev.wait_for("hash mismatch"))
        # still running v1, nothing pending, and the link still works
        self.assertEqual(link.info(), "running 1.0.0+0 confirmed")
        with self.assertRaises(send.Refused) as cm:
            link.request("D", struct.pack("<I", 0) + b"x")
        self.assertEqual(str(cm.exception), "no update in progress")
        with self.assertRaises(send.Refused) as cm:
            send.update(link, b"\xff" * (2 << 20))
        self.assertIn("size", str(cm.exception))
        self.assertEqual(link.info(), "running 1.0.0+0 confirmed")


class Host(Common, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        binf = os.path.join(cls.dir.name, "app.bin")
        cross = os.path.join(os.path.dirname(RTPY), "rtpy-cross")
        subprocess.run([sys.executable, BUNDLE, os.path.join(EXAMPLE, "app"), "-o", binf,
                        "--cross", cross], check=True, capture_output=True)
        cls.images = {}
        for name, v in (("v1", "1.0.0"), ("v2", "2.0.0"), ("small", "2.0.0")):
            cls.images[name] = os.path.join(cls.dir.name, name + ".signed.bin")
            sign(binf, cls.images[name], v)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def command(self):
        return [RTPY, "--flash=" + self.flash, "--uart1=" + self.port]

    def test_ble_update(self):
        # the same application takes v2 from a BLE central (send_ble.py on another board) on
        # the simulated radio, in virtual time; the next start runs v2 on test and confirms it
        air, sock = os.path.join(os.path.dirname(RTPY), "rtpy-air"), os.path.join(self.tmp.name, "air")
        medium = subprocess.Popen([air, sock, "--wait=2", "--exit-when-empty"], stderr=subprocess.DEVNULL)
        suite.wait_for(sock)
        dev = Device(self.command() + ["--time=virtual", "--air=%s,name=dev" % sock])
        self.devices.append(dev)
        sender = subprocess.run([RTPY, "--air=%s,name=phone,x=3" % sock, os.path.join(EXAMPLE, "send_ble.py"),
                                 self.images["v2"]], capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(sender.returncode, 0, sender.stdout + sender.stderr)
        self.assertIn("send_ble: connected, MTU 247\n", sender.stdout)
        size = len(self.image("v2"))
        self.assertRegex(sender.stdout, r"send_ble: installed, %d bytes in \d+ ms" % size)
        # the window was full (8 frames in flight) and the device's buffer kept up with the
        # writes without response: no frame was sent twice
        frames = (size + send.MAX_DATA - 1) // send.MAX_DATA
        self.assertIn("send_ble: window 8, %d data frames, " % frames, sender.stdout)
        self.assertRegex(sender.stdout, r"waits for acks, 0 goes back, at most 8 in flight\n")
        out = dev.wait_for("ota_uart: installed, resetting")
        self.assertIn("ota_uart: waiting for an image over BLE too", out)
        self.assertEqual(dev.p.wait(timeout=TIMEOUT), 6)
        self.assertEqual(medium.wait(timeout=TIMEOUT), 0)
        dev = self.power_on()  # the reset: no radio needed now
        out = dev.wait_for("waiting for an image on UART 1")
        self.assertIn("boot: swap test v2.0.0+0", out)
        self.assertIn("ota_uart: confirmed 2.0.0+0", out)

    def test_lossy_link(self):
        dev = self.power_on()
        dev.wait_for("waiting for an image on UART 1")
        link = NoisyLink(self.master)
        stats = send.otaproto.Stats()
        self.assertEqual(send.update(link, self.image("v2"), stats=stats), "installed")
        self.assertEqual((link.damaged, link.dropped, link.doubled), (1, 1, 1))
        # one go back per gap (the device asks once per gap, the frames behind it in the
        # window draw no more RESENDs); the gaps may merge into one
        self.assertIn(stats.backs, (1, 2))
        self.assertEqual(stats.most, send.WINDOW)
        dev = self.after_reset(dev)
        out = dev.wait_for("waiting for an image on UART 1")
        self.assertIn("ota_uart: confirmed 2.0.0+0", out)  # the image arrived whole


class Qemu(Common, unittest.TestCase):
    reset_in_place = True

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        binf = os.path.join(cls.dir.name, "app.bin")
        subprocess.run(["arm-none-eabi-objcopy", "-O", "binary", APP, binf], check=True)
        cls.images = {}
        for name, v in (("v1", "1.0.0"), ("v2", "2.0.0")):
            cls.images[name] = os.path.join(cls.dir.name, name + ".signed.bin")
            sign(binf, cls.images[name], v, load=0x20000)
        # a small image, for a refusal that does not need 500 KB on the line first
        small = os.path.join(cls.dir.name, "small.bin")
        with open(small, "wb") as f:
            f.write(bytes(range(256)) * 16)
        cls.images["small"] = os.path.join(cls.dir.name, "small.signed.bin")
        sign(small, cls.images["small"], "2.0.0", load=0x20000)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def prepare(self):
        app = os.path.join(EXAMPLE, "app")
        subprocess.run([sys.executable, REMOTE, "-d", "qemu:" + BOOT,
                        "--target-arg=--flash=" + self.flash, "fs", "cp",
                        os.path.join(app, "otaproto.py"), os.path.join(app, "main.py"), ":"],
                       check=True, capture_output=True, timeout=TIMEOUT)

    def command(self):
        return ["qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor", "none",
                "-semihosting-config", "enable=on,target=native,arg=rtpy,arg=--flash=" +
                self.flash, "-icount", "shift=0,sleep=off", "-kernel", BOOT,
                "-serial", "stdio", "-serial", self.port]


def main():
    global RTPY, BOOT, APP
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy")
    ap.add_argument("--boot")
    ap.add_argument("--app")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    if bool(a.boot) != bool(a.app) or bool(a.rtpy) == bool(a.boot):
        ap.error("either --rtpy, or --boot and --app")
    if a.rtpy:
        RTPY = os.path.abspath(a.rtpy)
        case = Host
    else:
        BOOT, APP = os.path.abspath(a.boot), os.path.abspath(a.app)
        case = Qemu
    suite.run(case, verbose=a.v)


if __name__ == "__main__":
    main()
