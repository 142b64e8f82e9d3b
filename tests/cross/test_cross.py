#!/usr/bin/python3
"""rtpy-cross and precompiled (.rpyc) modules, end to end (docs/cross.md).

  - the modules of tests/cross/mods, precompiled, imported by rtpy from a directory holding
    only .rpyc files: stdout, exit status and traceback (file, line, function) compared with
    CPython importing the .py;
  - import precedence (.py before .rpyc, packages first), running a .rpyc as the script;
  - incompatible files (format version, bytecode signature, feature flags), truncation at
    every byte offset through import, corruption: ValueError, the module not left behind;
  - the rtpy-cross command line (output names, -s, --version, errors, exit codes);
  - with --qemu ELF: the same precompiled bytes, made here on the 64-bit host, loaded and run
    by the 32-bit firmware in QEMU (micropython.rpyc_loads: the board has no file system to
    import from), output compared with CPython's.

usage: tests/cross/test_cross.py [--rtpy PATH] [--cross PATH] [--qemu ELF] [-v]
Prints "N passed, N failed"; exits non-zero on a failure.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MODS = HERE / "mods"
RTPY = str(ROOT / "build/host/rtpy")
CROSS = str(ROOT / "build/host/rtpy-cross")
QEMU_ELF = None
CPYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
TIMEOUT = 60


def env():
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e["PYTHONUTF8"] = "1"
    return e


def run(argv, cwd, stdin=None):
    p = subprocess.run(argv, cwd=cwd, input=stdin, capture_output=True, timeout=TIMEOUT, env=env())
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cross(*args, cwd=None):
    return run([CROSS] + [str(a) for a in args], cwd or ROOT)


def tb_frames(stderr):
    """The frames of a traceback as (file name, line, function), and its last line."""
    frames = [(os.path.basename(m[1]), int(m[2]), m[3])
              for m in re.finditer(r'^\s*File "([^"]*)", line (\d+), in (\S+)', stderr, re.M)]
    lines = [l for l in stderr.splitlines() if l.strip()]
    return frames, lines[-1] if lines else ""


def compile_tree(src_root, names, dest):
    """Precompiles src_root/NAME for every name (relative paths) into dest, keeping
    NAME as the stored file name."""
    for name in names:
        out = Path(dest) / Path(name).with_suffix(".rpyc")
        out.parent.mkdir(parents=True, exist_ok=True)
        rc, _, err = cross("-o", out, "-s", name, Path(src_root) / name)
        assert rc == 0, err


def payload_fixed(data):
    """data with its header's length and CRC made to match its payload."""
    payload = data[20:]
    return data[:12] + struct.pack("<II", len(payload), zlib.crc32(payload)) + payload


class Tmp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="rtpy-cross-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, rel, text):
        p = Path(self.tmp) / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text if isinstance(text, bytes) else text.encode())
        return p

    def rpyc(self, rel, source, name=None):
        """Compiles source into tmp/rel (an .rpyc), through a .py removed afterwards."""
        src = self.write("_src/" + Path(rel).with_suffix(".py").name, source)
        out = Path(self.tmp) / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        rc, _, err = cross("-o", out, "-s", name or Path(rel).with_suffix(".py").name, src)
        self.assertEqual(rc, 0, err)
        return out


# ---- compared with CPython ------------------------------------------------------------------
class AgainstCPython(Tmp):
    def compare(self, module, files):
        compile_tree(MODS, files, self.tmp)
        self.assertFalse(list(Path(self.tmp).rglob("*.py")), "only precompiled files")
        code = "import " + module
        got = run([RTPY, "-c", code], self.tmp)
        exp = run([CPYTHON, "-c", code], MODS)
        self.assertEqual(got[1], exp[1], "stdout")
        self.assertEqual(got[0], exp[0], "exit status; rtpy stderr:\n" + got[2])
        return got, exp

    def test_functions(self):
        self.compare("funcs", ["funcs.py"])

    def test_classes(self):
        self.compare("classes", ["classes.py"])

    def test_constants(self):
        self.compare("consts", ["consts.py"])

    def test_coroutines(self):
        self.compare("asyncs", ["asyncs.py"])

    def test_package(self):
        self.compare("usepkg", ["usepkg.py", "pkg/__init__.py", "pkg/helpers.py"])

    def test_traceback_lines(self):
        got, exp = self.compare("excs", ["excs.py"])
        gf, glast = tb_frames(got[2])
        ef, elast = tb_frames(exp[2])
        self.assertEqual(glast, elast)
        # CPython 3.11 shows the list comprehension as a frame of its own, rtpy too
        self.assertEqual(gf, ef, got[2])
        self.assertIn(("excs.py", 50, "level3"), gf)


