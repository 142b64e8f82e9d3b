#!/usr/bin/python3
"""The flash and its file system as a device user meets them: files written by one run of the
simulated board (`rtpy --flash=FILE`) are there in the next, boot.py and main.py run at start,
a process killed while writing leaves each file old or new, and on QEMU the flash (a host file
behind semihosting) survives machine.reset() and a new QEMU run.

Usage: tests/host/test_storage.py [--rtpy build/host/rtpy] [--qemu ELF] [-v]
Prints "N passed, N failed"; exits non-zero on a failure. CPython's stdlib only.
"""
import argparse
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import suite

RTPY = "build/host/rtpy"
ELF = None
QEMU = ["qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor", "none"]
DEADLINE = 30.0


class Host(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.flash = os.path.join(self.tmp.name, "flash.bin")

    def tearDown(self):
        self.tmp.cleanup()

    def rtpy(self, code, stdin=None, args=()):
        cmd = [RTPY, "--flash=" + self.flash] + list(args)
        if code is not None:
            cmd += ["-c", code]
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=DEADLINE,
                           cwd=self.tmp.name)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def ok(self, code, **kw):
        rc, out, err = self.rtpy(code, **kw)
        self.assertEqual((rc, err), (0, ""), out)
        return out

    def test_new_flash_is_erased_and_formatted(self):
        self.assertEqual(self.ok("import os; print(os.listdir('/'))"), "[]\n")
        with open(self.flash, "rb") as f:
            data = f.read()
        self.assertEqual(len(data), 4 << 20)
        # the partitions below the file system are untouched
        self.assertEqual(set(data[:0x240000]), {0xFF})

    def test_files_persist_across_runs(self):
        blob = bytes(range(256)) * 40
        self.ok("import os\n"
                "os.mkdir('/lib')\n"
                "open('/lib/util.py', 'w').write('def twice(x):\\n    return 2 * x\\n')\n"
                "open('/data.bin', 'wb').write(bytes(range(256)) * 40)\n"
                "with open('/log.txt', 'a') as f: f.write('one\\n')\n")
        self.ok("with open('/log.txt', 'a') as f: f.write('two\\n')")
        out = self.ok("import os, sys\n"
                      "sys.path.append('/lib')\n"
                      "import util\n"
                      "print(util.twice(21))\n"
                      "print(sorted(os.listdir('/')), os.listdir('/lib'))\n"
                      "print(open('/log.txt').read().split())\n"
                      "d = open('/data.bin', 'rb').read()\n"
                      "print(len(d), d == bytes(range(256)) * 40)\n"
                      "print(os.stat('/data.bin')[6])\n")
        self.assertEqual(out.split("\n")[:5], [
            "42", "['data.bin', 'lib', 'log.txt'] ['util.py']", "['one', 'two']",
            "%d True" % len(blob), "%d" % len(blob)])

    def test_boot_and_main_run_at_start(self):
        self.ok("open('/boot.py', 'w').write('print(\"boot\"); x = 1\\n')\n"
                "open('/main.py', 'w').write('print(\"main\", x); raise ValueError(\"late\")\\n')\n")
        rc, out, err = self.rtpy(None, stdin=b"print('after', x)\n")
        self.assertEqual(out, "boot\nmain 1\nafter 1\n")
        self.assertIn("ValueError: late", err)  # printed, not fatal
        self.assertEqual(rc, 0)

    def test_statvfs_and_full(self):
        out = self.ok("import os\n"
                      "s = os.statvfs('/')\n"
                      "print(s[0] > 0, s[2] * s[0] <= 0x1c0000, s[3] <= s[2])\n"
                      "free = s[3] * s[0]\n"
                      "try:\n"
                      "    with open('/big', 'wb') as f:\n"
                      "        for i in range(4096):\n"
                      "            f.write(bytes(1024))\n"
                      "except OSError as e:\n"
                      "    print('full', e.errno == 28)\n"
                      "os.remove('/big')\n"
                      "open('/after', 'w').write('fine')\n"
                      "print(open('/after').read())\n")
        self.assertEqual(out, "True True True\nfull True\nfine\n")

    def test_bad_flash_file(self):
        with open(self.flash, "wb") as f:
            f.write(b"\0" * 1000)
        rc, out, err = self.rtpy("print(1)")
        self.assertEqual(rc, 2)
        self.assertIn("not a 4194304-byte flash image", err)

    def test_killed_while_writing(self):
        """SIGKILL at random moments while a file is rewritten: afterwards the file holds one
        complete version, and the file system mounts and works."""
        self.ok("open('/v.txt', 'w').write('version 0 ' * 300)")
        writer = ("import os\n"
                  "n = int(open('/n.txt').read()) + 1 if 'n.txt' in os.listdir('/') else 1\n"
                  "while True:\n"
                  "    with open('/v.txt', 'w') as f:\n"
                  "        f.write(('version %d ' % n) * 300)\n"
                  "    open('/n.txt', 'w').write(str(n))\n"
                  "    n += 1\n")
        rnd = random.Random(7)
        last = 0
        for _ in range(12):
            p = subprocess.Popen([RTPY, "--flash=" + self.flash, "-c", writer],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.05 + rnd.random() * 0.3)
            p.send_signal(signal.SIGKILL)
            p.wait()
            out = self.ok("t = open('/v.txt').read()\n"
                          "w = t.split()\n"
                          "print(len(w) == 600 and len(set(w[1::2])) == 1, w[1])\n")
            good, version = out.split()
            self.assertEqual(good, "True", out)
            self.assertGreaterEqual(int(version), last)
            last = int(version)
        self.assertGreater(last, 0)


