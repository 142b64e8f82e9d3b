#!/usr/bin/python3
"""MicroPython's REPL protocol for tools, byte for byte, as pyboard.py and mpremote speak it
(docs.micropython.org, reference/repl.html): the friendly REPL's keys (Ctrl-B, Ctrl-E paste
mode), the raw REPL (Ctrl-A) and its raw-paste mode with flow control. The test plays the
host tool: it sends what a tool sends and checks every byte that comes back.

The host program `rtpy` is driven on a pseudo-terminal; with --qemu ELF the same tests run on
the firmware's console UART in QEMU (through pipes, as a serial line).

Usage: tests/host/test_repl_protocol.py [--rtpy build/host/rtpy | --qemu ELF] [-v]
Prints "N passed, N failed" and exits non-zero on a failure. Needs only CPython's stdlib.
"""
import argparse
import contextlib
import io
import os
import struct
import time
import unittest

import suite

RTPY = "build/host/rtpy"
QEMU = ("qemu-system-arm -M mps2-an385 -nographic -monitor none -semihosting-config "
        "enable=on,target=native")
CMD = None  # the command whose console the tests drive
BOARD = False  # a board: Ctrl-D at the friendly prompt soft-resets (the host exits)
DEADLINE = 30.0  # seconds a step may take before the test gives up (a hang is a failure)

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"
SOFT_REBOOT = b"MPY: soft reboot\r\n"  # pyboard.py waits for "soft reboot\r\n", mpremote's
                                       # mount for "MPY: soft reboot"
WINDOW = 128  # the device's raw-paste window size increment


def Device(extra=()):
    """The console of a running rtpy (a pty) or firmware (QEMU's stdio, pipes)."""
    return suite.Console(CMD + list(extra), pipes=BOARD, deadline=DEADLINE)


