"""What the host test drivers (tests/host/test_*.py) share: running their unittest cases with
the closing "N passed, N failed" line, and boards on a simulated radio."""
import os
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
