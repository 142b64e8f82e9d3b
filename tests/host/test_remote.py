#!/usr/bin/python3
"""tools/rtpy-remote as a user meets it, against a host rtpy (exec/eval/run, the fs commands
on a temporary directory, resets, errors), against fake devices written here from the
protocol description (raw-paste mode with its flow control, a device that never answers),
and against the firmware in QEMU (exec and eval; skipped with a message when qemu-system-arm
or the ELF is missing: `make firmware` builds it).

Usage: tests/host/test_remote.py [--rtpy build/host/rtpy] [--qemu ELF] [-v]
Prints "N passed, N failed" and exits non-zero on a failure. Needs only CPython's stdlib.
"""
import argparse
import fcntl
import hashlib
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import tty
import unittest

import suite

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "rtpy-remote")
sys.path.insert(0, os.path.join(ROOT, "tools"))
from rtpyremote.device import Device  # noqa: E402
from rtpyremote.errors import DeviceBusy, DeviceError  # noqa: E402
from rtpyremote.transport import Transport  # noqa: E402

RTPY = os.path.join(ROOT, "build", "host", "rtpy")
ELF = os.path.join(ROOT, "build", "mps2-an385", "rtpy.elf")
DEADLINE = 60.0


def tool(args, cwd=None, stdin=b"", timeout=DEADLINE):
    p = subprocess.run([sys.executable, TOOL] + args, cwd=cwd, input=stdin, capture_output=True,
                       timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def host(*args, cwd=None, stdin=b""):
    return tool(["-d", "host:" + RTPY] + list(args), cwd=cwd, stdin=stdin)


# ---- a fake device ---------------------------------------------------------------------------
class FakeDevice(threading.Thread):
    """The device side of the raw REPL and of raw-paste mode, from the protocol description.
    It runs the code it receives with CPython's exec (print output ends lines with \\r\\n as a
    UART's does) and records what it got. paste: "yes" (raw-paste, window `window`, and it
    grants the next window only once the current one is used up, after `grant_delay`, checking
    that nothing more arrived meanwhile), "refuse" (answers R\\x00), "no" (a device that does
    not know the request). silent: reads everything, answers nothing (a busy device).
    stop_after: in raw-paste, ends the reception after that many bytes (as a compile error does)."""

    def __init__(self, fd, paste="yes", window=128, grant_delay=0.0, silent=False, stop_after=None):
        super().__init__(daemon=True)
        self.fd, self.paste, self.window = fd, paste, window
        self.grant_delay, self.silent, self.stop_after = grant_delay, silent, stop_after
        self.inbuf = bytearray()
        self.codes, self.modes = [], []
        self.paste_requests = 0
        self.overruns = []   # bytes found waiting beyond the granted window
        self.globals = {}
        self.soft_resets = 0

    def getc(self):
        while not self.inbuf:
            try:
                data = os.read(self.fd, 4096)
            except OSError:
                return None
            if not data:
                return None
            self.inbuf += data
        c = self.inbuf[0]
        del self.inbuf[0]
        return c

    def waiting(self):
        """Bytes that arrived but were not taken yet (our buffer, then the fd)."""
        if not self.inbuf:
            r, _, _ = select.select([self.fd], [], [], 0)
            if r:
                try:
                    self.inbuf += os.read(self.fd, 4096)
                except OSError:
                    pass
        return bytes(self.inbuf)

    def put(self, data):
        while data:
            n = os.write(self.fd, data)
            data = data[n:]

    def run(self):
        try:
            self.loop()
        except OSError:
            pass

    def loop(self):
        raw = False
        buf = bytearray()
        while True:
            c = self.getc()
            if c is None:
                return
            if self.silent:
                continue
            if not raw:
                if c == 1:
                    raw = True
                    buf.clear()
                    self.put(b"\r\nraw REPL; CTRL-B to exit\r\n>")
                elif c == 3:
                    self.put(b"\r\nKeyboardInterrupt\r\n>>> ")
                elif c == 13:
                    self.put(b"\r\n>>> ")
                continue
            if c == 1:
                if buf == b"\x05A":
                    buf.clear()
                    self.paste_requests += 1
                    if self.paste == "yes":
                        if self.raw_paste() is None:
                            return
                        continue
                    if self.paste == "refuse":
                        self.put(b"R\x00")
                        continue
                buf.clear()
                self.put(b"\r\nraw REPL; CTRL-B to exit\r\n>")
            elif c == 2:
                raw = False
                self.put(b"\r\n>>> ")
            elif c == 3:
                buf.clear()
            elif c == 4:
                if not buf:
                    self.soft_resets += 1
                    self.globals = {}
                    self.put(b"\r\nsoft reboot\r\nraw REPL; CTRL-B to exit\r\n>")
                    continue
                self.put(b"OK")
                self.codes.append(bytes(buf))
                self.modes.append("raw")
                self.execute(bytes(buf))
                buf.clear()
            else:
                buf.append(c)

    def raw_paste(self):
        inc = self.window
        self.put(b"R\x01" + inc.to_bytes(2, "little"))
        self.put(b"\x01")  # a second window at once, as in the protocol's example
        granted, received = 2 * inc, 0
        code = bytearray()
        while True:
            if received == granted:  # the window is used up: the host must wait for us
                time.sleep(self.grant_delay or 0.002)
                extra = self.waiting()
                if extra and extra[:1] != b"\x04":
                    self.overruns.append(len(extra))
                granted += inc
                self.put(b"\x01")
            c = self.getc()
            if c is None:
                return None
            if c == 4:
                break
            received += 1
            code.append(c)
            if self.stop_after is not None and len(code) >= self.stop_after:
                self.put(b"\x04")  # stop: drop what still comes up to the host's \x04
                while True:
                    c = self.getc()
                    if c is None:
                        return None
                    if c == 4:
                        break
                self.codes.append(bytes(code))
                self.modes.append("paste-stopped")
                self.put(b'\x04Traceback (most recent call last):\r\n  File "<stdin>", line 1\r\n'
                         b'SyntaxError: invalid syntax\r\n\x04>')
                return True
        self.put(b"\x04")  # compiled: now it runs
        self.codes.append(bytes(code))
        self.modes.append("paste")
        self.execute(bytes(code))
        return True

    def execute(self, code):
        out = []

        def fake_print(*args, sep=" ", end="\n"):
            out.append(sep.join(str(a) for a in args) + end)
        self.globals["print"] = fake_print
        err = ""
        try:
            exec(compile(code.decode(), "<stdin>", "exec"), self.globals)
        except BaseException:
            err = traceback.format_exc()
        text = "".join(out).replace("\n", "\r\n").encode() + b"\x04"
        self.put(text + err.replace("\n", "\r\n").encode() + b"\x04>")


def socket_device(**kw):
    """A FakeDevice on one end of a socketpair, a Device (the tool's client) on the other."""
    a, b = socket.socketpair()
    fake = FakeDevice(b.fileno(), **kw)
    fake.sock = b
    fake.start()
    t = Transport(a.fileno(), a.fileno())
    t.name = "fake"
    t.sock = a
    return fake, Device(t, timeout=3.0)


def pty_device(**kw):
    """A FakeDevice on a pty master; the tool opens the slave by its path."""
    master, slave = os.openpty()
    tty.setraw(slave)
    fake = FakeDevice(master, **kw)
    fake.slave = slave
    fake.path = os.ttyname(slave)
    fake.start()
    return fake


def close_pty_device(fake):
    os.close(fake.slave)  # the fake reads EIO and ends; only then may its fd number be reused
    fake.join(5)
    os.close(fake.fd)


def close_socket_device(fake, dev):
    dev.t.sock.close()
    fake.join(5)
    fake.sock.close()


# ---- against a host rtpy ---------------------------------------------------------------------
class HostExec(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtpy-remote-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_exec_and_eval(self):
        rc, out, err = host("exec", "for i in range(3):\n    print('line', i)", cwd=self.dir)
        self.assertEqual((rc, out, err), (0, "line 0\nline 1\nline 2\n", ""))
        rc, out, err = host("eval", "6 * 7", "+", "eval", "'a' * 3", "+", "eval", "[1, (2, None)]",
                            cwd=self.dir)
        self.assertEqual((rc, out, err), (0, "42\n'aaa'\n[1, (2, None)]\n", ""))

    def test_state_is_kept_along_a_chain(self):
        rc, out, err = host("exec", "x = 20", "+", "exec", "x += 1", "+", "eval", "x * 2", cwd=self.dir)
        self.assertEqual((rc, out), (0, "42\n"), err)

    def test_run_file(self):
        path = os.path.join(self.dir, "prog.py")
        with open(path, "w") as f:
            f.write("import hashlib\n"
                    "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                    "print([fib(i) for i in range(12)])\n"
                    "print(hashlib.sha256(b'abc').hexdigest())\n"
                    "print('done \\u00e9')\n")
        rc, out, err = host("run", "prog.py", cwd=self.dir)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, "[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]\n"
                              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
                              "done \u00e9\n")

    def test_run_big_file(self):
        # 40 KiB of code without raw-paste (the host rtpy has none yet): sent in pieces that
        # fit the device's receive buffer, then run; errors read as if it had been sent whole
        lines = ["t = 0"] + ["t += %d  # %s \u00e9" % (i, "x" * 60) for i in range(600)] + ["print(t)"]
        with open(os.path.join(self.dir, "big.py"), "w") as f:
            f.write("\n".join(lines) + "\n")
        rc, out, err = host("run", "big.py", cwd=self.dir)
        self.assertEqual((rc, out), (0, "%d\n" % sum(range(600))), err)
        with open(os.path.join(self.dir, "big.py"), "a") as f:
            f.write("def f():\n    return 1 / 0\nf()\n")
        rc, out, err = host("run", "big.py", cwd=self.dir)
        self.assertEqual(rc, 1)
        self.assertEqual(err, 'Traceback (most recent call last):\n'
                              '  File "<stdin>", line 605, in <module>\n'
                              '  File "<stdin>", line 604, in f\n'
                              'ZeroDivisionError: division by zero\n')
        with open(os.path.join(self.dir, "big.py"), "a") as f:
            f.write("x = (\n")
        rc, out, err = host("run", "big.py", cwd=self.dir)
        self.assertEqual(rc, 1)
        self.assertTrue(err.startswith('  File "<stdin>", line 60'), err)  # no wrapper frame
        self.assertIn("SyntaxError", err)

    def test_exception_gives_status_1_and_the_traceback(self):
        rc, out, err = host("exec", "print('before')\ndef f():\n    1/0\nf()", cwd=self.dir)
        self.assertEqual(rc, 1)
        self.assertEqual(out, "before\n")
        self.assertIn("Traceback (most recent call last):", err)
        self.assertIn('line 3, in f', err)
        self.assertIn("ZeroDivisionError: division by zero", err)
        # a failing command stops the chain
        rc, out, err = host("eval", "1", "+", "exec", "raise ValueError('bad')", "+", "eval", "2",
                            cwd=self.dir)
        self.assertEqual((rc, out), (1, "1\n"))
        self.assertIn("ValueError: bad", err)

    def test_soft_reset_and_reset(self):
        # a host rtpy ends on a reset: the tool starts it again, with a fresh state
        rc, out, err = host("exec", "x = 1", "+", "soft-reset", "+", "eval", "'x' in globals()",
                            "+", "exec", "y = 2", "+", "reset", "+", "eval", "'y' in globals()",
                            cwd=self.dir)
        self.assertEqual((rc, out), (0, "False\nFalse\n"), err)

    def test_system_exit_then_more(self):
        rc, out, err = host("exec", "import sys\nprint('bye')\nsys.exit(3)", "+", "eval", "'after'",
                            cwd=self.dir)
        self.assertEqual((rc, out), (0, "bye\n'after'\n"), err)

    def test_repl_passthrough(self):
        rc, out, err = host("exec", "z = 6", "+", "repl", cwd=self.dir, stdin=b"z * 7\r")
        self.assertEqual(rc, 0, err)
        self.assertIn(">>> ", out)
        self.assertIn("42", out)

    def test_usage_errors(self):
        rc, _, err = host("frobnicate", cwd=self.dir)
        self.assertEqual(rc, 2)
        self.assertIn("invalid choice", err)
        rc, _, err = host("run", "missing.py", cwd=self.dir)
        self.assertEqual(rc, 2)
        self.assertIn("missing.py", err)
        rc, _, err = tool(["eval", "1"], cwd=self.dir)
        self.assertEqual(rc, 2)
        self.assertIn("no device", err)


def make_tree(root):
    """Files of every kind: all 256 byte values, an empty file, text, a 70 KiB random file."""
    files = {
        "all_bytes.bin": bytes(range(256)) * 4,
        "empty.txt": b"",
        "main.py": b"print('hello')\n",
        "lib/util.py": "def f():\n    return '\u00e9t\u00e9'\n".encode(),
        "lib/deep/blob.bin": os.urandom(70 * 1024),
        "lib/deep/crlf.txt": b"a\r\nb\rc\n\x00\x04\x03\x1a\x7f\xff",
    }
    for name, data in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    os.makedirs(os.path.join(root, "emptydir"))
    return files


class HostFs(unittest.TestCase):
    """fs commands on a host rtpy whose current directory (its file system) is a temporary
    directory; the local files live next to it."""

    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="rtpy-remote-fs-")
        self.dev = os.path.join(self.base, "device")
        self.local = os.path.join(self.base, "local")
        os.makedirs(self.dev)
        os.makedirs(self.local)

    def tearDown(self):
        shutil.rmtree(self.base)

    def fs(self, *args):
        return host("fs", *args, cwd=self.dev)

    def test_copy_tree_there_and_back(self):
        files = make_tree(os.path.join(self.local, "src"))
        src = os.path.join(self.local, "src")
        rc, out, err = self.fs("cp", "-r", src, ":app")
        self.assertEqual(rc, 0, err)
        for name, data in files.items():
            with open(os.path.join(self.dev, "app", name), "rb") as f:
                self.assertEqual(f.read(), data, name)
            self.assertIn("copy %s -> :app/%s (%d bytes)" % (os.path.join(src, name), name, len(data)),
                          out)
        self.assertTrue(os.path.isdir(os.path.join(self.dev, "app", "emptydir")))

        # the second copy skips every file, and says so
        rc, out, err = self.fs("cp", "-r", src, ":app")
        self.assertEqual(rc, 0, err)
        self.assertEqual(sorted(out.splitlines()),
                         sorted("skip %s -> :app/%s (unchanged)" % (os.path.join(src, n), n)
                                for n in files))
        # a changed file is copied again, the others skipped
        with open(os.path.join(src, "main.py"), "wb") as f:
            f.write(b"print('changed')\n")
        rc, out, err = self.fs("cp", "-r", src, ":app")
        self.assertEqual(rc, 0, err)
        self.assertIn("copy %s -> :app/main.py (17 bytes)" % os.path.join(src, "main.py"), out)
        self.assertEqual(out.count("skip "), len(files) - 1)
        with open(os.path.join(self.dev, "app", "main.py"), "rb") as f:
            self.assertEqual(f.read(), b"print('changed')\n")
        files["main.py"] = b"print('changed')\n"

        # and back, into a new local directory, byte for byte
        back = os.path.join(self.local, "back")
        rc, out, err = self.fs("cp", "-r", ":app", back)
        self.assertEqual(rc, 0, err)
        for name, data in files.items():
            with open(os.path.join(back, name), "rb") as f:
                self.assertEqual(f.read(), data, name)
        self.assertTrue(os.path.isdir(os.path.join(back, "emptydir")))
        rc, out, err = self.fs("cp", "-r", ":app", back)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.count("skip :app/"), len(files))
        self.assertNotIn("copy", out)

    def test_copy_single_files(self):
        with open(os.path.join(self.local, "a.py"), "wb") as f:
            f.write(b"x = 1\n")
        os.makedirs(os.path.join(self.dev, "lib"))
        a = os.path.join(self.local, "a.py")
        # to a name, into a directory, into the current directory
        rc, out, err = host("fs", "cp", a, ":b.py", "+", "fs", "cp", a, ":lib", "+", "fs", "cp", a, ":",
                            cwd=self.dev)
        self.assertEqual(rc, 0, err)
        for p in ("b.py", "lib/a.py", "a.py"):
            with open(os.path.join(self.dev, p), "rb") as f:
                self.assertEqual(f.read(), b"x = 1\n", p)
        # from the device: to a file name, into a directory; -f copies even when unchanged
        rc, out, err = host("fs", "cp", ":lib/a.py", os.path.join(self.local, "c.py"), "+",
                            "fs", "cp", ":b.py", self.local, "+",
                            "fs", "cp", "-f", ":b.py", self.local, cwd=self.dev)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.count("copy :b.py -> "), 2, out)
        with open(os.path.join(self.local, "c.py"), "rb") as f:
            self.assertEqual(f.read(), b"x = 1\n")
        with open(os.path.join(self.local, "b.py"), "rb") as f:
            self.assertEqual(f.read(), b"x = 1\n")

    def test_copy_errors(self):
        os.makedirs(os.path.join(self.local, "d"))
        rc, _, err = self.fs("cp", os.path.join(self.local, "d"), ":d")
        self.assertEqual(rc, 1)
        self.assertIn("is a directory (cp -r copies it)", err)
        rc, _, err = self.fs("cp", ":nothing.txt", self.local)
        self.assertEqual(rc, 1)
        self.assertIn("no such file", err)
        rc, _, err = self.fs("cp", "a", "b")
        self.assertEqual(rc, 1)
        self.assertIn("one side must be on the device", err)
        rc, _, err = self.fs("cp", os.path.join(self.local, "missing"), ":")
        self.assertEqual(rc, 1)
        self.assertIn("no such file", err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    def test_ls_tree_cat_sha256sum(self):
        make_tree(self.dev)
        rc, out, err = self.fs("ls")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, "%12d all_bytes.bin\n%12d empty.txt\n%12d emptydir/\n%12d lib/\n"
                              "%12d main.py\n" % (1024, 0, 0, 0, 15))
        rc, out, err = self.fs("ls", ":lib/deep")
        self.assertEqual((rc, out), (0, "%12d blob.bin\n%12d crlf.txt\n" % (70 * 1024, 13)), err)
        rc, out, err = self.fs("ls", "main.py")
        self.assertEqual((rc, out), (0, "%12d main.py\n" % 15), err)
        rc, out, err = self.fs("tree")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, ":\n|-- all_bytes.bin\n|-- empty.txt\n|-- emptydir/\n|-- lib/\n"
                              "|   |-- deep/\n|   |   |-- blob.bin\n|   |   `-- crlf.txt\n"
                              "|   `-- util.py\n`-- main.py\n")
        p = subprocess.run([sys.executable, TOOL, "-d", "host:" + RTPY, "fs", "cat", ":lib/deep/crlf.txt",
                            "all_bytes.bin"], cwd=self.dev, capture_output=True, timeout=DEADLINE)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, b"a\r\nb\rc\n\x00\x04\x03\x1a\x7f\xff" + bytes(range(256)) * 4)
        rc, out, err = self.fs("sha256sum", ":all_bytes.bin", "lib/deep/blob.bin", ":empty.txt")
        self.assertEqual(rc, 0, err)
        want = ""
        for name in ("all_bytes.bin", "lib/deep/blob.bin", "empty.txt"):
            with open(os.path.join(self.dev, name), "rb") as f:
                want += "%s  %s\n" % (hashlib.sha256(f.read()).hexdigest(), name)
        self.assertEqual(out, want)

    def test_mkdir_rmdir_rm(self):
        rc, out, err = host("fs", "mkdir", ":a", "+", "fs", "mkdir", "-p", ":b/c/d", "+",
                            "exec", "open('a/f.txt', 'w').write('x')", "+", "fs", "ls", ":b/c",
                            cwd=self.dev)
        self.assertEqual((rc, out), (0, "%12d d/\n" % 0), err)
        self.assertTrue(os.path.isdir(os.path.join(self.dev, "b", "c", "d")))
        rc, _, err = self.fs("rmdir", ":a")
        self.assertEqual(rc, 1)
        self.assertIn("rmdir :a: OSError: [Errno 39]", err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        rc, _, err = self.fs("rm", ":a")
        self.assertEqual(rc, 1)
        self.assertIn("is a directory", err)
        rc, out, err = host("fs", "rm", ":a/f.txt", "+", "fs", "rmdir", ":a", "+", "fs", "rm", "-r", ":b",
                            cwd=self.dev)
        self.assertEqual(rc, 0, err)
        self.assertEqual(os.listdir(self.dev), [])
        rc, _, err = self.fs("rm", ":gone.txt")
        self.assertEqual(rc, 1)
        self.assertIn("rm :gone.txt: no such file or directory", err)
        rc, _, err = self.fs("mkdir", ":x/y")
        self.assertEqual(rc, 1)
        self.assertIn("mkdir :x/y: ", err)
        self.assertIn("[Errno 2]", err)


# ---- errors: absent, busy --------------------------------------------------------------------
class Errors(unittest.TestCase):
    def test_absent_device(self):
        for target, what in (("/dev/rtpy-no-such-tty", "no such device"),
                             ("qemu:/no/such.elf", "no firmware"),
                             ("host:/no/such/rtpy", "no program")):
            rc, out, err = tool(["-d", target, "eval", "1"])
            self.assertEqual(rc, 3, err)
            self.assertIn(what, err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
        with tempfile.NamedTemporaryFile() as f:  # exists, but not a terminal
            rc, _, err = tool(["-d", f.name, "eval", "1"])
            self.assertEqual(rc, 3)
            self.assertIn("not a serial device", err)

    def test_device_that_never_answers(self):
        fake = pty_device(silent=True)
        try:
            t0 = time.monotonic()
            rc, out, err = tool(["-d", fake.path, "-t", "1", "eval", "1"])
            self.assertEqual(rc, 4, err)
            self.assertIn("busy: no raw REPL prompt within 1s", err)
            self.assertLess(time.monotonic() - t0, 10)
        finally:
            close_pty_device(fake)

    def test_port_held_by_another_program(self):
        fake = pty_device()
        try:
            fd = os.open(fake.path, os.O_RDWR | os.O_NOCTTY)
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                rc, _, err = tool(["-d", fake.path, "eval", "1"])
                self.assertEqual(rc, 4)
                self.assertIn("in use by another program", err)
            finally:
                os.close(fd)
            rc, out, err = tool(["-d", fake.path, "eval", "1 + 1"])
            self.assertEqual((rc, out), (0, "2\n"), err)
        finally:
            close_pty_device(fake)


class Bridge(threading.Thread):
    """A null-modem cable between two pty masters: what one side writes, the other reads."""

    def __init__(self, a, b):
        super().__init__(daemon=True)
        self.a, self.b = a, b
        self.stopped = False

    def run(self):
        while not self.stopped:
            r, _, _ = select.select([self.a, self.b], [], [], 0.1)
            for src in r:
                try:
                    data = os.read(src, 4096)
                except OSError:  # no one holds the slave just now
                    time.sleep(0.01)
                    continue
                dst = self.b if src == self.a else self.a
                while data:
                    data = data[os.write(dst, data):]


class RealPty(unittest.TestCase):
    """A host rtpy on a pty, wired by a null-modem bridge to a second pty whose path the tool
    opens like a serial port: the tool's serial code against a real rtpy."""

    def setUp(self):
        self.master, slave = os.openpty()
        self.dir = tempfile.mkdtemp(prefix="rtpy-remote-pty-")
        self.proc = subprocess.Popen([RTPY], stdin=slave, stdout=slave, stderr=slave, cwd=self.dir,
                                     start_new_session=True)
        os.close(slave)
        self.buf = b""
        self.expect(b">>> ")
        self.line_master, self.line_slave = os.openpty()
        tty.setraw(self.line_slave)  # kept open: the line stays up between tool runs
        self.path = os.ttyname(self.line_slave)
        self.bridge = None

    def tearDown(self):
        if self.bridge:
            self.bridge.stopped = True
            self.bridge.join(2)
        self.proc.kill()
        self.proc.wait()
        for fd in (self.master, self.line_master, self.line_slave):
            os.close(fd)
        shutil.rmtree(self.dir)

    def connect(self):
        self.bridge = Bridge(self.master, self.line_master)
        self.bridge.start()

    def expect(self, what):
        end = time.monotonic() + 20
        while what not in self.buf:
            self.assertGreater(end, time.monotonic(), "waiting for %r: %r" % (what, self.buf))
            r, _, _ = select.select([self.master], [], [], 0.5)
            if r:
                self.buf += os.read(self.master, 4096)
        self.buf = self.buf.partition(what)[2]

    def test_exec_through_the_tty(self):
        self.connect()
        rc, out, err = tool(["-d", self.path, "exec", "print('via tty')", "+", "eval", "2 ** 10"])
        self.assertEqual((rc, out), (0, "via tty\n1024\n"), err)
        rc, out, err = tool(["-d", self.path, "eval", "'again'"])  # it left the device usable
        self.assertEqual((rc, out), (0, "'again'\n"), err)

    def test_running_program_is_interrupted(self):
        os.write(self.master, b"n = 0\r")
        self.expect(b">>> ")
        os.write(self.master, b"while True: n += 1\r\r")
        time.sleep(0.3)
        self.connect()
        rc, out, err = tool(["-d", self.path, "eval", "n > 0"])
        self.assertEqual((rc, out), (0, "True\n"), err)

    def test_busy_program_ignoring_ctrl_c(self):
        os.write(self.master, b"import micropython\r")
        self.expect(b">>> ")
        os.write(self.master, b"micropython.kbd_intr(-1)\r")
        self.expect(b">>> ")
        os.write(self.master, b"while True: pass\r\r")
        time.sleep(0.3)
        self.connect()
        rc, _, err = tool(["-d", self.path, "-t", "1", "eval", "1"])
        self.assertEqual(rc, 4, err)
        self.assertIn("busy: no raw REPL prompt within 1s", err)
        self.assertIsNone(self.proc.poll())


# ---- raw-paste mode against fake devices -----------------------------------------------------
class RawPaste(unittest.TestCase):
    def run_on(self, code, **kw):
        fake, dev = socket_device(**kw)
        try:
            out = dev.exec_(code)
            return fake, dev, out
        finally:
            close_socket_device(fake, dev)

    def test_small_program(self):
        fake, dev = socket_device(window=128)
        try:
            self.assertEqual(dev.exec_("print(1 + 2)"), b"3\r\n")
            self.assertEqual(dev.exec_("print('again')"), b"again\r\n")
            self.assertEqual(fake.modes, ["paste", "paste"])
            self.assertEqual(fake.codes, [b"print(1 + 2)", b"print('again')"])
            self.assertTrue(dev.raw_paste)
        finally:
            close_socket_device(fake, dev)

    def test_50k_script_within_the_window(self):
        lines = ["total = 0"] + ["total += %d  # %s" % (i, "y" * 60) for i in range(700)]
        code = ("\n".join(lines) + "\nprint(total)\n").encode()
        self.assertGreater(len(code), 50 * 1024)
        fake, dev, out = self.run_on(code, window=512, grant_delay=0.003)
        self.assertEqual(out, b"%d\r\n" % sum(range(700)))
        self.assertEqual(fake.modes, ["paste"])
        self.assertEqual(hashlib.sha256(fake.codes[0]).digest(), hashlib.sha256(code).digest())
        self.assertEqual(fake.overruns, [])

    def test_small_window_slow_device(self):
        code = ("s = ''\n" + "s += 'abcdefghij'\n" * 200 + "print(len(s))\n").encode()
        fake, dev, out = self.run_on(code, window=16, grant_delay=0.005)
        self.assertEqual(out, b"2000\r\n")
        self.assertEqual(fake.codes, [code])
        self.assertEqual(fake.overruns, [])

    def test_the_overrun_check_catches_a_client_that_ignores_the_window(self):
        a, b = socket.socketpair()
        fake = FakeDevice(b.fileno(), window=32, grant_delay=0.05)
        fake.start()
        try:
            a.sendall(b"\x01")
            time.sleep(0.1)
            a.sendall(b"\x05A\x01")
            time.sleep(0.1)
            a.sendall(b"#" * 500 + b"\x04")  # all at once: far beyond 2 windows
            end = time.monotonic() + 10
            while not fake.modes and time.monotonic() < end:
                time.sleep(0.05)
            self.assertNotEqual(fake.overruns, [])
        finally:
            a.close()
            fake.join(5)
            b.close()

    def test_device_that_refuses(self):
        fake, dev, out = self.run_on("print('plain')", paste="refuse")
        self.assertEqual(out, b"plain\r\n")
        self.assertEqual(fake.modes, ["raw"])
        self.assertEqual(fake.paste_requests, 1)

    def test_device_without_raw_paste(self):
        fake, dev = socket_device(paste="no")
        try:
            # longer than its receive buffer: in pieces, each a program that fits
            code = ("x = 0\n" + "x += 1\n" * 1500 + "print(x)\n").encode()
            self.assertEqual(dev.exec_(code), b"1500\r\n")
            self.assertEqual(dev.exec_("print('second')"), b"second\r\n")
            self.assertEqual(set(fake.modes), {"raw"})
            self.assertGreater(len(fake.codes), len(code) // 256)
            self.assertLess(max(len(c) for c in fake.codes), 256)
            self.assertEqual(fake.codes[-1], b"print('second')")
            self.assertEqual(fake.paste_requests, 1)  # asked once, then remembered
            self.assertFalse(dev.raw_paste)
        finally:
            close_socket_device(fake, dev)

    def test_exception_and_early_stop(self):
        fake, dev = socket_device(window=32)
        try:
            with self.assertRaises(DeviceError) as cm:
                dev.exec_("def f():\n    raise KeyError('k')\nf()\n")
            self.assertIn("KeyError: 'k'", cm.exception.message)
            fake.stop_after = 40
            with self.assertRaises(DeviceError) as cm:
                dev.exec_("x = (" + "1 + " * 300 + "1)\n")
            self.assertIn("SyntaxError", cm.exception.message)
            self.assertEqual(fake.modes[-1], "paste-stopped")
            fake.stop_after = None
            self.assertEqual(dev.exec_("print('still there')"), b"still there\r\n")
        finally:
            close_socket_device(fake, dev)

    def test_soft_reset(self):
        fake, dev = socket_device()
        try:
            dev.exec_("x = 1")
            dev.soft_reset()
            self.assertEqual(fake.soft_resets, 1)
            self.assertEqual(dev.exec_("print('x' in globals())"), b"False\r\n")
        finally:
            close_socket_device(fake, dev)

    def test_silent_device_is_busy(self):
        fake, dev = socket_device(silent=True)
        dev.timeout = 0.5
        try:
            with self.assertRaises(DeviceBusy):
                dev.exec_("print(1)")
        finally:
            close_socket_device(fake, dev)

    def test_through_the_command_line_on_a_pty(self):
        fake = pty_device(window=64, grant_delay=0.002)
        try:
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "prog.py")
                with open(path, "w") as f:
                    f.write("for i in range(3):\n    print('n', i)\n" + "# padding\n" * 300)
                rc, out, err = tool(["-d", fake.path, "run", path, "+", "eval", "40 + 2", "+",
                                     "exec", "raise OSError(5, 'io')"])
            self.assertEqual(rc, 1)
            self.assertEqual(out, "n 0\nn 1\nn 2\n42\n")
            self.assertIn("OSError: [Errno 5] io", err)
            self.assertEqual(fake.modes, ["paste"] * 3)
            self.assertEqual(fake.overruns, [])
        finally:
            close_pty_device(fake)


    def test_file_copies_in_raw_paste_mode(self):
        # the fs code run by CPython behind the fake device: the big-program path of fs cp
        fake = pty_device(window=256, grant_delay=0.001)
        base = tempfile.mkdtemp(prefix="rtpy-remote-paste-")
        try:
            files = make_tree(os.path.join(base, "src"))
            dev_dir = os.path.join(base, "dev")
            os.makedirs(dev_dir)
            args = ["-d", fake.path, "fs", "cp", "-r", os.path.join(base, "src"), ":" + dev_dir + "/app",
                    "+", "fs", "cp", "-r", ":" + dev_dir + "/app", os.path.join(base, "back")]
            rc, out, err = tool(args)
            self.assertEqual(rc, 0, err)
            for name, data in files.items():
                for root in (os.path.join(dev_dir, "app"), os.path.join(base, "back")):
                    with open(os.path.join(root, name), "rb") as f:
                        self.assertEqual(f.read(), data, name)
            rc, out, err = tool(args)
            self.assertEqual((rc, out.count("skip ")), (0, 2 * len(files)), out + err)
            self.assertEqual(set(fake.modes), {"paste"})
            self.assertGreater(max(len(c) for c in fake.codes), 2048)  # big programs, not pieces
            self.assertEqual(fake.overruns, [])
        finally:
            close_pty_device(fake)
            shutil.rmtree(base)


# ---- QEMU --------------------------------------------------------------------------------------
class Qemu(unittest.TestCase):
    def setUp(self):
        if not shutil.which("qemu-system-arm"):
            self.skipTest("qemu-system-arm is not installed")
        if not os.path.isfile(ELF):
            self.skipTest("no firmware %s (make firmware builds it)" % ELF)

    def test_exec_eval_on_the_firmware(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "p.py"), "w") as f:
                f.write("import sys\nprint(sys.platform, sum(range(10)))\n")
            rc, out, err = tool(["-d", "qemu:" + ELF, "exec", "print('on the board')", "+",
                                 "eval", "6 * 7", "+", "run", os.path.join(d, "p.py"), "+",
                                 "exec", "1/0"])
        self.assertEqual(rc, 1, err)
        lines = out.splitlines()
        self.assertEqual(lines[0], "on the board")
        self.assertEqual(lines[1], "42")
        self.assertTrue(lines[2].endswith(" 45"), lines)
        self.assertIn("ZeroDivisionError", err)

    def test_soft_reset_and_fs_without_a_file_system(self):
        rc, out, err = tool(["-d", "qemu:" + ELF, "exec", "x = 1", "+", "soft-reset", "+",
                             "eval", "'x' in globals()"])
        self.assertEqual((rc, out), (0, "False\n"), err)
        rc, out, err = tool(["-d", "qemu:" + ELF, "fs", "ls"])
        if rc != 0:  # the firmware has no file system yet: a clear one-line error
            self.assertEqual(rc, 1)
            self.assertIn("the device has no file system (ENODEV", err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)


def main():
    global RTPY, ELF
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("--qemu", metavar="ELF", default=ELF, help="the firmware for the QEMU tests")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("tests", nargs="*", help="test names (unittest -k patterns)")
    a = ap.parse_args()
    RTPY = os.path.abspath(a.rtpy)
    ELF = os.path.abspath(a.qemu)
    loader = unittest.defaultTestLoader
    if a.tests:
        loader.testNamePatterns = ["*%s*" % t for t in a.tests]
    tests = loader.loadTestsFromModule(sys.modules[__name__])
    suite.run_tests(tests, verbose=a.v)


if __name__ == "__main__":
    main()
