#!/usr/bin/python3
"""The QEMU bootloader end to end (docs/ota.md, "The QEMU bootloader"): boot.elf at 0x0 runs
boot_go on the board's flash (a host file), RAM-loads the primary image's payload, the
firmware linked at 0x20000 (app.elf, signed here as a RAM_LOAD image by tools/rtpy-img), and
jumps to it. v1 installed in slot 0 with tools/rtpy-flash boots; v2 pushed over the UART by
`rtpy-remote ota` is swapped in as a test at the next boot, reverted by machine.reset()
(through the bootloader again) unless confirmed, kept once confirmed. The bootloader refuses
what it cannot run: no flash, no image, a corrupt one, an imgtool fixture image that verifies
but is not RAM_LOAD.

Usage: tests/host/test_qemu_ota.py --boot build/mps2-an385/boot.elf --app build/mps2-an385/app.elf [-v]
Prints "N passed, N failed"; exits non-zero on a failure. CPython's stdlib (plus rtpy-img,
which needs python3-cryptography), qemu-system-arm, arm-none-eabi-objcopy.
"""
import argparse
import os
import select
import subprocess
import sys
import tempfile
import time
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
IMG = os.path.join(TOP, "tools", "rtpy-img")
FLASHTOOL = os.path.join(TOP, "tools", "rtpy-flash")
REMOTE = os.path.join(TOP, "tools", "rtpy-remote")
KEY = os.path.join(TOP, "tests", "data", "mcuboot", "root-ed25519.pem")
FIXTURE = os.path.join(TOP, "tests", "data", "mcuboot", "app-ed25519.signed.bin")
BOOT = APP = None
LOAD = 0x20000
SCRATCH, SCRATCH_SIZE = 0x220000, 0x20000  # drivers/flash.h: the swap's scratch area
TIMEOUT = 60.0
PROMPT = b">>> "


def qemu_cmd(flash):
    sh = "enable=on,target=native" + (",arg=rtpy,arg=--flash=" + flash if flash else "")
    return ["qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor", "none",
            "-semihosting-config", sh, "-icount", "shift=0,sleep=off", "-kernel", BOOT]


