#!/usr/bin/python3
"""The host program `rtpy` as a user meets it: command line, exit codes, tracebacks on
stderr (compared with CPython's), piped input and the interactive REPL on a terminal.
With --qemu ELF: the same REPL tests on the firmware's console in QEMU, plus what only a
board does (soft reset, paste and raw modes).

Usage: tests/host/test_host.py [--rtpy build/host/rtpy | --qemu ELF] [-v]
Prints "N passed, N failed" and exits non-zero on a failure. Needs only CPython's stdlib.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import suite

RTPY = "build/host/rtpy"
REPL_CMD = None  # the command whose console the Repl tests drive (rtpy, or QEMU)
QEMU = ("qemu-system-arm -M mps2-an385 -nographic -monitor none -semihosting-config "
        "enable=on,target=native")
BOARD = False  # testing a board's REPL
CPYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
DEADLINE = 20.0  # seconds a step may take before the test gives up (a hang is a failure)


def run(prog, args, cwd, stdin=None):
    p = subprocess.run([prog] + args, cwd=cwd, input=stdin, capture_output=True,
                       timeout=DEADLINE)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def normalise_tb(text, cwd):
    """CPython 3.11 prints absolute script paths and ^~~~ markers under source lines; rtpy
    prints the path as given and a marker only for SyntaxError. Compare the rest."""
    text = text.replace(cwd + os.sep, "")
    return "\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[\^~]+\s*", l))


# Programs whose uncaught exception must print the same traceback as CPython.
TRACEBACKS = {
    "chained_from": '''
def inner(x):
    return 1 / x
def outer():
    return inner(0)
class C:
    def m(self):
        try:
            outer()
        except ZeroDivisionError as e:
            raise ValueError("bad") from e
C().m()
''',
    "context": '''
try:
    {}["k"]
except KeyError:
    x = undefined_name
''',
    "suppressed_context": '''
try:
    [][1]
except IndexError:
    raise RuntimeError("clean") from None
''',
    "generator": '''
def gen():
    yield 1
    raise KeyError("g")
def use():
    return list(gen())
use()
''',
    "recursion": '''
def f(n):
    return f(n + 1)
f(0)
''',
    "short_repeat": '''
def g(n):
    if n == 4:
        raise ValueError("x")
    return g(n + 1)
g(0)
''',
    "custom_class": '''
class MyErr(Exception):
    pass
def go():
    raise MyErr("in main", 42)
go()
''',
    "no_message": '''
def f():
    raise AssertionError
f()
''',
    "in_init": '''
class P:
    def __init__(self, v):
        self.v = int(v)
P("x")
''',
    "import_error": '''
import _bad_helper
''',
    "syntax_error": '''
x = 1
def f(:
    pass
''',
    "indentation_error": '''
if True:
  x = 1
    y = 2
''',
    "str_fails": '''
class E(Exception):
    def __str__(self):
        raise TypeError("no")
raise E()
''',
}

HELPERS = {"_bad_helper.py": "def f():\n    raise OSError(5, 'boom')\nf()\n"}


class Tracebacks(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtpy-host-")
        for name, src in HELPERS.items():
            with open(os.path.join(self.dir, name), "w") as f:
                f.write(src)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_tracebacks_match_cpython(self):
        for name, src in TRACEBACKS.items():
            with self.subTest(name):
                path = os.path.join(self.dir, name + ".py")
                with open(path, "w") as f:
                    f.write(src.lstrip("\n"))
                rc, out, err = run(RTPY, [name + ".py"], self.dir)
                crc, cout, cerr = run(CPYTHON, [name + ".py"], self.dir)
                self.assertEqual(rc, crc)
                self.assertEqual(out, cout)
                if name == "str_fails":  # CPython prints <exception str() failed> too
                    self.assertIn("E: <exception str() failed>", err)
                    continue
                self.assertEqual(normalise_tb(err, self.dir), normalise_tb(cerr, self.dir))


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtpy-host-")
        with open(os.path.join(self.dir, "argv.py"), "w") as f:
            f.write("import sys\nprint(sys.argv[1:], __name__)\n")
        with open(os.path.join(self.dir, "quit3.py"), "w") as f:
            f.write("import sys\nprint('out')\nsys.exit(3)\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def same(self, args, stdin=None):
        r = run(RTPY, args, self.dir, stdin)
        c = run(CPYTHON, args, self.dir, stdin)
        self.assertEqual(r[:2], c[:2], args)
        return r

    def test_script_args(self):
        self.same(["argv.py", "a", "-b", "--c"])

    def test_dash_c(self):
        self.same(["-c", "import sys; print(sys.argv, 6 * 7)", "x", "y"])

    def test_dash_m(self):
        self.same(["-m", "argv", "q"])

    def test_exit_code(self):
        self.same(["quit3.py"])
        self.same(["-c", "raise SystemExit('bye')"])
        self.same(["-c", "raise SystemExit"])

    def test_missing_file_and_module(self):
        rc, _, err = self.same(["nope.py"])
        self.assertEqual(rc, 2)
        self.assertIn("can't open file", err)
        rc, _, err = self.same(["-m", "nomod"])
        self.assertIn("No module named nomod", err)

    def test_piped_stdin(self):
        src = b"x = 20\nfor i in range(3):\n    x += i\nprint(x)\n"
        self.same([], stdin=src)
        self.same(["-"], stdin=src)

    def test_input_from_pipe(self):
        prog = ("import sys\nn = 0\nwhile True:\n    try:\n        line = input('> ')\n"
                "    except EOFError:\n        break\n    n += 1\n    print(repr(line))\nprint(n)\n")
        with open(os.path.join(self.dir, "inp.py"), "w") as f:
            f.write(prog)
        self.same(["inp.py"], stdin="first\nsecond line \u00e9\n\nlast without newline".encode())
        self.same(["inp.py"], stdin=b"")

    def test_stdin_readline_and_read(self):
        prog = "import sys\nprint(repr(sys.stdin.readline()))\nprint(repr(sys.stdin.read()))\n"
        self.same(["-c", prog], stdin=b"a\nb\nc\n")

    def test_poll_stdin(self):
        prog = ("import select, sys\np = select.poll()\np.register(sys.stdin, select.POLLIN)\n"
                "print([(fd, ev & select.POLLIN) for fd, ev in p.poll(1000)])\nprint(sys.stdin.readline())\n")
        self.same(["-c", prog], stdin=b"ready\n")

    def test_piped_stdin_error(self):
        rc, out, err = self.same([], stdin=b"print(1)\n1/0\nprint(2)\n")
        self.assertEqual(rc, 1)
        self.assertIn("ZeroDivisionError: division by zero", err)


def clean(out):
    """Terminal output without the line editor's escape sequences and carriage returns."""
    return re.sub(rb"\x1b\[[0-9;]*[A-Za-z]", b"", out).replace(b"\r", b"")


