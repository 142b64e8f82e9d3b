"""Running Python tests on the firmware in QEMU, through MicroPython's raw REPL protocol on
the console UART (used by tests/run_py.py --qemu).

A session is one QEMU process. Each test: Ctrl-D at the raw prompt soft-resets the board (a
fresh kernel and heap; it answers "OK\r\nMPY: soft reboot\r\n" and the raw banner), then the
test's source goes in followed by Ctrl-D; the board answers "OK", the program's output, \\x04,
the error text (a traceback) if any, \\x04, ">". A test that takes too long gets Ctrl-C; a
board that stops answering is killed and started again.
Each session's board has a flash (a temporary file behind QEMU's semihosting, docs/storage.md);
before each test its file system is emptied and the test runs in a new directory, /t, as the host
runs each test in a new directory.
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

    def run(self, source, timeout):
        """Runs one program; returns (stdout bytes, exit code 0/1, error text) or raises
        BoardGone / TimeoutError (then the session must be restarted)."""
        if self.proc is None:
            self.start()
        self.soft_reset()  # a fresh board for each test
        self.send(CLEAN + b"\x04")  # and an empty file system
        self.read_until(b"OK", 30)
        self.read_until(b"\x04", 30)
        err = self.read_until(b"\x04", 30)
        if err.strip():
            raise BoardGone("cleaning the file system failed: " + err.decode("utf-8", "replace"))
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