# ---- import ------------------------------------------------------------------------------------
class Import(Tmp):
    def test_source_before_precompiled(self):
        self.rpyc("m.rpyc", "print('precompiled')\n")
        self.write("m.py", "print('source')\n")
        self.assertEqual(run([RTPY, "-c", "import m"], self.tmp)[1], "source\n")
        os.remove(Path(self.tmp) / "m.py")
        self.assertEqual(run([RTPY, "-c", "import m; print(m.__file__)"], self.tmp)[1],
                         "precompiled\nm.rpyc\n")

    def test_package_precedence(self):
        self.rpyc("p/__init__.rpyc", "print('package rpyc')\n")
        self.rpyc("p.rpyc", "print('module rpyc')\n")
        self.assertEqual(run([RTPY, "-c", "import p; print(p.__path__)"], self.tmp)[1],
                         "package rpyc\n['p']\n")
        self.write("p/__init__.py", "print('package source')\n")
        self.assertEqual(run([RTPY, "-c", "import p"], self.tmp)[1], "package source\n")

    def test_earlier_path_entry_wins(self):
        # the search is per directory: an .rpyc early on sys.path hides a .py later on it
        self.rpyc("a/m.rpyc", "print('a rpyc')\n")
        self.write("b/m.py", "print('b source')\n")
        out = run([RTPY, "-c", "import sys; sys.path[:0] = ['a', 'b']; import m"], self.tmp)[1]
        self.assertEqual(out, "a rpyc\n")

    def test_run_rpyc_script(self):
        path = self.rpyc("prog.rpyc", "import sys\nprint('hi', __name__)\nraise SystemExit(3)\n")
        self.assertEqual(run([RTPY, str(path)], self.tmp)[:2], (3, "hi __main__\n"))

    def test_tracebacks_keep_the_stored_name(self):
        self.rpyc("t.rpyc", "def f():\n    return 1 // 0\n\nf()\n", name="lib/t.py")
        rc, _, err = run([RTPY, "-c", "import t"], self.tmp)
        self.assertEqual(rc, 1)
        frames, last = tb_frames(err)
        self.assertEqual(frames[-2:], [("t.py", 4, "<module>"), ("t.py", 2, "f")])
        self.assertIn('File "lib/t.py", line 2, in f', err)
        self.assertEqual(last, "ZeroDivisionError: integer division or modulo by zero")

    def check_bad(self, data, message):
        self.write("bad.rpyc", data)
        code = ("import sys\ntry:\n    import bad\nexcept ValueError as e:\n    print('ValueError:', e)\n"
                "print('bad' in sys.modules)\n")
        rc, out, err = run([RTPY, "-c", code], self.tmp)
        self.assertEqual((rc, out), (0, "ValueError: %s\nFalse\n" % message), err)

    def good(self):
        return self.rpyc("good.rpyc", "X = [1, 2.5, 'three']\n").read_bytes()

    def test_format_version_mismatch(self):
        data = bytearray(self.good())
        data[4:6] = struct.pack("<H", 2)
        self.check_bad(bytes(data), "incompatible .rpyc file: format version 2, expected 1")

    def test_bytecode_signature_mismatch(self):
        data = bytearray(self.good())
        sig = struct.unpack_from("<I", data, 8)[0]
        data[8:12] = struct.pack("<I", sig ^ 1)
        self.check_bad(bytes(data), "incompatible .rpyc file: bytecode version %x, expected %x "
                       "(recompile it with this build's rtpy-cross)" % (sig ^ 1, sig))

    def test_unknown_feature(self):
        data = bytearray(self.good())
        data[6:8] = struct.pack("<H", 0x8001)
        self.check_bad(bytes(data), "incompatible .rpyc file: unknown feature flags 0x8000")

    def test_not_rpyc(self):
        self.check_bad(b"print('source in an .rpyc')\n", "not an .rpyc file (bad magic)")

    def test_checksum(self):
        data = bytearray(self.good())
        data[-3] ^= 0x40
        self.check_bad(bytes(data), "corrupt .rpyc file: checksum mismatch")

    def test_truncated_at_every_offset(self):
        # every prefix of a real module, imported: each one a ValueError, none left in
        # sys.modules, no crash (the loop runs in one rtpy process)
        data = self.rpyc("whole.rpyc", (MODS / "classes.py").read_text()).read_bytes()
        code = """
import sys
data = open('whole.rpyc', 'rb').read()
errors = set()
for n in range(len(data)):
    with open('cut.rpyc', 'wb') as f:
        f.write(data[:n])
    try:
        import cut
        print('imported a file cut at', n)
    except ValueError as e:
        errors.add(str(e))
    assert 'cut' not in sys.modules
print(len(data) > 1000, sorted(errors))
"""
        rc, out, err = run([RTPY, "-c", code], self.tmp)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, "True ['corrupt .rpyc file: truncated', 'corrupt .rpyc file: truncated header', "
                              "'not an .rpyc file (bad magic)']\n")
        self.assertGreater(len(data), 1000)

    def test_truncated_payload_with_valid_checksum(self):
        # the checksum would reject a cut file at once: give every cut payload a matching
        # header so that the parser itself meets the end at every offset
        data = self.rpyc("whole.rpyc", (MODS / "funcs.py").read_text()).read_bytes()
        self.write("whole2.rpyc", data)
        code = """
import micropython, binascii, struct
data = open('whole2.rpyc', 'rb').read()
ok = 0
for n in range(20, len(data)):
    p = data[20:n]
    cut = data[:12] + struct.pack('<II', len(p), binascii.crc32(p)) + p
    try:
        micropython.rpyc_loads(cut)
    except ValueError as e:
        ok += str(e).startswith('corrupt .rpyc file: ')
print(ok == len(data) - 20)
"""
        rc, out, err = run([RTPY, "-c", code], self.tmp)
        self.assertEqual((rc, out), (0, "True\n"), err)


