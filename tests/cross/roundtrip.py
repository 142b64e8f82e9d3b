#!/usr/bin/python3
"""Every test of the Python suite, precompiled: compiles each tests/py test with rtpy-cross
and runs the .rpyc with rtpy (cwd = the test's directory, as tests/run_py.py runs the .py),
then compares stdout and the exit status with rtpy running the .py itself. The modules the
import tests import (helpers: "_*.py", "mods/") are precompiled beside the .rpyc too, so
those tests import .rpyc modules and packages (a helper that does not compile, kept to test
SyntaxError, is copied as source). Shows that every
construct the suite uses survives the .rpyc format (constants, nested code, line tables:
tracebacks printed to stdout keep their lines).

usage: tests/cross/roundtrip.py [--rtpy PATH] [--cross PATH] [-j N] [paths...]
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import run_py  # noqa: E402  (find_tests, child_env: the suite's own rules)

ROOT = Path(__file__).resolve().parent.parent.parent


def run(argv, cwd, timeout=30):
    try:
        p = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=timeout, env=run_py.child_env(),
                           stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        return "timeout", b""


def mirror_helpers(opts, tmp):
    """Precompiles every helper module of the suite into the mirror tree under tmp."""
    for src in run_py.TESTS_DIR.rglob("*.py"):
        if run_py.is_test(src, run_py.TESTS_DIR):
            continue
        rel = src.relative_to(run_py.TESTS_DIR)
        out = Path(tmp) / rel.with_suffix(".rpyc")
        out.parent.mkdir(parents=True, exist_ok=True)
        c = subprocess.run([opts.cross, "-o", str(out), "-s", src.name, str(src)], capture_output=True)
        if c.returncode != 0:
            shutil.copy(src, Path(tmp) / rel)


# argv[0] is the path as given: the .rpyc's is not the .py's
SKIP = {"sys/argv.py"}


def check(test, opts, tmp):
    rel = test.relative_to(run_py.TESTS_DIR)
    out = Path(tmp) / rel.with_suffix(".rpyc")
    out.parent.mkdir(parents=True, exist_ok=True)
    args_file = test.with_suffix(".py.args")
    if args_file.exists() or str(rel) in SKIP:
        return "skip", "needs rtpy options or its own argv"
    # the stored name is the one rtpy gives the .py (argv[1] relative to its directory)
    c = subprocess.run([opts.cross, "-o", str(out), "-s", test.name, str(test)], capture_output=True)
    src_rc, src_out = run([opts.rtpy, test.name], test.parent)
    if c.returncode != 0:
        # a test of compile errors: rtpy-cross must refuse it as rtpy does
        if src_rc == 1 and b"Error" in c.stderr:
            return "ok", ""
        return "fail", "rtpy-cross failed: " + c.stderr.decode(errors="replace")[-300:]
    rc, got = run([opts.rtpy, str(out)], test.parent)
    if (rc, got) != (src_rc, src_out):
        return "fail", f"exit {rc} vs {src_rc}\n--- .rpyc\n{got.decode(errors='replace')[-600:]}\n--- .py\n" \
                       f"{src_out.decode(errors='replace')[-600:]}"
    return "ok", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=str(ROOT / "build/host/rtpy"))
    ap.add_argument("--cross", default=str(ROOT / "build/host/rtpy-cross"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("paths", nargs="*")
    opts = ap.parse_args()
    opts.rtpy, opts.cross = os.path.abspath(opts.rtpy), os.path.abspath(opts.cross)
    tests = run_py.find_tests(opts.paths)
    counts = {"ok": 0, "fail": 0, "skip": 0}
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(opts.jobs) as ex:
        mirror_helpers(opts, tmp)
        for test, (res, why) in zip(tests, ex.map(lambda t: check(t, opts, tmp), tests)):
            counts[res] += 1
            if res == "fail":
                print(f"FAIL {run_py.test_name(test)}: {why}")
    print(f"{counts['ok']} passed, {counts['fail']} failed" + (f", {counts['skip']} skipped" if counts["skip"] else ""))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
