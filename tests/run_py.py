#!/usr/bin/python3
"""Run the Python-level tests: compare rtpy's output with CPython's.

usage: tests/run_py.py [--rtpy PATH] [--python PATH] [-j N] [--timeout S] [-v]
                       [--list] [--by-topic] [--rtpy-args ARGS] [paths/dirs...]

Every tests/py/**/*.py is a test, except helper modules for the import tests:
files whose name starts with "_" and anything inside a directory named "mods".
Each test is run with rtpy (cwd = the test's directory, argv = [rtpy, file]).
The expected output is <test>.py.exp if it exists (a deliberate difference,
expected exit code 0; <test>.py.exitcode may give another), else the output of
CPython on the same file, run the same way. <test>.py.args holds extra rtpy
arguments for one test (e.g. --board=scenario --run-for=2000). stdout and the exit code are compared; stderr is not. A test whose first
line of output under rtpy starts with "SKIP" is counted as skipped.

With --qemu ELF the tests run on that firmware in QEMU instead (tests/target.py: the raw
REPL on the console UART, a soft reset before each test; the helper modules beside the test,
its directory's _*.py files and mods/ tree, are written to the board's /t first); tests listed in
tests/py/target.skip, and tests that need rtpy options (.args), are skipped with the
reason shown by -v.

Extra arguments for rtpy come from --rtpy-args or the RTPY_ARGS environment
variable, e.g. --rtpy-args="-X heapsize=64k". --by-topic ends with a table of
results per topic (directory under tests/py; `make compat`). The last line printed is
"N passed, N failed" (", N skipped" is appended if any were skipped); the exit
status is 1 if any test failed.
"""

import argparse
import concurrent.futures
import fnmatch
import queue
import difflib
import os
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent / "py"
ROOT = TESTS_DIR.parent.parent
DIFF_LINES = 20


def is_test(path, root):
    """A test is a .py file not starting with "_" and not under a "mods" dir."""
    if path.name.startswith("_"):
        return False
    dirs = path.relative_to(root).parts[:-1]
    return "mods" not in dirs and "__pycache__" not in dirs


def find_tests(args):
    tests = []
    for arg in args or [str(TESTS_DIR)]:
        path = Path(arg).resolve()
        if path.is_dir():
            tests.extend(p for p in path.rglob("*.py") if is_test(p, path))
        elif path.is_file():
            tests.append(path)
        else:
            sys.exit(f"run_py.py: no such test or directory: {arg}")
    return sorted(set(tests))


def test_name(path):
    try:
        return str(path.relative_to(TESTS_DIR))
    except ValueError:
        return str(path)


