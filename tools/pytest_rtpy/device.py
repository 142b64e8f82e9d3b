"""A device under test: the simulated board (host rtpy) or the firmware in QEMU.

Two ways to use one:
- run(): the whole program in one go. Inputs the test scheduled (pin(), adc(), uart(), ...)
  become a scenario file (docs/board-sim.md); the host rtpy runs the program in virtual
  time, stopped by --run-for, and the result holds its output, exit status and board trace.
  Deterministic: the same test gives the same bytes on every run.
- exec()/eval(): code run step by step on a live device through MicroPython's raw REPL
  (tools/rtpyremote). The host rtpy then runs on a pty with the scenario and the trace as
  well, in real time (a REPL waiting for input does not hold virtual time still).
On QEMU there is no scenario and no trace: code runs and its output comes back; a test that
needs simulated inputs or the trace is skipped there, with the reason.
Failures (a crash, a kernel panic, a deadlock, a wall-clock timeout, an unexpected status, a
bad scenario) end the test with one readable message: what happened, the command to re-run,
and the last output.
"""
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest

from .trace import Trace, pin_number

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# the host rtpy's documented exit statuses (docs/board-sim.md, "Resets and exit status")
STATUS = {0: "ended normally", 1: "ended with an uncaught exception",
          2: "refused its command line, scenario or trace file",
          3: "deadlocked (every thread blocked for ever, nothing scheduled)",
          4: "kernel panic", 5: "watchdog reset", 6: "machine.reset()"}
_UNIT_NS = {"ns": 1, "us": 1000, "ms": 1000000, "s": 1000000000}


def to_ns(t, what="time"):
    """A time as a number of milliseconds, or a string with a unit ("1.5s", "250us")."""
    if isinstance(t, bool):
        raise ValueError("%s: a number of ms or a string with a unit expected, not %r" % (what, t))
    if isinstance(t, (int, float)):
        if t < 0:
            raise ValueError("%s: negative: %r" % (what, t))
        return round(t * 1000000)
    m = re.fullmatch(r"\s*(\d+(?:\.\d*)?)\s*(ns|us|ms|s)\s*", str(t))
    if not m:
        raise ValueError("%s: bad time %r (a number of ms, or e.g. '1.5s', '250us', '20ms')" % (what, t))
    return round(float(m.group(1)) * _UNIT_NS[m.group(2)])