class Repl(unittest.TestCase):
    """The REPL on a pseudo-terminal, as a user at a keyboard sees it."""

    def setUp(self):
        # a board's serial line: pipes (a terminal would add \r to the board's \r\n)
        self.dev = suite.Console(REPL_CMD, pipes=BOARD, deadline=DEADLINE)
        self.expect(b">>> ")

    def tearDown(self):
        self.dev.close()

    def expect(self, what):
        """Reads until `what` appears; returns what came before it."""
        return self.dev.read_until(what)[:-len(what)]

    def send(self, keys):
        self.dev.write(keys)

    def line(self, text):
        """Types a line, returns the output up to the next prompt (>>> or ...)."""
        self.send(text + b"\r")
        if text:
            self.expect(text)  # the echo
        out = b""
        end = time.monotonic() + DEADLINE
        while True:
            m = re.search(rb"(>>> |\.\.\. )", self.dev.buf)
            if m:
                out += self.dev.buf[:m.start()]
                self.dev.buf = self.dev.buf[m.end():]
                return clean(out).strip(b"\n"), m.group(1)
            if time.monotonic() > end:
                self.fail("no prompt after %r; got %r" % (text, self.dev.buf))
            self.dev.fill(0.1)

    def test_expression_echo(self):
        self.assertEqual(self.line(b"1 + 2"), (b"3", b">>> "))
        self.assertEqual(self.line(b"'a' * 3"), (b"'aaa'", b">>> "))
        self.assertEqual(self.line(b"None"), (b"", b">>> "))
        self.assertEqual(self.line(b"x = 5"), (b"", b">>> "))
        self.assertEqual(self.line(b"x"), (b"5", b">>> "))

    def test_multiline_block(self):
        self.assertEqual(self.line(b"def f(x):"), (b"", b"... "))
        self.assertEqual(self.line(b"    return x * 2"), (b"", b"... "))
        self.assertEqual(self.line(b""), (b"", b">>> "))
        self.assertEqual(self.line(b"f(21)"), (b"42", b">>> "))
        self.assertEqual(self.line(b"[1,"), (b"", b"... "))
        self.assertEqual(self.line(b"2]"), (b"[1, 2]", b">>> "))

    def test_error_then_continue(self):
        out, prompt = self.line(b"1/0")
        self.assertIn(b"ZeroDivisionError: division by zero", out)
        self.assertEqual(prompt, b">>> ")
        out, prompt = self.line(b"x = = 1")
        self.assertIn(b"SyntaxError", out)
        self.assertEqual(self.line(b"7"), (b"7", b">>> "))

    def test_line_editing_and_history(self):
        # left arrow twice, insert: "abc" becomes "aZbc"
        self.send(b"'abc'\x1b[D\x1b[D\x1b[DZ\r")
        self.expect(b"'aZbc'\r\n")
        self.expect(b">>> ")
        self.assertEqual(self.line(b"6 * 7"), (b"42", b">>> "))
        self.send(b"\x1b[A\x1b[A\r")  # up twice: the 'aZbc' line again
        self.expect(b"'aZbc'\r\n")
        self.expect(b">>> ")

    def test_ctrl_c_interrupts_running_code(self):
        self.send(b"while True: pass\r")
        self.expect(b"while True: pass")
        self.send(b"\r")
        self.expect(b"\r\n")
        time.sleep(0.2)  # let the loop start; the test passes either way, only later
        self.send(b"\x03")
        self.expect(b"KeyboardInterrupt")
        self.expect(b">>> ")
        self.assertEqual(self.line(b"'alive'"), (b"'alive'", b">>> "))

    def test_ctrl_c_clears_the_line(self):
        self.send(b"garbage that is not run")
        self.expect(b"garbage that is not run")
        self.send(b"\x03")
        self.expect(b">>> ")
        self.assertEqual(self.line(b"1"), (b"1", b">>> "))

    def test_ctrl_d_exits(self):
        if BOARD:
            self.skipTest("a board soft-resets instead")
        self.send(b"\x04")
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            pid, status = os.waitpid(self.dev.pid, os.WNOHANG)
            if pid:
                self.assertTrue(os.WIFEXITED(status))
                self.assertEqual(os.WEXITSTATUS(status), 0)
                return
            time.sleep(0.05)
        self.fail("rtpy did not exit on Ctrl-D")

    def test_paste_mode(self):
        self.send(b"\x05")
        self.expect(b"=== ")
        self.send(b"def f(n):\r    if n:\r        return n * f(n - 1)\r    return 1\rprint(f(10))\r")
        self.send(b"\x04")
        self.expect(b"3628800")
        self.expect(b">>> ")

    def test_raw_repl(self):
        self.send(b"\x01")
        self.expect(b"raw REPL; CTRL-B to exit\r\n>")
        self.send(b"print(1 + 1)\x04")
        self.expect(b"OK2\r\n\x04\x04>")
        self.send(b"1/0\x04")
        self.expect(b"OK\x04")
        err = self.expect(b"\x04>")
        self.assertIn(b"ZeroDivisionError", err)
        self.send(b"\x02")
        self.expect(b">>> ")
        self.assertEqual(self.line(b"3"), (b"3", b">>> "))


