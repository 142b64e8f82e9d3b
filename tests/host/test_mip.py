#!/usr/bin/python3
"""Packages (docs/packages.md): `mip.install` on the simulated board (rtpy --flash=FILE, over
the host port's socket module and lib/requests) and `rtpy-remote mip install` from the PC,
against a local micropython-lib style index (tests/mip/index, made by tests/mip/make_index.py)
served on 127.0.0.1 by http.server's handler, which logs every request. Checks: a package
and its dependency installed and importable, a second install downloading no file, the
precompiled (.rpyc) tree preferred when the index has one, a single-file URL, and a hash
mismatch, a missing package, a missing dependency or broken JSON giving a clear error with
the device's files left as they were.

Usage: tests/host/test_mip.py [--rtpy build/host/rtpy] [--cross build/host/rtpy-cross] [-v]
Prints "N passed, N failed"; exits non-zero on a failure. CPython's stdlib only.
"""
import argparse
import functools
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
RTPY = "build/host/rtpy"
CROSS = "build/host/rtpy-cross"
REMOTE = os.path.join(TOP, "tools", "rtpy-remote")
MIPDIR = os.path.join(TOP, "tests", "mip")
DEADLINE = 60


class Handler(http.server.SimpleHTTPRequestHandler):
    log = []

    def log_message(self, fmt, *args):
        Handler.log.append((self.path, args[1] if len(args) > 1 else ""))

    def do_GET(self):
        if self.path == "/redirect":  # to fmtlib's package file
            self.send_response(302)
            self.send_header("Location", "/index/package/py/fmtlib/latest.json")
            self.end_headers()
        else:
            super().do_GET()

    def do_POST(self):  # /echo: the body back, upper-cased, in two chunks
        body = self.rfile.read(int(self.headers["Content-Length"])).upper()
        self.send_response(201, "Made")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("X-Type", self.headers.get("Content-Type", ""))
        self.end_headers()
        half = len(body) // 2
        for part in (body[:half], body[half:], b""):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))


class MipTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rtpy-mip-test-")
        cls.root = os.path.join(cls.tmp, "www")  # index/ and src/ as in tests/mip
        shutil.copytree(MIPDIR, cls.root)
        handler = functools.partial(Handler, directory=cls.root)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.url = "http://127.0.0.1:%d" % cls.server.server_address[1]
        cls.index = cls.url + "/index"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.flash = os.path.join(self.tmp, "flash-%s.bin" % self.id().rpartition(".")[2])
        Handler.log.clear()

    def rtpy(self, code, expect=0):
        p = subprocess.run([RTPY, "--flash=" + self.flash, "-c", code], capture_output=True,
                           text=True, timeout=DEADLINE)
        self.assertEqual(p.returncode, expect, p.stdout + p.stderr)
        return p.stdout

    def install(self, name, extra=""):
        """mip.install on the board; → its output, the MipError's text last if one came."""
        return self.rtpy("import mip\ntry:\n    mip.install(%r, index=%r%s)\n"
                         "except mip.MipError as e:\n    print('MipError:', e)\n"
                         % (name, self.index, extra))

    def tree(self):
        """{path: sha256} of every file on the board's flash."""
        out = self.rtpy("import os, hashlib, binascii\n"
                        "def walk(d):\n"
                        "    for n in os.listdir(d):\n"
                        "        p = d.rstrip('/') + '/' + n\n"
                        "        if os.stat(p)[0] & 0x4000:\n"
                        "            walk(p)\n"
                        "        else:\n"
                        "            print(p, binascii.hexlify(hashlib.sha256(open(p, 'rb').read()).digest()).decode())\n"
                        "walk('/')\n")
        return dict(line.split() for line in out.splitlines())

    def files_fetched(self):
        return [p for p, _ in Handler.log if "/file/" in p]

    def test_install_and_import(self):
        out = self.install("greet")
        self.assertIn("Done: 3 file(s) written, 0 already there", out)
        self.assertEqual(sorted(self.tree()), ["/lib/fmtlib.py", "/lib/greet/__init__.py",
                                               "/lib/greet/words.py"])
        self.assertEqual(self.rtpy("import greet\nprint(greet.hello('board'))\n"),
                         "HELLO, BOARD!\n")
        self.assertEqual(len(self.files_fetched()), 3)
        # again: the files' hashes match, nothing is downloaded but the package files
        Handler.log.clear()
        out = self.install("greet")
        self.assertIn("Done: 0 file(s) written, 3 already there", out)
        self.assertEqual(self.files_fetched(), [])
        self.assertTrue(any(p.endswith("/py/greet/latest.json") for p, _ in Handler.log))
        # a file changed on the board is downloaded again, the others not
        self.rtpy("open('/lib/greet/words.py', 'w').write('WORD = \"bye\"\\n')\n")
        Handler.log.clear()
        self.assertIn("Done: 1 file(s) written, 2 already there", self.install("greet"))
        self.assertEqual(len(self.files_fetched()), 1)

    def test_version_and_target(self):
        out = self.install("fmtlib", ", version='0.2', target='/apps'")
        self.assertIn("Installing fmtlib 0.2 to /apps", out)
        self.assertEqual(list(self.tree()), ["/apps/fmtlib.py"])
        self.assertTrue(any(p.endswith("/py/fmtlib/0.2.json") for p, _ in Handler.log))
        out = self.install("fmtlib", ", version='9.9'")
        self.assertIn("MipError: package fmtlib not found", out)

    def test_url(self):
        out = self.install(self.url + "/src/fmtlib/fmtlib.py")
        self.assertIn("Done: 1 file(s) written", out)
        self.assertEqual(self.rtpy("import fmtlib\nprint(fmtlib.shout('x'))\n"), "X!\n")

    def test_precompiled(self):
        # an index that has fmtlib precompiled for this build under package/rpyc-F-BBBBBBBB/
        seg = self.rtpy("import micropython\nh = micropython.rpyc_dumps(compile('', '', 'exec'))\n"
                        "print('rpyc-%d-%08x' % (h[4] | h[5] << 8, int.from_bytes(h[8:12], 'little')))\n").strip()
        rpyc = os.path.join(self.tmp, "fmtlib.rpyc")
        subprocess.run([CROSS, "-o", rpyc, os.path.join(MIPDIR, "src", "fmtlib", "fmtlib.py")],
                       check=True)
        data = open(rpyc, "rb").read()
        h = hashlib.sha256(data).hexdigest()[:8]
        os.makedirs(os.path.join(self.root, "index", "file", h[:2]), exist_ok=True)
        with open(os.path.join(self.root, "index", "file", h[:2], h), "wb") as f:
            f.write(data)
        pkg = os.path.join(self.root, "index", "package", seg, "fmtlib")
        os.makedirs(pkg, exist_ok=True)
        with open(os.path.join(pkg, "latest.json"), "w") as f:
            json.dump({"v": 1, "version": "0.2", "hashes": [["fmtlib.rpyc", h]], "deps": []}, f)
        try:
            self.install("greet")
            self.assertEqual(sorted(self.tree()), ["/lib/fmtlib.rpyc", "/lib/greet/__init__.py",
                                                   "/lib/greet/words.py"])
            self.assertEqual(self.rtpy("import greet, fmtlib\nprint(greet.hello('b'), fmtlib.__file__)\n"),
                             "HELLO, B! /lib/fmtlib.rpyc\n")
            self.assertIn("/index/package/%s/greet/latest.json" % seg, [p for p, _ in Handler.log])
            # mpy=False: the sources
            self.install("fmtlib", ", mpy=False")
            self.assertIn("/lib/fmtlib.py", self.tree())
        finally:
            shutil.rmtree(os.path.join(self.root, "index", "package", seg))

    def check_refused(self, name, message):
        self.install("greet")
        self.rtpy("open('/lib/badhash.py', 'w').write('VALUE = 0\\n')\n")  # an older version
        before = self.tree()
        out = self.install(name)
        self.assertIn(message, out)
        self.assertEqual(self.tree(), before)  # no new, changed or temporary file

    def test_hash_mismatch(self):
        self.check_refused("badhash", "MipError: badhash.py: hash mismatch (expected e13df8c4...")

    def test_hash_mismatch_after_good_file(self):
        self.check_refused("mixed", "MipError: badhash.py: hash mismatch")
        self.assertIn("/index/file/", " ".join(self.files_fetched()))  # mixed.py came first

    def test_missing(self):
        self.check_refused("nosuch", "MipError: package nosuch not found (%s/package/py/nosuch/"
                           "latest.json)" % self.index)

    def test_missing_dependency(self):
        self.check_refused("needsmissing", "MipError: package nosuchpkg not found")

    def test_broken_json(self):
        self.check_refused("brokenjson", "MipError: package brokenjson: broken JSON at %s/package/"
                           "py/brokenjson/latest.json" % self.index)

    def test_no_server(self):
        out = self.rtpy("import mip\ntry:\n    mip.install('greet', index='http://127.0.0.1:1')\n"
                        "except mip.MipError as e:\n    print('MipError:', e)\n")
        self.assertIn("Connection refused", out)

    def test_requests(self):
        out = self.rtpy("import requests\n"
                        "r = requests.get(%r)\n"
                        "print(r.status_code, r.json()['version'], r.headers['content-type'])\n"
                        "r.close()\n"
                        "r = requests.post(%r, json={'a': 'b'})\n"
                        "print(r.status_code, r.reason, r.text, r.headers['x-type'])\n"
                        "print(requests.get(%r).status_code)\n"
                        "try:\n    requests.get('https://example.com/')\n"
                        "except ValueError as e:\n    print(e)\n"
                        % (self.url + "/redirect", self.url + "/echo", self.url + "/nothing"))
        self.assertEqual(out, '200 0.2 application/json\n201 Made {"A": "B"} application/json\n'
                         "404\nhttps is not supported (no TLS on this port): https://example.com/\n")

    def test_socket_with_flash(self):
        # select.poll on sockets while the flash's file system is the root (its own handles)
        script = os.path.join(TOP, "tests", "py", "socket", "echo_tcp.py")
        plain = subprocess.run([RTPY, script], capture_output=True, text=True, timeout=DEADLINE)
        flash = subprocess.run([RTPY, "--flash=" + self.flash, script], capture_output=True,
                               text=True, timeout=DEADLINE)
        self.assertEqual(flash.stdout, plain.stdout)
        self.assertIn("1 True\nb'X'\n", flash.stdout)

    def remote(self, *args):
        return subprocess.run([REMOTE, "-d", "host:" + os.path.abspath(RTPY),
                               "--target-arg=--flash=" + self.flash] + list(args),
                              capture_output=True, text=True, timeout=DEADLINE, cwd=self.tmp)

    def test_remote(self):
        p = self.remote("mip", "install", "--index", self.index, "greet", "+",
                        "exec", "import greet; print(greet.hello('pc'))")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("mip: greet: 3 file(s) to /lib", p.stdout)
        self.assertIn("HELLO, PC!", p.stdout)
        self.assertEqual(sorted(self.tree()), ["/lib/fmtlib.py", "/lib/greet/__init__.py",
                                               "/lib/greet/words.py"])
        p = self.remote("mip", "install", "--index", self.index, "--target", "/x", "--version",
                        "0.2", "fmtlib")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("/x/fmtlib.py", self.tree())
        before = self.tree()
        for name, msg in [("mixed", "mip: badhash.py: hash mismatch"),
                          ("nosuch", "mip: package nosuch not found"),
                          ("brokenjson", "mip: package brokenjson: broken JSON")]:
            p = self.remote("mip", "install", "--index", self.index, name)
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertIn(msg, p.stderr)
        self.assertEqual(self.tree(), before)


def main():
    global RTPY, CROSS
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("--cross", default=CROSS)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    RTPY, CROSS = os.path.abspath(a.rtpy), os.path.abspath(a.cross)
    suite.run(MipTest, verbose=a.v)


if __name__ == "__main__":
    main()
