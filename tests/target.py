"""Running Python tests on the firmware in QEMU, through MicroPython's raw REPL protocol on
the console UART (used by tests/run_py.py --qemu).

A session is one QEMU process. Each test: Ctrl-D at the raw prompt soft-resets the board (a
fresh kernel and heap; it answers "OK\r\nMPY: soft reboot\r\n" and the raw banner), then the
test's source goes in followed by Ctrl-D; the board answers "OK", the program's output, \\x04,
the error text (a traceback) if any, \\x04, ">". A test that takes too long gets Ctrl-C; a
board that stops answering is killed and started again.
Each session's board has a flash (a temporary file behind QEMU's semihosting, docs/storage.md);
before each test its file system is emptied and the test runs in a new directory, /t, as the host
runs each test in a new directory. The helper modules beside the test (its directory's `_*.py`
files and its `mods` package tree, which tests/run_py.py does not run as tests) are written
into /t first, so a test imports them on the board as it does on the host.
"""
import os
import select
import shlex
import subprocess
import tempfile
import time

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
# Empties the board's file system and enters a new directory /t for the test (which so meets
# a current directory that is not the root, as on the host), leaving no names behind.
CLEAN = b"""import os
def _clean(p):
    for n in os.listdir(p):
        q = p.rstrip('/') + '/' + n
        if os.stat(q)[0] & 0x4000:
            _clean(q)
            os.rmdir(q)
        else:
            os.remove(q)
_clean('/')
os.mkdir('/t')
os.chdir('/t')
del os, _clean
"""




def helper_files(test_dir):
    """The helper modules a test in test_dir may import: [(path relative to test_dir, bytes)],
    its directory's `_*.py` files and everything under `mods/` (directories come before the
    files in them)."""
    out = []
    for name in sorted(os.listdir(test_dir)):
        path = os.path.join(test_dir, name)
        if name.startswith("_") and name.endswith(".py") and os.path.isfile(path):
            with open(path, "rb") as f:
                out.append((name, f.read()))
    mods = os.path.join(test_dir, "mods")
    for root, dirs, files in os.walk(mods):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel = os.path.relpath(root, test_dir)
        out.append((rel + "/", None))
        for name in sorted(files):
            if name.endswith(".py"):
                with open(os.path.join(root, name), "rb") as f:
                    out.append((rel + "/" + name, f.read()))
    return out


def write_program(files):
    """Source that creates `files` (helper_files()) under the current directory, leaving no
    names behind; b"" if there are none."""
    if not files:
        return b""
    lines = [b"import os"]
    for rel, data in files:
        if data is None:
            lines.append(b"os.mkdir(%r)" % rel.rstrip("/"))
        else:
            lines.append(b"_f = open(%r, 'wb')" % rel)
            # a chunk per statement keeps each literal short for the board's compiler
            for i in range(0, len(data), 512):
                lines.append(b"_f.write(%r)" % data[i:i + 512])
            lines.append(b"_f.close()")
    lines.append(b"del os, _f" if any(d is not None for _, d in files) else b"del os")
    return b"\n".join(lines) + b"\n"


class BoardGone(Exception):
    pass


class Session:
    def __init__(self, qemu_cmd, elf):
        self.dir = tempfile.TemporaryDirectory(prefix="rtpy-flash-")
        flash = os.path.join(self.dir.name, "flash.bin")
        self.cmd = [a + ",arg=rtpy,arg=--flash=" + flash if a.startswith("enable=on") else a
                    for a in shlex.split(qemu_cmd)] + ["-kernel", elf]
        self.proc = None
        self.buf = b""

    def start(self):
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.buf = b""
        self.read_until(b">>> ", 60)
        self.send(b"\x01")
        self.read_until(RAW_BANNER, 20)

    def stop(self):
        if self.proc:
            try:
                self.proc.kill()
                self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                pass
            self.proc = None

    def send(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise BoardGone("QEMU exited")

    def read_until(self, marker, timeout):
        end = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while marker not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(self.buf[-200:])
            r, _, _ = select.select([fd], [], [], left)
            if r:
                data = os.read(fd, 65536)
                if not data:
                    raise BoardGone("QEMU exited: " + self.buf[-300:].decode("utf-8", "replace"))
                self.buf += data
        before, _, self.buf = self.buf.partition(marker)
        return before

    def soft_reset(self):
        self.send(b"\x04")
        # answered "OK\r\n", the soft reboot line, the raw banner; a SystemExit in the last
        # test left a reboot of its own before that (without the "OK")
        self.read_until(b"OK\r\n", 30)
        self.read_until(RAW_BANNER, 30)

    def run(self, source, timeout, files=()):
        """Runs one program, after writing `files` (helper_files()) into its directory;
        returns (stdout bytes, exit code 0/1, error text) or raises BoardGone / TimeoutError
        (then the session must be restarted)."""
        if self.proc is None:
            self.start()
        self.soft_reset()  # a fresh board for each test
        self.send(CLEAN + write_program(files) + b"\x04")  # an empty file system, the helpers
        self.read_until(b"OK", 30)
        self.read_until(b"\x04", 30)
        err = self.read_until(b"\x04", 30)
        if err.strip():
            raise BoardGone("cleaning the file system or writing the helpers failed: " + err.decode("utf-8", "replace"))
        self.send(source + b"\x04")
        self.read_until(b"OK", 30)
        try:
            out = self.read_until(b"\x04", timeout)
        except TimeoutError:
            self.send(b"\x03")  # Ctrl-C: KeyboardInterrupt
            out = self.read_until(b"\x04", 10)
            err = self.read_until(b"\x04", 10)
            raise TimeoutError(out + err)
        err = self.read_until(b"\x04", 30)
        out = out.replace(b"\r\n", b"\n")
        err = err.replace(b"\r\n", b"\n")
        # SystemExit soft-resets the board after the markers; the next run's reset absorbs it
        return out, (1 if err.strip() else 0), err


def load_skips(path):
    """tests/py/target.skip: lines "pattern  # reason" (fnmatch patterns relative to
    tests/py); returns [(pattern, reason)]."""
    skips = []
    if not os.path.exists(path):
        return skips
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            pat, _, reason = line.partition("#")
            skips.append((pat.strip(), reason.strip() or "not on the target"))
    return skips