class RawRepl:
    """A device driven through MicroPython's raw REPL over pipes (QEMU's UART on stdio)."""

    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buf = b""

    def read_until(self, what, deadline=DEADLINE):
        end = time.monotonic() + deadline
        while what not in self.buf:
            if time.monotonic() > end:
                raise AssertionError("timed out waiting for %r; got %r" % (what, self.buf[-300:]))
            r, _, _ = select.select([self.p.stdout], [], [], max(0.0, end - time.monotonic()))
            if not r:
                continue
            data = os.read(self.p.stdout.fileno(), 4096)
            if not data:
                raise AssertionError("device gone waiting for %r; got %r" % (what, self.buf[-300:]))
            self.buf += data
        before, _, self.buf = self.buf.partition(what)
        return before

    def enter(self):
        self.read_until(b">>> ")
        self.p.stdin.write(b"\x01")
        self.p.stdin.flush()
        self.read_until(b"raw REPL; CTRL-B to exit\r\n>")

    def exec(self, code):
        self.p.stdin.write(code.encode() + b"\x04")
        self.p.stdin.flush()
        self.read_until(b"OK")
        out = self.read_until(b"\x04")
        err = self.read_until(b"\x04")
        self.read_until(b">")
        if err:
            raise AssertionError("device error: %r" % err)
        return out.decode().replace("\r\n", "\n")

    def close(self):
        try:
            self.p.kill()
            self.p.wait()
        except ProcessLookupError:
            pass


class Qemu(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.flash = os.path.join(self.tmp.name, "flash.bin")
        self.cmd = QEMU + ["-semihosting-config",
                           "enable=on,target=native,arg=rtpy,arg=--flash=" + self.flash,
                           "-kernel", os.path.abspath(ELF)]

    def tearDown(self):
        self.tmp.cleanup()

    def test_flash_survives_reset_and_new_run(self):
        d = RawRepl(self.cmd)
        try:
            d.enter()
            d.exec("import os\n"
                   "open('/main.py', 'w').write('print(\"main ran\")\\n')\n"
                   "open('/data.txt', 'w').write('kept ' * 100)\n")
            d.p.stdin.write(b"import machine\nmachine.reset()\x04")  # no answer but a restart
            d.p.stdin.flush()
            d.read_until(b"OK")
            d.read_until(b"main ran")
            d.read_until(b">>> ")
            d.p.stdin.write(b"\x01")
            d.p.stdin.flush()
            d.read_until(b"raw REPL; CTRL-B to exit\r\n>")
            self.assertEqual(d.exec("print(open('/data.txt').read().count('kept'))"), "100\n")
        finally:
            d.close()
        d = RawRepl(self.cmd)
        try:
            d.read_until(b"main ran")
            d.enter()
            self.assertEqual(d.exec("import os; print(sorted(os.listdir('/')))"),
                             "['data.txt', 'main.py']\n")
        finally:
            d.close()


REMOTE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "rtpy-remote")


