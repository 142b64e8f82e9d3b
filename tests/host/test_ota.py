#!/usr/bin/python3
"""Over-the-air updates as a device user meets them (docs/ota.md): the `ota` module writing a
signed image into the secondary slot of the simulated board (`rtpy --flash=FILE`), the next
start of rtpy (the simulator's reset: it boots through bootutil) installing it and running the
application bundle inside it; test upgrades reverted unless confirmed, bad images refused by
ota.finish() before anything is pending, `rtpy-remote ota` pushing an image. On QEMU (rtpy.elf
run directly, without the bootloader: test_qemu_ota.py boots through it) the ota module
writing an image to the secondary and pending() seeing it.

Usage: tests/host/test_ota.py [--rtpy build/host/rtpy] [--qemu ELF] [-v]
Prints "N passed, N failed"; exits non-zero on a failure. CPython's stdlib (plus rtpy-img,
which needs python3-cryptography).
"""
import argparse
import base64
import os
import random
import struct
import subprocess
import sys
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
RTPY = "build/host/rtpy"
ELF = None
IMG = os.path.join(TOP, "tools", "rtpy-img")
BUNDLE = os.path.join(TOP, "tools", "rtpy-bundle")
REMOTE = os.path.join(TOP, "tools", "rtpy-remote")
KEY = os.path.join(TOP, "tests", "data", "mcuboot", "root-ed25519.pem")
OTHER_KEY = os.path.join(TOP, "tests", "data", "mcuboot", "root-ec-p256.pem")
DEADLINE = 60.0

V1_MAIN = 'import ota, util\nprint("v1", util.NAME, ota.running())\n'
V2_MAIN = ('import ota, os\nprint("v2", ota.running())\n'
           'if "confirm" in os.listdir("/"):\n    ota.confirm()\n    print("confirmed", ota.running())\n')


def install_code(img, permanent, sizes=(1, 7, 8, 9, 500, 4096)):
    """A program that writes img with ota in chunks of the given sizes (in turn, as bytes,
    bytearray and memoryview), then finishes it and prints pending()."""
    lines = ["import ota, binascii", "ota.begin(%d)" % len(img)]
    pos, k = 0, 0
    kinds = ["bytes", "bytearray", "memoryview"]
    while pos < len(img):
        n = sizes[k % len(sizes)]
        piece = img[pos:pos + n]
        lines.append("ota.write(%s(binascii.a2b_base64(%r)))"
                     % (kinds[k % 3], base64.b64encode(piece).decode()))
        pos += n
        k += 1
    lines += ["print('progress', ota.progress())",
              "ota.finish(permanent=%r)" % permanent,
              "print('pending', ota.pending(), ota.progress())"]
    return "\n".join(lines) + "\n"


class Images:
    """Bundles and signed images built once for all tests."""
    dir = None

    @classmethod
    def make(cls):
        if cls.dir is not None:
            return
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        cross = os.path.join(os.path.dirname(RTPY), "rtpy-cross")
        cls.bundle("v1", {"main.py": V1_MAIN, "util.py": "NAME = 'util-v1'\n"}, cross)
        cls.bundle("v2", {"main.py": V2_MAIN}, cross)
        cls.bundle("nomain", {"util.py": "NAME = 1\n"}, cross)
        cls.sign("v1", "1.0.0")
        cls.sign("v2", "2.0.0")
        cls.sign("nomain", "1.1.0")
        cls.sign("v2", "2.0.0", out="v2-p256", key=OTHER_KEY)
        cls.sign("v1", "3.0.0", out="v3-cnt5", counter=5)
        cls.sign("v2", "4.0.0", out="v4-cnt2", counter=2)
        cls.sign("v2", "4.0.0", out="v4-cnt5", counter=5)

    @classmethod
    def bundle(cls, name, files, cross):
        src = os.path.join(cls.dir, name)
        os.makedirs(src)
        for fn, text in files.items():
            with open(os.path.join(src, fn), "w") as f:
                f.write(text)
        subprocess.run([sys.executable, BUNDLE, src, "-o", os.path.join(cls.dir, name + ".bin"),
                        "--cross", cross], check=True, capture_output=True)

    @classmethod
    def sign(cls, bundle, version, out=None, key=KEY, counter=None):
        cmd = [sys.executable, IMG, "sign", "-k", key, "-H", "0x200", "--align", "8", "-S",
               "0x100000", "--pad-header", "-v", version]
        if counter is not None:
            cmd += ["--security-counter", str(counter)]
        cmd += [os.path.join(cls.dir, bundle + ".bin"),
                os.path.join(cls.dir, (out or bundle) + ".signed.bin")]
        subprocess.run(cmd, check=True, capture_output=True)

    @classmethod
    def path(cls, name):
        return os.path.join(cls.dir, name + ".signed.bin")

    @classmethod
    def data(cls, name):
        with open(cls.path(name), "rb") as f:
            return f.read()