def child_env():
    """A clean environment so both interpreters see the same, fixed setup."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ in the test tree
    env["PYTHONUTF8"] = "1"
    return env


def run(argv, path, timeout):
    """Run argv + [file] in the file's directory; return (stdout, exit code).

    The exit code is None on a timeout.
    """
    with subprocess.Popen(argv + [path.name], cwd=path.parent, env=child_env(),
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, start_new_session=True) as proc:
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group, in case it forked
            proc.communicate()
            return b"", None
    return out, proc.returncode


def target_skip_reason(path, opts, extra):
    if extra:
        return "needs rtpy options: " + " ".join(extra)
    name = test_name(path)
    for pat, reason in opts.skips:
        if fnmatch.fnmatch(name, pat):
            return reason
    return None


def run_on_target(path, opts):
    """Runs a test on a free QEMU session; (stdout, exit code) as run() gives."""
    import target

    session = opts.sessions.get()
    try:
        out, code, _err = session.run(path.read_bytes(), opts.timeout,
                                      target.helper_files(str(path.parent)))
        return out, code
    except (target.BoardGone, TimeoutError):
        session.stop()  # started again by the next test
        return b"", None
    finally:
        opts.sessions.put(session)


def check(path, opts):
    """Run one test. Returns (status, report) with status pass/fail/skip."""
    # <test>.py.args: extra rtpy arguments for this test only (e.g. a board scenario)
    args_file = path.with_name(path.name + ".args")
    extra = shlex.split(args_file.read_text()) if args_file.exists() else []
    if opts.qemu:
        reason = target_skip_reason(path, opts, extra)
        if reason:
            return "skip", reason
        out, code = run_on_target(path, opts)
    else:
        out, code = run(opts.rtpy_cmd + extra, path, opts.timeout)
    if code is None:
        return "fail", f"timeout after {opts.timeout} s"
    if out.split(b"\n", 1)[0].startswith(b"SKIP"):
        return "skip", out.split(b"\n", 1)[0].decode("utf-8", "replace")
    exp_file = path.with_name(path.name + ".exp")
    if exp_file.exists():
        code_file = path.with_name(path.name + ".exitcode")
        exp_code = int(code_file.read_text()) if code_file.exists() else 0
        exp = exp_file.read_bytes()
    else:
        exp, exp_code = run([opts.python], path, opts.timeout)
        if exp_code is None:
            return "fail", f"{opts.python} timed out after {opts.timeout} s"
    if out == exp and code == exp_code:
        return "pass", ""
    report = []
    if code != exp_code:
        got = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        report.append(f"{got}, expected exit code {exp_code}")
    if out != exp:
        diff = difflib.unified_diff(
            exp.decode("utf-8", "replace").splitlines(),
            out.decode("utf-8", "replace").splitlines(),
            "expected", "rtpy", lineterm="")
        lines = list(diff)
        report.extend(lines[:DIFF_LINES])
        if len(lines) > DIFF_LINES:
            report.append(f"... ({len(lines) - DIFF_LINES} more diff lines)")
    return "fail", "\n".join(report)


def topic_of(path):
    try:
        return path.relative_to(TESTS_DIR).parts[0]
    except (ValueError, IndexError):
        return path.parent.name


def print_topics(topics):
    """A Markdown table: tests per topic, how many pass, and how many of those compare with
    an .exp file (a documented, deliberate difference) instead of CPython's output."""
    print("| topic | tests | pass | fail | skip | own .exp |")
    print("|---|---:|---:|---:|---:|---:|")
    total = {"pass": 0, "fail": 0, "skip": 0, "exp": 0}
    for name in sorted(topics):
        t = topics[name]
        n = t["pass"] + t["fail"] + t["skip"]
        print(f"| {name} | {n} | {t['pass']} | {t['fail']} | {t['skip']} | {t['exp']} |")
        for k in total:
            total[k] += t[k]
    n = total["pass"] + total["fail"] + total["skip"]
    print(f"| **all** | {n} | {total['pass']} | {total['fail']} | {total['skip']} | {total['exp']} |")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rtpy", default=str(ROOT / "build/host/rtpy"),
                    help="interpreter under test (default: build/host/rtpy)")
    ap.add_argument("--python", default="/usr/bin/python3",
                    help="reference interpreter (default: /usr/bin/python3)")
    ap.add_argument("--rtpy-args", default=os.environ.get("RTPY_ARGS", ""),
                    help="extra arguments for rtpy, before the file (env RTPY_ARGS)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="tests run in parallel (default: CPU count)")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="seconds per test run (default: 20)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print every test's result, not only failures")
    ap.add_argument("--list", action="store_true", help="list the tests and exit")
    ap.add_argument("--by-topic", action="store_true",
                    help="print a table of results per topic (for docs/compatibility.md)")
    ap.add_argument("--qemu", metavar="ELF",
                    help="run the tests on this firmware in QEMU (tests/target.py)")
    ap.add_argument("--qemu-cmd", default="qemu-system-arm -M mps2-an385 -nographic "
                    "-monitor none -semihosting-config enable=on,target=native",
                    help="the QEMU command line, without -kernel")
    ap.add_argument("paths", nargs="*", help="test files or directories (default: tests/py)")
    return ap.parse_args()


def main():
    opts = parse_args()
    tests = find_tests(opts.paths)
    if opts.list:
        for path in tests:
            print(test_name(path))
        return 0
    if opts.qemu:
        import target

        opts.skips = target.load_skips(str(TESTS_DIR / "target.skip"))
        opts.sessions = queue.Queue()
        for _ in range(max(1, opts.jobs)):
            opts.sessions.put(target.Session(opts.qemu_cmd, opts.qemu))
        opts.rtpy = sys.executable  # unused: only checked to exist
    # Absolute paths: every test runs in its own directory.
    rtpy, opts.python = shutil.which(opts.rtpy), shutil.which(opts.python)
    if not rtpy:
        print(f"run_py.py: no executable rtpy at {opts.rtpy} (build it with make)",
              file=sys.stderr)
        return 2
    if not opts.python:
        print("run_py.py: the reference python3 was not found", file=sys.stderr)
        return 2
    opts.rtpy_cmd = [os.path.abspath(rtpy)] + shlex.split(opts.rtpy_args)
    opts.python = os.path.abspath(opts.python)

    counts = {"pass": 0, "fail": 0, "skip": 0}
    topics = {}
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        jobs = {pool.submit(check, path, opts): path for path in tests}
        for job in concurrent.futures.as_completed(jobs):
            status, report = job.result()
            counts[status] += 1
            t = topics.setdefault(topic_of(jobs[job]), {"pass": 0, "fail": 0, "skip": 0, "exp": 0})
            t[status] += 1
            t["exp"] += jobs[job].with_name(jobs[job].name + ".exp").exists()
            name = test_name(jobs[job])
            if status == "fail":
                print(f"FAIL {name}")
                if report:
                    print("    " + report.replace("\n", "\n    "))
            elif opts.verbose:
                print(f"{status} {name}" + (f" ({report})" if report else ""))
            sys.stdout.flush()

    if opts.qemu:
        while not opts.sessions.empty():
            opts.sessions.get().stop()
    if opts.by_topic:
        print_topics(topics)
    line = f"{counts['pass']} passed, {counts['fail']} failed"
    if counts["skip"]:
        line += f", {counts['skip']} skipped"
    print(line)
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