class Remote(unittest.TestCase):
    """tools/rtpy-remote with a device that has a flash: a tree of files copied in, code run
    from it, results read back, a reset in between, a 50 KiB script through raw paste."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        os.makedirs(os.path.join(d, "app", "lib"))
        os.makedirs(os.path.join(d, "app", "data"))
        with open(os.path.join(d, "app", "calc.py"), "w") as f:
            f.write("from util import double\n\ndef answer():\n    return double(21)\n")
        with open(os.path.join(d, "app", "lib", "util.py"), "w") as f:
            f.write("def double(x):\n    return 2 * x\n")
        self.blob = bytes(random.Random(3).getrandbits(8) for _ in range(9000))
        with open(os.path.join(d, "app", "data", "blob.bin"), "wb") as f:
            f.write(self.blob)
        lines = ["t = 0"] + ["t += %d  # %s" % (i, "x" * 40) for i in range(1100)] + ["print('sum', t)"]
        with open(os.path.join(d, "big.py"), "w") as f:
            f.write("\n".join(lines) + "\n")
        self.assertGreater(os.path.getsize(os.path.join(d, "big.py")), 50 * 1024)

    def tearDown(self):
        self.tmp.cleanup()

    def remote(self, target, *args):
        p = subprocess.run([sys.executable, REMOTE, "-d", target, "--target-arg=--flash=flash.bin"]
                           + list(args), capture_output=True, timeout=120, cwd=self.tmp.name)
        self.assertEqual(p.returncode, 0, p.stderr.decode() + p.stdout.decode())
        return p.stdout.decode()

    def check(self, target):
        self.remote(target, "fs", "cp", "-r", "app", ":app")
        out = self.remote(target, "exec",
                          "import sys\nsys.path[:0] = ['/app', '/app/lib']\nimport calc\n"
                          "with open('/app/out.txt', 'w') as f:\n    f.write(str(calc.answer()))\n",
                          "+", "reset",
                          "+", "exec", "print(open('/app/out.txt').read())")
        self.assertEqual(out.split()[-1], "42")
        self.remote(target, "fs", "cp", ":app/data/blob.bin", "back.bin")
        with open(os.path.join(self.tmp.name, "back.bin"), "rb") as f:
            self.assertEqual(f.read(), self.blob)
        self.assertIn("skip", self.remote(target, "fs", "cp", "-r", "app", ":app"))
        # a module precompiled on the host (rtpy-cross) imported from the device's flash
        pc = os.path.join(self.tmp.name, "pc")
        os.makedirs(pc)
        with open(os.path.join(pc, "twice.py"), "w") as f:
            f.write("def twice(s):\n    return [s * 2, 2 ** 70, 1.5]\n")
        subprocess.run([os.path.join(os.path.dirname(RTPY), "rtpy-cross"), "-o",
                        os.path.join(pc, "twice.rpyc"), os.path.join(pc, "twice.py")], check=True)
        os.remove(os.path.join(pc, "twice.py"))
        self.remote(target, "fs", "cp", "-r", "pc", ":pc")
        out = self.remote(target, "exec", "import sys\nsys.path.insert(0, '/pc')\nimport twice\n"
                          "print(twice.twice('ab'), twice.__file__)")
        self.assertEqual(out.strip(), "['abab', 1180591620717411303424, 1.5] /pc/twice.rpyc")
        self.assertEqual(self.remote(target, "run", "big.py").split(), ["sum", str(sum(range(1100)))])

    def test_host(self):
        self.check("host:" + RTPY)

    def test_qemu(self):
        if not ELF:
            self.skipTest("no firmware (--qemu ELF)")
        self.check("qemu:" + os.path.abspath(ELF))


def main():
    global RTPY, ELF
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("--qemu", metavar="ELF")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    RTPY = os.path.abspath(a.rtpy)
    loader = unittest.defaultTestLoader
    if a.qemu:
        ELF = a.qemu
        tests = unittest.TestSuite([loader.loadTestsFromTestCase(Qemu),
                                    loader.loadTestsFromName("Remote.test_qemu", sys.modules[__name__])])
    else:
        tests = unittest.TestSuite([loader.loadTestsFromTestCase(Host),
                                    loader.loadTestsFromName("Remote.test_host", sys.modules[__name__])])
    suite.run_tests(tests, verbose=a.v)


if __name__ == "__main__":
    main()
