"""What the host test drivers (tests/host/test_*.py) share: running their unittest cases with
the closing "N passed, N failed" line, a program's console, and boards on a simulated radio."""
import argparse
import os
import pty
import select
import signal
import subprocess
import sys
import time
import unittest


def run_tests(tests, verbose=False, prefix="", note=""):
    """Runs a unittest suite; names the skipped tests and why; prints the closing line
    "PREFIXN passed, N failed[, N skipped]NOTE"; exits 1 if any test failed."""
    res = unittest.TextTestRunner(verbosity=2 if verbose else 1, stream=sys.stdout).run(tests)
    bad = len(res.failures) + len(res.errors)
    for test, reason in res.skipped:
        print("skipped %s: %s" % (test.id().rpartition(".")[2], reason))
    skipped = len(res.skipped)
    print("%s%d passed, %d failed%s%s" % (prefix, res.testsRun - bad - skipped, bad,
                                         ", %d skipped" % skipped if skipped else "", note))
    sys.exit(1 if bad else 0)


def run(*cases, verbose=False):
    """Runs the TestCase classes (run_tests)."""
    run_tests(unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromTestCase(c) for c in cases),
              verbose)


def air_main(case, module):
    """main() of the drivers whose boards share rtpy-air: takes --rtpy, --air and -v, sets the
    driver module's RTPY and AIR (absolute paths), runs the case (run)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", required=True)
    ap.add_argument("--air", required=True)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    module["RTPY"], module["AIR"] = os.path.abspath(a.rtpy), os.path.abspath(a.air)
    run(case, verbose=a.v)


def wait_for(path, seconds=4.0):
    """Until path exists (a socket a process is about to make)."""
    end = time.monotonic() + seconds
    while not os.path.exists(path):
        if time.monotonic() > end:
            raise AssertionError("%s never appeared" % path)
        time.sleep(0.02)


def run_on_air(tc, air, rtpy, sock, devices, air_args=(), cwd=None, timeout=60, status=None):
    """rtpy boards on a fresh rtpy-air at sock, in virtual time (it waits for all of them).
    devices: [(name, x, script, args, extra rtpy options)]; cwd(name) is each board's working
    directory. Every process must exit 0, or status[name] (tc's assertion); returns
    ({name: output}, rtpy-air's stderr)."""
    if os.path.exists(sock):
        os.unlink(sock)
    medium = subprocess.Popen([air, sock, "--wait=%d" % len(devices), "--exit-when-empty"] + list(air_args),
                              stderr=subprocess.PIPE, text=True)
    wait_for(sock)
    procs = {}
    for name, x, script, args, extra in devices:
        cmd = [rtpy, "--air=%s,name=%s,x=%s" % (sock, name, x)] + list(extra) + [script] + list(args)
        procs[name] = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                       cwd=cwd(name) if cwd else os.path.dirname(script))
    outs = {}
    for name, p in procs.items():
        out, _ = p.communicate(timeout=timeout)
        tc.assertEqual(p.returncode, (status or {}).get(name, 0), out)
        outs[name] = out
    _, err = medium.communicate(timeout=timeout)
    tc.assertEqual(medium.returncode, 0, err)
    return outs, err


class Console:
    """The console of a running program: on a pty (rtpy, as a terminal shows it), or on pipes
    (pipes=True: a board's serial line, QEMU's stdio, where a terminal would add \\r to its
    \\r\\n). Every wait gives up after `deadline` seconds (a hang is a failure)."""

    def __init__(self, cmd, pipes=False, deadline=30.0):
        self.deadline = deadline
        if pipes:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self.pid, self.fd, self.wfd = self.proc.pid, self.proc.stdout.fileno(), self.proc.stdin.fileno()
        else:
            self.proc = None
            self.pid, self.fd = pty.fork()
            if self.pid == 0:
                os.execvp(cmd[0], cmd)
            self.wfd = self.fd
        self.buf = b""

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        if self.proc:
            self.proc.stdin.close()
            self.proc.stdout.close()
        else:
            os.close(self.fd)

    def write(self, data):
        view = memoryview(data)
        while view:
            n = os.write(self.wfd, view)
            view = view[n:]

    def fill(self, timeout):
        """Waits up to timeout for output; False if none came."""
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise AssertionError("the device went away; last output %r" % self.buf[-300:])
        self.buf += data
        return True

    def pending(self):
        """True when output has arrived that was not read yet (does not wait)."""
        return bool(self.buf) or self.fill(0)

    def read(self, n):
        """Exactly n bytes."""
        end = time.monotonic() + self.deadline
        while len(self.buf) < n:
            if not self.fill(end - time.monotonic()) and time.monotonic() >= end:
                raise AssertionError("timed out waiting for %d bytes; got %r" % (n, self.buf))
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def read_until(self, marker):
        """Everything up to and including `marker`."""
        end = time.monotonic() + self.deadline
        while marker not in self.buf:
            if not self.fill(end - time.monotonic()) and time.monotonic() >= end:
                raise AssertionError("timed out waiting for %r; got %r" % (marker, self.buf[-300:]))
        i = self.buf.index(marker) + len(marker)
        data, self.buf = self.buf[:i], self.buf[i:]
        return data

    def quiet(self, seconds):
        """What arrives within `seconds` (and was not read yet)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.fill(end - time.monotonic())
        data, self.buf = self.buf, b""
        return data