def expected_output(script):
    """What CPython prints for `script`, with the device's line ends."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, "<stdin>", "exec"), {"__name__": "__main__"})
    return out.getvalue().replace("\n", "\r\n").encode()


def long_script(size):
    """A script of about `size` bytes that prints now and then and ends with a checksum."""
    lines, n, i = ["total = 0"], 10, 0
    while n < size:
        line = "total += %d * %d  # padding, so that the script is long: %s" % (i, i % 7, "x" * (i % 23))
        if i % 150 == 0:
            line += "\nprint('at', %d, total)" % i
        lines.append(line)
        n += len(line) + 1
        i += 1
    lines.append("print('total', total, 'lines', %d)" % len(lines))
    return "\n".join(lines) + "\n"


class Session(unittest.TestCase):
    """A fresh device for each test, at its friendly prompt; the host tool's side."""
    EXTRA = ()  # more arguments for rtpy

    def setUp(self):
        self.dev = Device(self.EXTRA)
        self.banner = self.dev.read_until(b">>> ")[:-4]  # what Ctrl-B must print again

    def tearDown(self):
        self.dev.close()

    def exact(self, want):
        """The next bytes are exactly `want`."""
        self.assertEqual(self.dev.read(len(want)), want)

    def raw(self):
        self.dev.write(b"\x01")
        self.exact(b"\r\n" + RAW_BANNER + b">")

    def raw_paste(self, code, window_check=True):
        """Sends `code` in raw-paste mode as a strict host (never beyond the granted window).
        Returns (grants, aborted): the \\x01 grants received, and whether the device ended the
        transfer early with \\x04."""
        d = self.dev
        d.write(b"\x05A\x01")
        self.assertEqual(d.read(2), b"R\x01")
        win = struct.unpack("<H", d.read(2))[0]
        self.assertEqual(win, WINDOW)
        remain, grants, i = win, 0, 0
        while i < len(code):
            while remain == 0 or d.pending():
                b = d.read(1)
                if b == b"\x01":
                    remain += win
                    grants += 1
                elif b == b"\x04":  # the device stops the transfer: acknowledge it
                    d.write(b"\x04")
                    return grants, True
                else:
                    self.fail("unexpected %r during raw paste" % b)
            n = min(remain, len(code) - i)
            d.write(code[i:i + n])
            i += n
            remain -= n
        d.write(b"\x04")
        rest = d.read_until(b"\x04")[:-1]
        self.assertEqual(rest, b"\x01" * len(rest), "only grants may come before the end")
        grants += len(rest)
        if window_check:
            # one grant up front, then one for each window taken
            self.assertEqual(grants, 1 + len(code) // win)
        return grants, False

    def follow(self):
        """After the code went in: (output, error text), then the raw prompt."""
        out = self.dev.read_until(b"\x04")[:-1]
        err = self.dev.read_until(b"\x04")[:-1]
        self.exact(b">")
        return out, err

    def follow_ok(self):
        """The same after plain raw mode's "OK"."""
        self.exact(b"OK")
        return self.follow()


class Protocol(Session):

    # ---- the friendly REPL ---------------------------------------------------------------
    def test_ctrl_b_prints_the_banner_again(self):
        self.dev.write(b"\x02")
        self.exact(b"\r\n" + self.banner + b">>> ")

    def test_paste_mode_runs_on_ctrl_d(self):
        self.dev.write(b"\x05")
        self.exact(b"\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
        # no auto-indent, blank lines kept: the text is compiled as a file
        self.dev.write(b"def f(n):\r    if n:\r\r        return n * f(n - 1)\r    return 1\rprint(f(10))\r")
        self.exact(b"def f(n):\r\n===     if n:\r\n=== \r\n===         return n * f(n - 1)\r\n"
                   b"===     return 1\r\n=== print(f(10))\r\n=== ")
        self.dev.write(b"\x04")
        self.exact(b"\r\n3628800\r\n>>> ")

    def test_paste_mode_ctrl_c_cancels(self):
        self.dev.write(b"\x05")
        self.dev.read_until(b"=== ")
        self.dev.write(b"x = 1\rprint('never')\r")
        self.dev.read_until(b"=== print('never')\r\n=== ")
        self.dev.write(b"\x03")
        self.exact(b"\r\n>>> ")
        self.dev.write(b"x\r")
        self.assertIn(b"NameError", self.dev.read_until(b">>> "))

    def test_ctrl_d_soft_resets_a_board(self):
        if not BOARD:
            self.skipTest("the host exits on Ctrl-D at the friendly prompt (test_host.py)")
        self.dev.write(b"x = 1\r")
        self.dev.read_until(b">>> ")
        self.dev.write(b"\x04")
        self.exact(b"\r\n" + SOFT_REBOOT + self.banner + b">>> ")
        self.dev.write(b"x\r")
        self.assertIn(b"NameError", self.dev.read_until(b">>> "))

    # ---- the raw REPL --------------------------------------------------------------------
    def test_raw_print(self):
        self.raw()
        self.dev.write(b"print('hi', 1 + 1)\nprint(3)\x04")
        self.exact(b"OKhi 2\r\n3\r\n\x04\x04>")

    def test_raw_exception(self):
        self.raw()
        self.dev.write(b"def f():\n    1/0\nprint('before')\nf()\x04")
        self.exact(b"OKbefore\r\n\x04Traceback (most recent call last):\r\n"
                   b"  File \"<stdin>\", line 4, in <module>\r\n"
                   b"  File \"<stdin>\", line 2, in f\r\n"
                   b"ZeroDivisionError: division by zero\r\n\x04>")

    def test_raw_syntax_error_reads_as_the_friendly_repl(self):
        self.dev.write(b"x = = 1\r")
        self.dev.read_until(b"x = = 1\r\n")
        friendly = self.dev.read_until(b">>> ")[:-4]
        self.raw()
        self.dev.write(b"x = = 1\x04")
        self.assertEqual(self.follow_ok(), (b"", friendly))
        self.assertTrue(friendly.endswith(b"SyntaxError: invalid syntax\r\n"), friendly)

    def test_raw_empty_ctrl_d_soft_resets(self):
        self.raw()
        self.dev.write(b"x = 5\x04")
        self.exact(b"OK\x04\x04>")
        self.dev.write(b"\x04")
        # pyboard.py: "soft reboot\r\n", then "raw REPL; CTRL-B to exit\r\n"; the prompt follows
        self.exact(b"OK\r\n" + SOFT_REBOOT + RAW_BANNER + b">")
        self.dev.write(b"print(x)\x04")
        self.assertIn(b"NameError: name 'x' is not defined", self.follow_ok()[1])

    def test_raw_system_exit_soft_resets(self):
        self.raw()
        self.dev.write(b"import sys\nsys.exit(3)\x04")
        self.exact(b"OK\x04\x04" + SOFT_REBOOT + RAW_BANNER + b">")
        self.dev.write(b"print(6 * 7)\x04")
        self.exact(b"OK42\r\n\x04\x04>")

    def test_raw_ctrl_c_clears_the_buffer(self):
        self.raw()
        self.dev.write(b"this is not run(\x03print(3)\x04")
        self.exact(b"OK3\r\n\x04\x04>")

    def test_raw_ctrl_c_interrupts_running_code(self):
        self.raw()
        self.dev.write(b"print('go')\nwhile True:\n    pass\x04")
        self.exact(b"OKgo\r\n")
        time.sleep(0.2)
        self.dev.write(b"\x03")
        out, err = self.follow()
        self.assertEqual(out, b"")
        self.assertTrue(err.startswith(b"Traceback (most recent call last):\r\n"), err)
        self.assertTrue(err.endswith(b"KeyboardInterrupt\r\n"), err)
        self.dev.write(b"print(1)\x04")
        self.exact(b"OK1\r\n\x04\x04>")

    def test_raw_ctrl_a_starts_over(self):
        self.raw()
        self.dev.write(b"junk\x01")
        self.exact(RAW_BANNER + b">")  # no "\r\n" first: an old device's "ra" to raw paste
        self.dev.write(b"print(4)\x04")
        self.exact(b"OK4\r\n\x04\x04>")

    def test_raw_ctrl_b_back_to_friendly(self):
        self.raw()
        self.dev.write(b"y = 7\x04")
        self.exact(b"OK\x04\x04>")
        self.dev.write(b"\x02")
        self.exact(b"\r\n" + self.banner + b">>> ")
        self.dev.write(b"y * 6\r")
        self.dev.read_until(b"y * 6\r\n")
        self.exact(b"42\r\n>>> ")

    def test_raw_bad_bytes_do_not_crash(self):
        self.raw()
        junk = bytes(b for b in range(256) if b not in (1, 2, 3, 4)) * 2
        self.dev.write(junk + b"\x04")
        out, err = self.follow_ok()
        self.assertIn(b"Error", err)
        self.dev.write(b"print('alive')\x04")
        self.exact(b"OKalive\r\n\x04\x04>")

    def test_raw_host_without_raw_paste(self):
        # pyboard.py's fallback: 256 bytes every 10 ms, then Ctrl-D
        script = long_script(6 * 1024)
        self.raw()
        data = script.encode()
        for i in range(0, len(data), 256):
            self.dev.write(data[i:i + 256])
            time.sleep(0.01)
        self.dev.write(b"\x04")
        self.assertEqual(self.follow_ok(), (expected_output(script), b""))

    # ---- raw-paste mode ------------------------------------------------------------------
    def test_raw_paste_as_documented(self):
        # the example in MicroPython's documentation, sent at once from the friendly REPL
        self.dev.write(b"\x01\x05A\x01print(123)\x04")
        self.exact(b"\r\nraw REPL; CTRL-B to exit\r\n>R\x01\x80\x00\x01\x04123\r\n\x04\x04>")

    def test_raw_paste_unknown_request_falls_back(self):
        # "R\x00": understood, not supported; nothing else comes and the raw REPL goes on
        self.raw()
        self.dev.write(b"\x05Z\x01")
        self.exact(b"R\x00")
        self.assertEqual(self.dev.quiet(0.3), b"")
        self.dev.write(b"print(5)\x04")
        self.exact(b"OK5\r\n\x04\x04>")

    def test_raw_paste_window_flow_control(self):
        self.raw()
        self.dev.write(b"\x05A\x01")
        self.exact(b"R\x01" + struct.pack("<H", WINDOW) + b"\x01")
        # two windows may go at once; the device grants one more for each it takes, no more
        code = b"a = '" + b"x" * (2 * WINDOW - 7) + b"'\n"
        self.assertEqual(len(code), 2 * WINDOW)
        self.dev.write(code)
        self.exact(b"\x01\x01")
        self.assertEqual(self.dev.quiet(0.3), b"")
        self.dev.write(b"print(len(a))\n")
        self.assertEqual(self.dev.quiet(0.3), b"")  # less than a window since the last grant
        self.dev.write(b"\x04")
        self.exact(b"\x04" + b"%d\r\n" % (2 * WINDOW - 7) + b"\x04\x04>")

    def test_raw_paste_50k_script(self):
        script = long_script(50 * 1024)
        self.assertGreaterEqual(len(script), 50 * 1024)
        self.raw()
        grants, aborted = self.raw_paste(script.encode())
        self.assertFalse(aborted)
        self.assertEqual(self.follow(), (expected_output(script), b""))
        # and again: the REPL's buffer was given back and grows again
        grants, aborted = self.raw_paste(script.encode())
        self.assertEqual(self.follow(), (expected_output(script), b""))

    def test_raw_paste_exception(self):
        self.raw()
        self.raw_paste(b"print('a')\nraise ValueError('bad')\n")
        self.assertEqual(self.follow(), (b"a\r\n", b"Traceback (most recent call last):\r\n"
                                         b"  File \"<stdin>\", line 2, in <module>\r\n"
                                         b"ValueError: bad\r\n"))

    def test_raw_paste_syntax_error(self):
        self.raw()
        self.raw_paste(b"print('not run')\nx = = 1\n")
        out, err = self.follow()
        self.assertEqual(out, b"")
        self.assertTrue(err.endswith(b"SyntaxError: invalid syntax\r\n"), err)

    def test_raw_paste_bad_bytes_do_not_crash(self):
        self.raw()
        junk = bytes(b for b in range(256) if b not in (3, 4)) * 3
        self.raw_paste(junk)
        out, err = self.follow()
        self.assertIn(b"Error", err)
        self.raw_paste(b"print('alive')")
        self.assertEqual(self.follow(), (b"alive\r\n", b""))

    def test_raw_paste_ctrl_c_abandons(self):
        self.raw()
        self.dev.write(b"\x05A\x01")
        self.exact(b"R\x01\x80\x00\x01")
        self.dev.write(b"print('not run')\n\x03")
        self.exact(b"\x04\x04KeyboardInterrupt\r\n\x04>")
        self.raw_paste(b"print(8)")
        self.assertEqual(self.follow(), (b"8\r\n", b""))

    def test_raw_paste_twice_then_soft_reset(self):
        self.raw()
        self.raw_paste(b"z = 9")
        self.assertEqual(self.follow(), (b"", b""))
        self.raw_paste(b"print(z * 2)")
        self.assertEqual(self.follow(), (b"18\r\n", b""))
        self.dev.write(b"\x04")
        self.exact(b"OK\r\n" + SOFT_REBOOT + RAW_BANNER + b">")
        self.raw_paste(b"print('z' in globals())")
        self.assertEqual(self.follow(), (b"False\r\n", b""))


class SmallHeap(Session):
    """A script larger than the heap: the device stops the transfer with \\x04, says
    MemoryError, and goes on."""
    EXTRA = ("-X", "heapsize=32k")

    def setUp(self):
        if BOARD:
            self.skipTest("the firmware's heap is set when it is built")
        super().setUp()

    def test_raw_paste_too_long(self):
        self.raw()
        grants, aborted = self.raw_paste(long_script(100 * 1024).encode(), window_check=False)
        self.assertTrue(aborted)
        self.assertEqual(self.follow(), (b"", b"MemoryError: input too long\r\n"))
        self.raw_paste(b"print('still here')")
        self.assertEqual(self.follow(), (b"still here\r\n", b""))

    def test_raw_too_long(self):
        self.raw()
        data = long_script(48 * 1024).encode()
        for i in range(0, len(data), 256):  # paced as pyboard.py does (no flow control here)
            self.dev.write(data[i:i + 256])
            time.sleep(0.005)
        time.sleep(0.2)  # the end must not be lost in a full receive buffer
        self.dev.write(b"\x04")
        self.assertEqual(self.follow_ok(), (b"", b"MemoryError: input too long\r\n"))
        self.dev.write(b"print('still here')\x04")
        self.exact(b"OKstill here\r\n\x04\x04>")


def main():
    global RTPY, CMD, BOARD
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("--qemu", metavar="ELF", help="test the firmware's console in QEMU")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    if a.qemu:
        BOARD = True
        CMD = QEMU.split() + ["-kernel", os.path.abspath(a.qemu)]
    else:
        CMD = [os.path.abspath(a.rtpy)]
    loader = unittest.defaultTestLoader
    tests = unittest.TestSuite([loader.loadTestsFromTestCase(Protocol),
                                loader.loadTestsFromTestCase(SmallHeap)])
    suite.run_tests(tests, verbose=a.v)


if __name__ == "__main__":
    main()