class Host(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        Images.make()

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.flash = os.path.join(self.tmp.name, "flash.bin")

    def tearDown(self):
        self.tmp.cleanup()

    def rtpy(self, code=None, stdin=b""):
        """One start of the device: -c code, or (code None) boot.py, main, and stdin."""
        cmd = [RTPY, "--flash=" + self.flash] + (["-c", code] if code is not None else [])
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=DEADLINE,
                           cwd=self.tmp.name)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def start(self):
        """A reset: rtpy boots through the bootloader and runs the application."""
        rc, out, err = self.rtpy()
        self.assertEqual((rc, err), (0, ""), out)
        return out

    def install(self, name, permanent=False):
        rc, out, err = self.rtpy(stdin=install_code(Images.data(name), permanent).encode())
        self.assertEqual((rc, err), (0, ""), out)
        return out

    def refused(self, img, reason, size=None):
        """finish() (or begin/write) raises ValueError naming reason; nothing is pending."""
        code = install_code(img, False)
        if size is not None:
            code = code.replace("ota.begin(%d)" % len(img), "ota.begin(%d)" % size)
        code = ("try:\n" + "".join("    " + l + "\n" for l in code.splitlines()) +
                "except ValueError as e:\n    print('ValueError', e)\n"
                "print('after', ota.pending())\n")
        rc, out, err = self.rtpy(stdin=code.encode())
        self.assertEqual((rc, err), (0, ""), out)
        self.assertIn("ValueError", out)
        self.assertIn(reason, out)
        self.assertIn("after None", out)

    def remote(self, *args, ok=True):
        p = subprocess.run([sys.executable, REMOTE, "-d", "host:" + RTPY,
                            "--target-arg=--flash=" + self.flash] + list(args),
                           capture_output=True, timeout=DEADLINE, cwd=self.tmp.name)
        if ok:
            self.assertEqual(p.returncode, 0, p.stderr.decode() + p.stdout.decode())
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    # ---- the whole cycle --------------------------------------------------------------------
    def test_update_cycle(self):
        # a fresh device: no image, boots silently as before, nothing running or pending
        self.assertEqual(self.rtpy("import ota; print(ota.running(), ota.pending())")[1],
                         "None None\n")
        out = self.install("v1", permanent=True)
        n = len(Images.data("v1"))
        self.assertIn("progress (%d, %d)" % (n, n), out)
        self.assertIn("pending ('1.0.0+0', 1, True) (%d, %d)" % (n, n), out)
        # machine.reset() ends the host program with status 6; every start boots through
        # the bootloader (with -c too: the application's main then does not run)
        rc, out, err = self.rtpy("import machine; machine.reset()")
        self.assertEqual((rc, out, err), (6, "boot: swap perm v1.0.0+0\n"
                                             "boot: primary v1.0.0+0 ok\n", ""))
        self.assertEqual(self.start(), "boot: primary v1.0.0+0 ok\nv1 util-v1 ('1.0.0+0', 0, True)\n")
        # v2 pushed by rtpy-remote as a test upgrade
        rc, out, err = self.remote("ota", Images.path("v2"))
        self.assertIn("v2.0.0+0 pending (test", out)
        out = self.start()
        self.assertIn("boot: swap test v2.0.0+0\n", out)
        self.assertTrue(out.endswith("v2 ('2.0.0+0', 0, False)\n"), out)
        # not confirmed: the next start reverts to v1
        out = self.start()
        self.assertIn("boot: revert to v1.0.0+0\n", out)
        self.assertTrue(out.endswith("v1 util-v1 ('1.0.0+0', 0, True)\n"), out)
        self.assertEqual(self.rtpy("import ota; print(ota.pending())")[1],
                         "boot: primary v1.0.0+0 ok\nNone\n")
        # again, and this time v2's main confirms itself; --reset boots it at once
        self.assertEqual(self.rtpy("open('/confirm', 'w').close()")[0], 0)
        self.remote("ota", "--reset", Images.path("v2"))
        for _ in range(2):
            out = self.start()
            self.assertEqual(out, "boot: primary v2.0.0+0 ok\nv2 ('2.0.0+0', 0, True)\n"
                                  "confirmed ('2.0.0+0', 0, True)\n")
        # the application's modules come first on sys.path; main.py on the file system does
        # not run while the image has a main
        self.assertEqual(self.rtpy("open('/main.py', 'w').write('print(\"fs main\")')")[0], 0)
        self.assertNotIn("fs main", self.start())
        rc, out, err = self.rtpy("import sys; print(sys.path[0])")
        self.assertEqual(out.splitlines()[-1], ".app")

    def test_tampered_images_refused(self):
        self.install("v1", permanent=True)
        self.start()
        good = Images.data("v2")
        hdr = 0x200
        payload = bytearray(good)
        payload[hdr + 20] ^= 0x04
        self.refused(bytes(payload), "hash")
        sig = bytearray(good)
        sig[-5] ^= 0x80
        self.refused(bytes(sig), "signature")
        self.refused(good[:len(good) - 40], "image refused")
        self.refused(good[:300], "image refused")
        self.refused(Images.data("v2-p256"), "image refused")
        self.refused(bytes(random.Random(1).getrandbits(8) for _ in range(3000)), "image refused")
        # fewer bytes than announced, more than announced
        self.refused(good, "incomplete", size=len(good) + 8)
        self.refused(good, "more data than", size=len(good) - 8)
        # nothing changed: v1 runs, no swap
        out = self.start()
        self.assertEqual(out, "boot: primary v1.0.0+0 ok\nv1 util-v1 ('1.0.0+0', 0, True)\n")
        rc, out, err = self.remote("ota", Images.path("v2-p256"), ok=False)
        self.assertEqual(rc, 1)
        self.assertIn("ValueError: image refused", err)

    def test_downgrade_refused(self):
        self.install("v3-cnt5", permanent=True)
        self.assertIn("v1 util-v1 ('3.0.0+0', 0, True)", self.start())
        self.refused(Images.data("v4-cnt2"), "security counter 2 is below the device's 5")
        self.refused(Images.data("v2"), "security counter 0 is below the device's 5")
        self.install("v4-cnt5")  # an equal counter is accepted
        self.assertIn("boot: swap test v4.0.0+0", self.start())

    def test_api_errors(self):
        code = ("import ota\n"
                "def t(f, *a):\n"
                "    try:\n        f(*a)\n        print('ok')\n"
                "    except Exception as e:\n        print(type(e).__name__, e)\n"
                "t(ota.write, b'x')\n"
                "t(ota.finish)\n"
                "t(ota.begin, 0)\n"
                "t(ota.begin, 0x100000 - 0x1000 + 1)\n"
                "t(ota.begin, 'big')\n"
                "t(ota.begin, 16)\n"
                "t(ota.write, 'text')\n"
                "t(ota.write, b'0123456789')\n"
                "print(ota.progress())\n"
                "t(ota.finish)\n"
                "t(ota.write, b'x')\n")
        rc, out, err = self.rtpy(code)
        self.assertEqual((rc, err), (0, ""), out)
        lines = out.splitlines()
        self.assertEqual(lines[0], "ValueError no update in progress (ota.begin first)")
        self.assertEqual(lines[1], "ValueError no update in progress (ota.begin first)")
        self.assertTrue(lines[2].startswith("ValueError image size must be 1..1044480"), lines[2])
        self.assertTrue(lines[3].startswith("ValueError image size must be"), lines[3])
        self.assertTrue(lines[4].startswith("TypeError"), lines[4])
        self.assertEqual(lines[5:8], ["ok", lines[6], "ok"])
        self.assertTrue(lines[6].startswith("TypeError"), lines[6])
        self.assertEqual(lines[8], "(10, 16)")
        self.assertEqual(lines[9], "ValueError image incomplete: 10 of 16 bytes written")
        # no flash: ENODEV
        p = subprocess.run([RTPY, "-c", "import ota\ntry:\n    ota.running()\n"
                            "except OSError as e:\n    print(e.args[0])"],
                           capture_output=True, timeout=DEADLINE)
        self.assertEqual(p.stdout.decode(), "19\n")
        p = subprocess.run([sys.executable, REMOTE, "-d", "host:" + RTPY, "ota", Images.path("v1")],
                           capture_output=True, timeout=DEADLINE, cwd=self.tmp.name)
        self.assertEqual(p.returncode, 1)
        self.assertIn("the device has no flash (ENODEV", p.stderr.decode())

    def test_update_refused_while_test_image_runs(self):
        self.install("v1", permanent=True)
        self.start()
        self.install("v2")
        # in the same run as v2's main (a new run would be a reset: the revert)
        rc, out, err = self.rtpy(stdin=b"import ota\ntry:\n    ota.begin(100)\n"
                                       b"except ValueError as e:\n    print(e)\n")
        self.assertIn("v2 ('2.0.0+0', 0, False)", out)
        self.assertIn("the running image is a test", out)
        # the revert copy is intact
        self.assertIn("boot: revert to v1.0.0+0", self.start())

    def test_payload_not_a_bundle(self):
        # imgtool's fixture image: valid and signed with the test key, its payload random bytes
        fixture = os.path.join(TOP, "tests", "data", "mcuboot", "app-ed25519.signed.bin")
        with open(fixture, "rb") as f:
            img = f.read()
        rc, out, err = self.rtpy(stdin=install_code(img, True).encode())
        self.assertEqual((rc, err), (0, ""), out)
        self.assertEqual(self.rtpy("open('/main.py', 'w').write('print(\"fs main\")')")[0], 0)
        out = self.start()
        self.assertIn("rtpy: the image holds no application bundle (no bundle header)\n", out)
        self.assertTrue(out.endswith("fs main\n"), out)

    def test_malformed_bundles(self):
        # signed with the trusted key, so the bootloader runs them: the bundle is refused (or
        # the bad module raises on import), never a crash
        def bundle(entries, count=None, version=1, extra=b""):
            out = b"RPYB" + struct.pack("<HH", version, len(entries) if count is None else count)
            for n, d in entries:
                out += struct.pack("<H", len(n)) + n + struct.pack("<I", len(d)) + d
            return out + extra
        cases = [
            (bundle([(b"main.rpyc", b"x")], count=5), "(truncated entry)"),
            (bundle([(b"main.rpyc", b"x")], extra=b"zz"), "(bytes after the last entry)"),
            (bundle([(b"main.rpyc", b"x")], version=9), "(bundle format version not supported)"),
            (b"RPYB" + struct.pack("<HHH", 1, 1, 9) + b"main.rpyc" + struct.pack("<I", 0xfffffff0),
             "(entry beyond the end)"),
            (bundle([(b"", b"x")]), "(bad entry name)"),
            (b"RPY", "(no bundle header)"),
        ]
        for i, (blob, why) in enumerate(cases):
            name = "bad%d" % i
            with open(os.path.join(Images.dir, name + ".bin"), "wb") as f:
                f.write(blob)
            Images.sign(name, "1.0.%d" % i)
            if os.path.exists(self.flash):
                os.remove(self.flash)
            self.install(name, permanent=True)
            out = self.start()
            self.assertIn("rtpy: the image holds no application bundle %s\n" % why, out)
        # a main that is not a valid .rpyc: ValueError printed, the REPL (here: stdin) goes on
        with open(os.path.join(Images.dir, "badrpyc.bin"), "wb") as f:
            f.write(bundle([(b"main.rpyc", b"RPYC garbage")]))
        Images.sign("badrpyc", "1.0.0")
        os.remove(self.flash)
        self.install("badrpyc", permanent=True)
        rc, out, err = self.rtpy(stdin=b"print('alive')\n")
        self.assertEqual((rc, out.splitlines()[-1]), (0, "alive"), out)
        self.assertIn("ValueError: corrupt .rpyc file", err)

    def test_bundle_without_main(self):
        # its modules import; main.py from the file system runs
        rc, out, err = self.rtpy(stdin=install_code(Images.data("nomain"), True).encode())
        self.assertEqual((rc, err), (0, ""), out)
        self.assertEqual(self.rtpy("open('/main.py', 'w').write('import util; print(\"fs main\", util.NAME)')")[0], 0)
        self.assertTrue(self.start().endswith("fs main 1\n"))