# ---- the command line ---------------------------------------------------------------------------
class CommandLine(Tmp):
    def test_default_output_name(self):
        self.write("dir/mod.py", "print(6 * 7)\n")
        rc, out, err = cross("dir/mod.py", cwd=self.tmp)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertTrue((Path(self.tmp) / "dir/mod.rpyc").exists())
        self.assertEqual(run([RTPY, "-c", "import sys; sys.path.insert(0, 'dir'); import mod"], self.tmp)[1], "42\n")

    def test_output_and_stored_name(self):
        self.write("a.py", "def f():\n    raise KeyError(1)\nf()\n")
        os.makedirs(Path(self.tmp) / "out", exist_ok=True)
        self.assertEqual(cross("-s", "app/a.py", "-o", "out/x.rpyc", "a.py", cwd=self.tmp)[0], 0)
        rc, _, err = run([RTPY, "out/x.rpyc"], self.tmp)
        self.assertEqual(rc, 1)
        self.assertIn('File "app/a.py", line 2, in f', err)

    def test_deterministic(self):
        self.write("d.py", (MODS / "consts.py").read_text())
        cross("-o", "1.rpyc", "d.py", cwd=self.tmp)
        cross("-o", "2.rpyc", "d.py", cwd=self.tmp)
        a, b = (Path(self.tmp) / "1.rpyc").read_bytes(), (Path(self.tmp) / "2.rpyc").read_bytes()
        self.assertEqual(a, b)
        self.assertEqual(a[:4], b"RPYC")

    def test_same_bytes_as_compile_in_rtpy(self):
        # rtpy-cross is the compiler of rtpy: compile() + micropython.rpyc_dumps in rtpy
        # writes the same file
        self.write("s.py", (MODS / "funcs.py").read_text())
        cross("-o", "s.rpyc", "-s", "s.py", "s.py", cwd=self.tmp)
        code = ("import micropython\nsrc = open('s.py').read()\n"
                "d = micropython.rpyc_dumps(compile(src, 's.py', 'exec'))\n"
                "print(d == open('s.rpyc', 'rb').read())\n")
        self.assertEqual(run([RTPY, "-c", code], self.tmp)[1], "True\n")

    def test_version(self):
        rc, out, _ = cross("--version")
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^rtpy-cross: \.rpyc format 1, bytecode [0-9a-f]{8}\n$")

    def test_syntax_error(self):
        self.write("bad.py", "x = 1\ndef f(:\n    pass\n")
        rc, out, err = cross("bad.py", cwd=self.tmp)
        self.assertEqual(rc, 1)
        self.assertIn('File "bad.py", line 2', err)
        self.assertIn("SyntaxError", err)
        self.assertFalse((Path(self.tmp) / "bad.rpyc").exists())

    def test_errors(self):
        self.assertEqual(cross("missing.py", cwd=self.tmp)[0], 1)
        self.assertEqual(cross(cwd=self.tmp)[0], 2)
        self.assertEqual(cross("-x", "a.py", cwd=self.tmp)[0], 2)
        self.assertEqual(cross("a.py", "b.py", cwd=self.tmp)[0], 2)
        self.write("a.py", "pass\n")
        rc, _, err = cross("-o", "no/such/dir/a.rpyc", "a.py", cwd=self.tmp)
        self.assertEqual(rc, 1)
        self.assertIn("no/such/dir/a.rpyc", err)