class Board:
    """QEMU running the bootloader, its console on a pipe."""
    def __init__(self, flash):
        self.p = subprocess.Popen(qemu_cmd(flash), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.buf = b""

    def read_until(self, marker, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while marker not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError("timeout waiting for %r; got %r" % (marker, self.buf[-2000:]))
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if r:
                chunk = os.read(self.p.stdout.fileno(), 4096)
                if not chunk:
                    raise AssertionError("QEMU exited (%s) waiting for %r; got %r"
                                         % (self.p.wait(), marker, self.buf[-2000:]))
                self.buf += chunk
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out.decode(errors="replace").replace("\r\n", "\n")

    def boot(self):
        """The output up to the first prompt: the boot log and rtpy's banner."""
        return self.read_until(PROMPT)

    def line(self, text):
        """One REPL line; its output (the echo removed) up to the next prompt."""
        self.p.stdin.write(text.encode() + b"\r")
        self.p.stdin.flush()
        out = self.read_until(PROMPT)[:-len(PROMPT)]
        return out.split("\n", 1)[1] if "\n" in out else ""

    def reset(self):
        """machine.reset(): QEMU resets the CPU, reloads boot.elf; the output to the prompt."""
        self.p.stdin.write(b"import machine; machine.reset()\r")
        self.p.stdin.flush()
        return self.read_until(PROMPT)

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        self.p.stdin.close()
        self.p.stdout.close()


def run_to_exit(flash):
    """A boot that must stop: (exit status, output)."""
    p = subprocess.run(qemu_cmd(flash), stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=TIMEOUT)
    return p.returncode, p.stdout.decode(errors="replace").replace("\r\n", "\n")


class QemuBoot(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        binf = os.path.join(cls.tmp.name, "app.bin")
        subprocess.run(["arm-none-eabi-objcopy", "-O", "binary", APP, binf], check=True)
        cls.images = {}
        for v in ("1.0.0", "2.0.0"):
            out = os.path.join(cls.tmp.name, "v%s.signed.bin" % v)
            subprocess.run([sys.executable, IMG, "sign", "-k", KEY, "-H", "0x200", "--align",
                            "8", "-S", "0x100000", "--pad-header", "--load-addr", hex(LOAD),
                            "-v", v, binf, out], check=True)
            cls.images[v] = out

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.flash = os.path.join(self.tmp.name, "flash-%s.bin" % self._testMethodName)
        if os.path.exists(self.flash):
            os.unlink(self.flash)
        self.boards = []

    def tearDown(self):
        for b in self.boards:
            b.close()

    def install(self, image):
        subprocess.run([sys.executable, FLASHTOOL, "write", self.flash, "--slot", "0", image],
                       check=True)

    def board(self):
        b = Board(self.flash)
        self.boards.append(b)
        return b

    def push(self, image):
        p = subprocess.run([sys.executable, REMOTE, "-d", "qemu:" + BOOT,
                            "--target-arg=--flash=" + self.flash, "-t", "30", "ota", image],
                           capture_output=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr.decode() + p.stdout.decode())
        self.assertIn("v2.0.0+0 pending (test: reverts unless", p.stdout.decode())

    def running(self, b):
        return b.line("import ota; print(ota.running())").strip().splitlines()[0]

    def assert_loaded(self, log):
        self.assertRegex(log, r"boot: loaded \d+ bytes at 0x%08x \(\d+ counts\), jump at \d+ "
                              r"counts from reset\nrtpy " % LOAD)

    def test_update_revert_confirm(self):
        self.install(self.images["1.0.0"])
        b = self.board()
        log = b.boot()
        self.assertIn("boot: primary v1.0.0+0 ok\n", log)
        self.assertNotIn("swap", log)
        self.assert_loaded(log)
        self.assertEqual(self.running(b), "('1.0.0+0', 0, True)")
        self.assertEqual(b.line("import machine; print(machine.reset_cause() == "
                                "machine.PWRON_RESET)").strip(), "True")
        b.close()

        # v2 as a test: swapped in at the next boot, reverted by a reset without confirm()
        self.push(self.images["2.0.0"])
        b = self.board()
        log = b.boot()
        self.assertIn("boot: swap test v2.0.0+0\n", log)
        self.assertIn("boot: primary v2.0.0+0 ok (test: reverts unless confirmed)\n", log)
        self.assert_loaded(log)
        self.assertEqual(self.running(b), "('2.0.0+0', 0, False)")
        log = b.reset()
        self.assertIn("boot: revert to v1.0.0+0\n", log)
        self.assertIn("boot: primary v1.0.0+0 ok\n", log)
        self.assertEqual(self.running(b), "('1.0.0+0', 0, True)")
        # the reset cause (the application's .noinit) survives the bootloader
        self.assertEqual(b.line("import machine; print(machine.reset_cause() == "
                                "machine.HARD_RESET)").strip(), "True")
        b.close()

        # v2 again, confirmed: it stays across resets
        self.push(self.images["2.0.0"])
        b = self.board()
        self.assertIn("boot: swap test v2.0.0+0\n", b.boot())
        self.assertEqual(b.line("import ota; ota.confirm()").strip(), "")
        self.assertEqual(self.running(b), "('2.0.0+0', 0, True)")
        for _ in range(2):
            log = b.reset()
            self.assertIn("boot: primary v2.0.0+0 ok\n", log)
            self.assertNotIn("swap", log)
            self.assertNotIn("revert", log)
            self.assertEqual(self.running(b), "('2.0.0+0', 0, True)")

    def test_swap_cut_by_quitting_qemu(self):
        # QEMU killed during the swap (every program and erase is already in the file: a power
        # cut between two flash operations): the next boot resumes the swap and runs v2, still
        # a test, which the reset after reverts
        self.install(self.images["1.0.0"])
        self.push(self.images["2.0.0"])
        with open(self.flash, "rb") as f:
            f.seek(SCRATCH)
            scratch = f.read(SCRATCH_SIZE)
        b = self.board()
        b.read_until(b"boot: swap test v2.0.0+0\r\n")
        end = time.monotonic() + TIMEOUT
        while time.monotonic() < end:  # the swap has begun: its log is in the scratch area
            with open(self.flash, "rb") as f:
                f.seek(SCRATCH)
                if f.read(SCRATCH_SIZE) != scratch:
                    break
            time.sleep(0.002)
        b.p.kill()
        b.p.wait()
        self.assertNotIn(b"boot: primary", b.buf, "the swap ended before QEMU was killed")
        b = self.board()
        log = b.boot()
        self.assertRegex(log, r"boot: resuming interrupted swap \(test\) at step \d+/\d+\n")
        self.assertIn("boot: primary v2.0.0+0 ok (test: reverts unless confirmed)\n", log)
        self.assert_loaded(log)
        self.assertEqual(self.running(b), "('2.0.0+0', 0, False)")
        log = b.reset()
        self.assertIn("boot: revert to v1.0.0+0\n", log)
        self.assertEqual(self.running(b), "('1.0.0+0', 0, True)")

    def test_imgtool_fixture_validated_not_run(self):
        # imgtool's image (its payload is not our firmware, no RAM_LOAD): verified with the
        # trusted test key, then refused for the jump
        self.install(FIXTURE)
        rc, out = run_to_exit(self.flash)
        self.assertRegex(out, r"boot: primary v\d+\.\d+\.\d+\+\d+ ok\n")
        self.assertIn("boot: the primary is not a RAM_LOAD image", out)
        self.assertEqual(rc, 4, out)
        self.assertNotIn("rtpy ", out)

    def test_no_image(self):
        rc, out = run_to_exit(self.flash)  # a fresh, erased flash
        self.assertIn("boot: no image to run", out)
        self.assertEqual(rc, 3, out)

    def test_corrupt_image(self):
        data = bytearray(open(self.images["1.0.0"], "rb").read())
        data[0x200 + 1000] ^= 0x10  # a payload bit
        bad = os.path.join(self.tmp.name, "bad.bin")
        with open(bad, "wb") as f:
            f.write(data)
        self.install(bad)
        rc, out = run_to_exit(self.flash)
        self.assertIn("boot: primary invalid (", out)
        self.assertIn("boot: no image to run", out)
        self.assertEqual(rc, 3, out)
        self.assertNotIn("rtpy ", out)

    def test_no_flash(self):
        rc, out = run_to_exit(None)
        self.assertIn("boot: no flash", out)
        self.assertEqual(rc, 2, out)


def main():
    global BOOT, APP
    ap = argparse.ArgumentParser()
    ap.add_argument("--boot", required=True)
    ap.add_argument("--app", required=True)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    BOOT, APP = os.path.abspath(a.boot), os.path.abspath(a.app)
    suite.run(QemuBoot, verbose=a.v)


if __name__ == "__main__":
    main()