def fmt_time(ns):
    return "%dms" % (ns // 1000000) if ns % 1000000 == 0 else "%dns" % ns


def fmt_volts(v):
    if isinstance(v, str):
        return v.replace(" ", "")
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError("a voltage in volts (a number) or a string such as '150mV' expected, not %r" % (v,))
    return "%duV" % round(v * 1e6)


def fmt_freq(f):
    if isinstance(f, str):
        return f.replace(" ", "")
    return "%gHz" % f


def quote(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    out = []
    for b in data:
        c = chr(b)
        if c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c in '"\\':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\x%02x" % b)
    return '"' + "".join(out) + '"'


def _tail(text, lines=15):
    text = text.rstrip("\n")
    rows = text.split("\n")
    return "\n".join(("  | " + r) for r in rows[-lines:]) if text else "  (nothing)"


class Result:
    """What a run() gave: stdout (str), stderr (str), status (int; negative: killed by that
    signal), trace (a Trace; skips the test on QEMU), command (the argv), scenario (text)."""

    def __init__(self, target, stdout, stderr, status, trace_path, command, scenario):
        self.target = target
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.command = command
        self.scenario = scenario
        self._trace_path = trace_path
        self._trace = None

    @property
    def lines(self):
        """stdout's lines, without their ends."""
        return self.stdout.splitlines()

    @property
    def trace(self):
        if self._trace_path is None:
            pytest.skip("the board trace exists only on the simulated board (--rtpy-target=host), "
                        "not on %s" % self.target)
        if self._trace is None:
            self._trace = Trace.load(self._trace_path)
        return self._trace

    def __repr__(self):
        return "<Result status=%d, %d lines>" % (self.status, len(self.lines))


class Device:
    """One device for one test; made by the `rtpy_device` fixture's factory."""

    def __init__(self, config, workdir, name="dev"):
        self.config = config  # a Config (plugin.py): target, rtpy, elf, timeout
        self.target = config.target
        self.dir = workdir
        self.name = name
        self.lines = []  # the scenario being composed
        self.last = None  # the last Result
        self.session = None  # rtpyremote Device for exec()/eval()
        self.control = None  # the live host board's control channel (a connected socket)
        self.background = ""  # what the live device printed between exec() calls
        self.options = []  # more rtpy options for every run (on_air)
        self.proc = None  # start()'s process, until wait()
        self._ctl_dir = None
        self.trace_path = os.path.join(workdir, name + ".trace")
        os.makedirs(workdir, exist_ok=True)

    # ---- inputs (a scenario: docs/board-sim.md) --------------------------------------------
    def _at(self, at, action):
        ns = to_ns(at, "at")
        line = action if ns == 0 else "at %s %s" % (fmt_time(ns), action)
        if self.control is not None:
            self.inject(line)  # a live board: now (times count from now)
        else:
            self.lines.append(line)
        return self

    def inject(self, line):
        """Sends one scenario statement to the live host board (after the first exec()):
        it takes effect at once, its times counted from now. Returns the board's time then
        (seconds). A statement the board refuses fails the test with its message."""
        if self.control is None:
            if self.target != "host":
                pytest.skip("inputs at run time need the simulated board (--rtpy-target=host)")
            self._connect()
        try:
            self.control.sendall(line.encode("utf-8") + b"\n")
            answer = b""
            while not answer.endswith(b"\n"):
                data = self.control.recv(4096)
                if not data:
                    raise OSError("the board closed its control channel")
                answer += data
        except OSError as e:
            pytest.fail("%s: control channel: %s (the device exited?)" % (self.target, e), pytrace=False)
        text = answer.decode("utf-8", "replace").strip()
        if not text.startswith("ok @"):
            pytest.fail("%s: the board refused %r: %s" % (self.target, line, text), pytrace=False)
        return float(text[4:])

    def pin(self, pin, level, at=0):
        """Drive a pin from outside at a virtual time: level 0, 1, or None / "z" (released:
        it reads its pull again)."""
        lv = {0: "0", 1: "1", False: "0", True: "1", None: "z", "z": "z"}.get(level)
        if lv is None:
            raise ValueError("pin level: 0, 1 or None/'z' (released), not %r" % (level,))
        return self._at(at, "pin %d = %s" % (pin_number(pin), lv))

    def toggle(self, pin, at=0):
        return self._at(at, "pin %d toggle" % pin_number(pin))

    def pulse(self, pin, level, width, at=0):
        """Drive `level` for `width`, then go back to the previous drive."""
        return self._at(at, "pin %d pulse %d %s" % (pin_number(pin), 1 if level else 0,
                                                    fmt_time(to_ns(width, "width"))))

    def press(self, pin="BUTTON", at=0, duration=100, pressed=0):
        """A button press: the pin driven to `pressed` at `at`, released `duration` later."""
        start, d = to_ns(at, "at"), to_ns(duration, "duration")
        self.pin(pin, pressed, at="%dns" % start)
        return self.pin(pin, None, at="%dns" % (start + d))

    def _adc_pin(self, pin):
        n = pin_number(pin)
        if not 32 <= n <= 39:
            raise ValueError("ADC inputs are pins 32-39, not %r" % (pin,))
        return n

    def adc(self, pin, volts, at=0):
        """A constant voltage on an ADC pin (32-39)."""
        return self._at(at, "adc %d = %s" % (self._adc_pin(pin), fmt_volts(volts)))

    def adc_sine(self, pin, offset, amplitude, freq, at=0):
        return self._at(at, "adc %d sine %s %s %s" % (self._adc_pin(pin), fmt_volts(offset),
                                                     fmt_volts(amplitude), fmt_freq(freq)))

    def adc_square(self, pin, low, high, freq, at=0):
        return self._at(at, "adc %d square %s %s %s" % (self._adc_pin(pin), fmt_volts(low),
                                                       fmt_volts(high), fmt_freq(freq)))

    def adc_ramp(self, pin, start, end, over, at=0):
        return self._at(at, "adc %d ramp %s %s over %s" % (self._adc_pin(pin), fmt_volts(start),
                                                          fmt_volts(end), fmt_time(to_ns(over, "over"))))

    def uart(self, n, data, at=0):
        """The peer sends these bytes (str: UTF-8) on UART n (0: the console), at the line rate."""
        if n not in (0, 1, 2, 3):
            raise ValueError("UARTs are 0-3, not %r" % (n,))
        return self._at(at, "uart%d %s" % (n, quote(data)))

    def scenario(self, text):
        """Scenario lines as they are written in a .board file (`every ...` and the rest). On a
        live board (after the first exec()) they take effect at once, times counted from now."""
        for line in text.strip("\n").splitlines():
            if self.control is not None:
                if line.split("#")[0].strip():
                    self.inject(line)
            else:
                self.lines.append(line)
        return self

    def board(self, path):
        """The lines of an existing scenario file (e.g. "examples/button.board")."""
        with open(self._path(path), encoding="utf-8") as f:
            return self.scenario(f.read())

    @property
    def scenario_text(self):
        return "".join(line + "\n" for line in self.lines)

    # ---- running a whole program ------------------------------------------------------------
    def _path(self, p):
        return os.path.abspath(p if os.path.isabs(p) or os.path.exists(p) else os.path.join(ROOT, p))

    def _need_inputs_here(self, what):
        if self.target != "host" and self.lines:
            pytest.skip("%s: simulated inputs (pins, ADC, UART scenario) need the simulated board "
                        "(--rtpy-target=host); %s has none" % (what, self.target))

    def run(self, script=None, code=None, run_for=None, args=(), timeout=None, status=0, extra=()):
        """Runs a program file (`script`, relative to the project root if not found here) or
        a string (`code`) to its end, or until `run_for` of virtual time (then
        KeyboardInterrupt, as Ctrl-C). Returns a Result. Fails the test when the exit status
        is not `status` (None: any status is fine, except a crash or a timeout, which always
        fail), or when the program does not end within `timeout` wall-clock seconds.
        `extra`: more rtpy options (e.g. "-X", "heapsize=64k")."""
        if self.target == "qemu":
            label = self._label(script, code)
            self._need_inputs_here(label)
            timeout = self.config.timeout if timeout is None else timeout
            return self._run_qemu(script, code, run_for, timeout, status, label)
        self.start(script, code, run_for, args, extra)
        return self.wait(timeout, status)

    def _label(self, script, code):
        if (script is None) == (code is None):
            raise ValueError("run(): give a script or code, not both or neither")
        return script if script is not None else "<code>"

    def start(self, script=None, code=None, run_for=None, args=(), extra=()):
        """run() without waiting: the program runs in the background (host only) until
        wait(); for devices that must run at the same time, e.g. two boards on the radio."""
        label = self._label(script, code)
        self._need_inputs_here(label)
        if self.target != "host":
            pytest.skip("start()/wait(): devices running side by side are simulated boards "
                        "(--rtpy-target=host)")
        cmd = [self.config.rtpy]
        if self.lines:
            scen = os.path.join(self.dir, self.name + ".board")
            with open(scen, "w", encoding="utf-8") as f:
                f.write(self.scenario_text)
            cmd.append("--board=" + scen)
        cmd.append("--trace=" + self.trace_path)
        if run_for is not None:
            cmd.append("--run-for=%d" % (to_ns(run_for, "run_for") // 1000000))
        cmd += self.options + list(extra)
        cmd += [self._path(script)] if script is not None else ["-c", code]
        cmd += list(args)
        if not os.path.isfile(cmd[0]):
            pytest.fail("rtpy: no program %s (make builds build/host/rtpy; --rtpy=PATH)" % cmd[0],
                        pytrace=False)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=self.dir)
        self.proc_label, self.proc_cmd = label, cmd
        return self

    def wait(self, timeout=None, status=0):
        """The end of the program start() began: a Result, checked as run() checks it."""
        if self.proc is None:
            raise RuntimeError("wait(): nothing started")
        p, label, cmd = self.proc, self.proc_label, self.proc_cmd
        self.proc = None
        timeout = self.config.timeout if timeout is None else timeout
        try:
            out, err = p.communicate(timeout=timeout)
            late = False
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            late = True
        if late:
            pytest.fail("%s: still running after %gs of wall-clock time (timeout=%g): a loop that "
                        "never sleeps, or no run_for for a program that runs for ever?\n  command: %s\n"
                        "  last output:\n%s" % (label, timeout, timeout, shlex.join(cmd),
                                                 _tail(out.decode("utf-8", "replace"))),
                        pytrace=False)
        res = Result("host", out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                     p.returncode, self.trace_path, cmd, self.scenario_text)
        self.last = res
        self._check(res, label, status)
        return res

    def on_air(self, air, x=0.0, y=0.0):
        """Puts this board on the radio medium `air` (the rtpy_air fixture's) at (x, y) metres,
        named by the device's name (which gives it its BLE address)."""
        self.options.append("--air=%s,name=%s,x=%g,y=%g" % (air.socket, self.name, x, y))
        return self

    def _check(self, res, label, status):
        st = res.status
        if st < 0:
            try:
                sig = signal.Signals(-st).name
            except ValueError:
                sig = "signal %d" % -st
            what = "crashed (killed by %s)" % sig
        elif st in (3, 4) or (status is not None and st != status):
            what = "exit status %d: %s" % (st, STATUS.get(st, "?"))
            if status is not None:
                what += " (expected %d: %s)" % (status, STATUS.get(status, "?"))
        else:
            return
        msg = ["%s on %s: %s" % (label, res.target, what)]
        if res.command:
            msg.append("  command: " + shlex.join(res.command))
        if res.scenario and st == 2:
            msg.append("  scenario:\n" + _tail(res.scenario, 40))
        msg.append("  stderr:\n" + _tail(res.stderr))
        msg.append("  stdout:\n" + _tail(res.stdout))
        pytest.fail("\n".join(msg), pytrace=False)

    # ---- QEMU ----------------------------------------------------------------------------
    def _connect(self):
        """A live raw REPL session (started once; reused by run() on QEMU, exec(), eval())."""
        if self.session is not None:
            return self.session
        from rtpyremote.device import Device as Remote
        from rtpyremote.errors import RemoteError
        from rtpyremote.transport import open_target
        try:
            if self.target == "qemu":
                if not os.path.isfile(self.config.elf):
                    pytest.skip("QEMU: no firmware %s (make firmware)" % self.config.elf)
                t = open_target("qemu:" + self.config.elf, cwd=self.dir)
            else:
                # the control channel: a socket of ours the board connects to at start-up (in
                # a short directory of its own: socket paths are limited to 107 bytes)
                self._ctl_dir = tempfile.mkdtemp(prefix="rtpy-ctl-")
                ctl_path = os.path.join(self._ctl_dir, "control")
                listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                listener.bind(ctl_path)
                listener.listen(1)
                listener.settimeout(30)
                args = ["--trace=" + self.trace_path, "--time=real", "--control=" + ctl_path]
                if self.lines:
                    scen = os.path.join(self.dir, self.name + ".board")
                    with open(scen, "w", encoding="utf-8") as f:
                        f.write(self.scenario_text)
                    args.insert(0, "--board=" + scen)
                try:
                    t = open_target("host:" + self.config.rtpy, extra_args=args, cwd=self.dir)
                    try:
                        self.control, _ = listener.accept()
                    except OSError:
                        t.close()
                        raise RemoteError("the board did not connect its control channel (an rtpy "
                                          "without --control?)")
                finally:
                    listener.close()
                self.control.settimeout(30)
            dev = Remote(t, timeout=10)
            dev.wait_boot(60)
            dev.enter_raw()
        except RemoteError as e:
            pytest.fail("%s: cannot start a REPL session: %s" % (self.target, e.message), pytrace=False)
        self.session = dev
        return dev

    def _run_qemu(self, script, code, run_for, timeout, status, label):
        from rtpyremote.errors import RemoteError
        if script is not None:
            with open(self._path(script), "rb") as f:
                src = f.read()
        else:
            src = code.encode("utf-8")
        dev = self._connect()
        out = b""
        err = b""
        try:
            dev.soft_reset()  # a fresh interpreter for each program
            dev.send_code(src)
            stop = None if run_for is None else to_ns(run_for, "run_for") / 1e9
            try:
                out = dev.read_until(b"\x04", stop if stop is not None else timeout)
            except TimeoutError:
                if stop is None:
                    raise
                # run_for elapsed (wall clock on QEMU): KeyboardInterrupt; what came so far
                # is still in the buffer, up to the end marker
                dev.write(b"\x03")
                out = dev.read_until(b"\x04", timeout)
            err = dev.read_until(b"\x04", timeout)
            dev.read_until(b">", timeout)
        except TimeoutError as e:
            pytest.fail("%s on qemu: no end within %gs of wall-clock time; last output:\n%s"
                        % (label, timeout, _tail(bytes(e.args[0]).decode("utf-8", "replace"))), pytrace=False)
        except RemoteError as e:
            pytest.fail("%s on qemu: the device failed: %s\n  output:\n%s"
                        % (label, e.message, _tail(out.decode("utf-8", "replace"))), pytrace=False)
        out_s = out.decode("utf-8", "replace").replace("\r\n", "\n")
        err_s = err.decode("utf-8", "replace").replace("\r\n", "\n")
        st = 1 if err_s.strip() and not err_s.strip().endswith("SystemExit") else 0
        res = Result("qemu", out_s, err_s, st, None, None, "")
        self.last = res
        self._check(res, label, status)
        return res

    # ---- interactive -------------------------------------------------------------------------
    def exec(self, code, timeout=None):
        """Runs code on the live device (raw REPL) and returns its output (str, "\\n" line
        ends). Variables stay from one call to the next. The device's traceback fails the
        test; so does code that runs longer than `timeout` wall-clock seconds (it gets Ctrl-C)."""
        from rtpyremote.errors import RemoteError
        dev = self._connect()
        timeout = self.config.timeout if timeout is None else timeout
        try:
            # what background threads printed since the last command, kept apart (output
            # that comes in the middle of the protocol's own bytes would confuse it)
            stray = dev.drain(0.01, 0.2)
            self.background += stray.decode("utf-8", "replace").replace("\r\n", "\n")
            dev.send_code(code)
            try:
                out = dev.read_until(b"\x04", timeout)
            except TimeoutError as e:
                dev.write(b"\x03")
                try:
                    dev.read_until(b"\x04", 10)
                    dev.read_until(b"\x04", 10)
                    dev.read_until(b">", 10)
                except (TimeoutError, RemoteError):
                    self.close()
                pytest.fail("%s: exec: still running after %gs of wall-clock time (interrupted); "
                            "output so far:\n%s" % (self.target, timeout,
                                                    _tail(bytes(e.args[0]).decode("utf-8", "replace"))),
                            pytrace=False)
            err = dev.read_until(b"\x04", 10)
            dev.read_until(b">", 10)
        except RemoteError as e:
            self.close()
            pytest.fail("%s: exec: the device failed: %s" % (self.target, e.message), pytrace=False)
        except TimeoutError:
            self.close()
            pytest.fail("%s: exec: the device stopped answering" % self.target, pytrace=False)
        out_s = out.decode("utf-8", "replace").replace("\r\n", "\n")
        if err:
            pytest.fail("%s: exec raised on the device:\n%s\n  code:\n%s\n  output:\n%s"
                        % (self.target, _tail(err.decode("utf-8", "replace").replace("\r\n", "\n")),
                           _tail(code), _tail(out_s)), pytrace=False)
        return out_s

    def eval(self, expr, timeout=None):
        """repr(expr) on the device, as a string."""
        return self.exec("print(repr(%s\n))" % expr, timeout).rstrip("\n")

    def wait_for(self, expr, timeout=5.0, every=0.02):
        """Evaluates expr on the live device until it is true (the device decides); returns
        its repr. Fails the test if it is still false after `timeout` wall-clock seconds."""
        end = time.monotonic() + timeout
        while True:
            value = self.exec("_rtpy_v = (%s\n)\nprint(repr(_rtpy_v), bool(_rtpy_v))\ndel _rtpy_v"
                              % expr).rstrip("\n")
            shown, _, truth = value.rpartition(" ")
            if truth == "True":
                return shown
            if time.monotonic() > end:
                pytest.fail("%s: %s still false after %gs: %s" % (self.target, expr, timeout, shown),
                            pytrace=False)
            time.sleep(every)

    @property
    def trace(self):
        """The board trace: of the last run(), or of the live session so far (host only)."""
        if self.target != "host":
            pytest.skip("the board trace exists only on the simulated board (--rtpy-target=host), "
                        "not on %s" % self.target)
        if self.session is None and self.last is not None:
            return self.last.trace
        if not os.path.exists(self.trace_path):
            return Trace()
        time.sleep(0.05)  # lines written just now (the file is line-buffered)
        return Trace.load(self.trace_path)

    @property
    def output(self):
        """The last run()'s stdout."""
        return self.last.stdout if self.last else ""

    def close(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.communicate()
            self.proc = None
        if self.session is not None:
            try:
                self.session.close()
            except Exception:
                pass
            self.session = None
        if self.control is not None:
            self.control.close()
            self.control = None
        if self._ctl_dir:
            shutil.rmtree(self._ctl_dir, ignore_errors=True)
            self._ctl_dir = None