# ---- the board ----------------------------------------------------------------------------------
class OnTheBoard(Tmp):
    """The bytes rtpy-cross writes here, loaded by the 32-bit firmware in QEMU."""

    def test_host_bytes_on_qemu(self):
        if QEMU_ELF is None:
            self.skipTest("no --qemu ELF")
        tests = Path(self.tmp) / "board"
        tests.mkdir()
        for name in ("funcs", "classes", "consts", "excs", "asyncs"):
            rc, _, err = cross("-o", Path(self.tmp) / (name + ".rpyc"), "-s", name + ".py", MODS / (name + ".py"))
            self.assertEqual(rc, 0, err)
            data = (Path(self.tmp) / (name + ".rpyc")).read_bytes()
            prog = ("import micropython\ncode = micropython.rpyc_loads(%r)\n" % data +
                    "try:\n    exec(code, {'__name__': %r})\n" % name +
                    "except Exception as e:\n    print('uncaught', type(e).__name__, e)\n")
            (tests / ("host_%s.py" % name)).write_text(prog)
            # expected: CPython importing the source (an uncaught exception as printed above)
            exp = run([CPYTHON, "-c", "try:\n    import %s\nexcept Exception as e:\n"
                       "    print('uncaught', type(e).__name__, e)\n" % name], MODS)
            (tests / ("host_%s.py.exp" % name)).write_text(exp[1])
        rc, out, err = run([CPYTHON, str(ROOT / "tests/run_py.py"), "--qemu", QEMU_ELF, "-v", str(tests)], ROOT)
        self.assertEqual(rc, 0, out + err)
        self.assertIn("5 passed, 0 failed", out)


def main():
    global RTPY, CROSS, QEMU_ELF
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("--cross", default=CROSS)
    ap.add_argument("--qemu", metavar="ELF")
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_args()
    RTPY, CROSS = os.path.abspath(opts.rtpy), os.path.abspath(opts.cross)
    QEMU_ELF = opts.qemu and os.path.abspath(opts.qemu)
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2 if opts.verbose else 1, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    print("%d passed, %d failed%s" % (result.testsRun - failed - skipped, failed,
                                       ", %d skipped" % skipped if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