class BoardRepl(Repl):
    """What only the firmware's REPL does."""

    def setUp(self):
        if not BOARD:
            self.skipTest("board only")
        super().setUp()

    def test_soft_reset_clears_state(self):
        self.assertEqual(self.line(b"x = 41"), (b"", b">>> "))
        self.send(b"\x04")
        self.expect(b"soft reboot")
        self.expect(b">>> ")
        out, _ = self.line(b"x")
        self.assertIn(b"NameError", out)

    def test_soft_reset_stops_threads(self):
        self.line(b"import _thread, time")
        self.line(b"def spin():")
        self.line(b"    while True: time.sleep_ms(5)")
        self.line(b"")
        self.line(b"_thread.start_new_thread(spin, ())")
        self.send(b"\x04")
        self.expect(b"soft reboot")
        self.expect(b">>> ")
        self.assertEqual(self.line(b"6 * 7"), (b"42", b">>> "))


def main():
    global RTPY, REPL_CMD, BOARD
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("--qemu", metavar="ELF", help="test the REPL of this firmware in QEMU")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    RTPY = os.path.abspath(a.rtpy)
    loader = unittest.defaultTestLoader
    if a.qemu:
        BOARD = True
        REPL_CMD = QEMU.split() + ["-kernel", os.path.abspath(a.qemu)]
        tests = unittest.TestSuite([loader.loadTestsFromTestCase(Repl),
                                    loader.loadTestsFromTestCase(BoardRepl)])
    else:
        REPL_CMD = [RTPY]
        tests = loader.loadTestsFromModule(sys.modules[__name__])
    suite.run_tests(tests, verbose=a.v)


if __name__ == "__main__":
    main()