class Qemu(unittest.TestCase):
    """The ota module on the firmware: the image lands in the secondary and is pending. rtpy.elf
    runs without the bootloader, so nothing installs it (test_qemu_ota.py does that)."""
    def test_ota_writes_secondary(self):
        if not ELF:
            self.skipTest("no firmware (--qemu ELF)")
        Images.make()
        with tempfile.TemporaryDirectory() as d:
            args = [sys.executable, REMOTE, "-d", "qemu:" + os.path.abspath(ELF),
                    "--target-arg=--flash=flash.bin", "-t", "30"]
            p = subprocess.run(args + ["ota", "--permanent", Images.path("v1")],
                               capture_output=True, timeout=300, cwd=d)
            self.assertEqual(p.returncode, 0, p.stderr.decode() + p.stdout.decode())
            self.assertIn("v1.0.0+0 pending (permanent)", p.stdout.decode())
            p = subprocess.run(args + ["exec", "import ota; print(ota.running(), ota.pending())"],
                               capture_output=True, timeout=300, cwd=d)
            self.assertEqual(p.stdout.decode().strip(), "None ('1.0.0+0', 1, True)",
                             p.stderr.decode())
            with open(os.path.join(d, "flash.bin"), "rb") as f:
                f.seek(0x120000)
                img = Images.data("v1")
                self.assertEqual(f.read(len(img)), img)


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
        tests = loader.loadTestsFromTestCase(Qemu)
    else:
        tests = loader.loadTestsFromTestCase(Host)
    suite.run_tests(tests, verbose=a.v)


if __name__ == "__main__":
    main()
