"""pytest-rtpy's own tests: the trace parser, the scenario it composes, and how a broken run
reaches the person reading pytest's report (a crash, a deadlock, a timeout, a bad scenario,
an exception on the device: one clear failure each). The failing cases run in an inner
pytest session (the `pytester` plugin) whose report we read.
"""
import os
import stat

import pytest

from pytest_rtpy import Trace, pin_number, to_ns
from pytest_rtpy.trace import TraceError


# ---- the trace ------------------------------------------------------------------------------
TRACE = """@0.000002500 pin 2 = 0
@0.500005800 pin 2 = 1
@0.700000000 uart1 tx "hi\\r\\n\\x00\\"\\\\"
@1.000005800 pin 2 = 0
@1.000005800 pin 2 = 0
@1.200000000 pin 17 = 1
@1.500005800 pin 2 = 1
@2.000000000 wdt reset
"""


def test_trace_parses_events():
    tr = Trace.parse(TRACE)
    assert len(tr) == 8
    assert tr.events[0].ns == 2500 and tr.events[0].kind == "pin" and tr.events[0].value == 0
    assert tr.uart_tx(1) == b'hi\r\n\x00"\\'
    assert tr.uart_writes(1) == [(0.7, b'hi\r\n\x00"\\')]
    assert [e.kind for e in tr.resets] == ["wdt"]


def test_trace_pin_helpers():
    tr = Trace.parse(TRACE)
    assert tr.pin_levels("LED") == [(2.5e-6, 0), (0.5000058, 1), (1.0000058, 0), (1.0000058, 0),
                                    (1.5000058, 1)]
    assert tr.pin_edges(2) == [(0.5000058, 1), (1.0000058, 0), (1.5000058, 1)]  # no repeat
    assert tr.pin_edges("GPIO2", level=1) == [(0.5000058, 1), (1.5000058, 1)]
    assert tr.pin_intervals("LED") == pytest.approx([0.5, 0.5])
    assert tr.level_at("LED", 0.1) == 0 and tr.level_at("LED", 0.6) == 1
    assert tr.level_at(17, 1.0) is None and tr.level_at(17, 1.3) == 1


def test_trace_rejects_garbage():
    with pytest.raises(TraceError, match="trace line 2"):
        Trace.parse("@0.000000001 pin 2 = 1\npin 2 = 1\n")
    with pytest.raises(TraceError, match="bad escape"):
        Trace.parse('@0.000000001 uart1 tx "\\q"\n')


def test_pin_names_and_times():
    assert [pin_number(p) for p in ("LED", "button", "GPIO12", 39, "7")] == [2, 0, 12, 39, 7]
    for bad in (40, -1, "GPIO40", "LAMP", True, 2.0):
        with pytest.raises(ValueError):
            pin_number(bad)
    assert [to_ns(t) for t in (500, 0.25, "1.5s", "250us", "20ms", "7ns")] == \
        [500000000, 250000, 1500000000, 250000, 20000000, 7]
    for bad in ("5 min", -1, "ms", True):
        with pytest.raises(ValueError):
            to_ns(bad)


def test_scenario_composition(rtpy_device):
    dev = rtpy_device()
    dev.pin("BUTTON", 0, at="1.5s").pin(4, None, at=2).press(at=100, duration="50ms")
    dev.adc(34, 1.2).adc_sine(35, 1.65, "100mV", 3).adc_ramp(36, 0, 3.3, over="2s", at=10)
    dev.uart(1, "ok\r\n\x01", at="250us").pulse(16, 1, "3ms", at=5)
    assert dev.scenario_text == (
        "at 1500ms pin 0 = 0\nat 2ms pin 4 = z\nat 100ms pin 0 = 0\nat 150ms pin 0 = z\n"
        "adc 34 = 1200000uV\nadc 35 sine 1650000uV 100mV 3Hz\n"
        "at 10ms adc 36 ramp 0uV 3300000uV over 2000ms\n"
        'at 250000ns uart1 "ok\\r\\n\\x01"\nat 5ms pin 16 pulse 1 3ms\n')
    with pytest.raises(ValueError, match="ADC inputs are pins 32-39"):
        dev.adc(2, 1.0)
    with pytest.raises(ValueError, match="pin level"):
        dev.pin(2, 5)
    with pytest.raises(ValueError, match="UARTs are 0-3"):
        dev.uart(4, b"x")


@pytest.mark.rtpy_host_only("UART input from the scenario and the trace")
def test_uart_input_and_trace_round_trip(rtpy_device):
    # bytes the test sends on UART 1 come back through the program's write, in the trace
    dev = rtpy_device()
    dev.uart(1, b"ping\n", at=100)
    res = dev.run(code="from machine import UART\nimport time\nu = UART(1, 115200)\n"
                       "time.sleep_ms(200)\nd = u.read()\nprint(d)\nu.write(d.upper())\n")
    assert res.lines == ["b'ping\\n'"]
    assert res.trace.uart_tx(1) == b"PING\n"
    assert res.trace.uart_writes(1)[0][0] == pytest.approx(0.2, abs=1e-3)


# ---- failures, as the report shows them --------------------------------------------------------
@pytest.fixture
def inner(pytester, request):
    """Runs test source in an inner pytest session with the plugin; returns its output."""
    o = request.config.option

    def run(src, *extra):
        pytester.makepyfile(test_inner=src)
        res = pytester.runpytest("-p", "pytest_rtpy", "--rtpy", os.path.abspath(o.rtpy)
                                 if os.path.exists(o.rtpy) else o.rtpy, *extra)
        return res, res.stdout.str()
    return run


def test_failure_uncaught_exception(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    rtpy_device().run(code='x = 1\\n1 / 0\\n')\n")
    res.assert_outcomes(failed=1)
    assert "<code> on host: exit status 1: ended with an uncaught exception (expected 0" in out
    assert "ZeroDivisionError" in out
    assert "command: " in out


def test_failure_status_can_be_expected(inner):
    res, _ = inner("def test_x(rtpy_device):\n"
                   "    r = rtpy_device().run(code='import machine\\nmachine.reset()', status=6)\n"
                   "    assert r.trace.resets[0].kind == 'reset'\n")
    res.assert_outcomes(passed=1)


def test_failure_deadlock(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    rtpy_device().run(code='import _thread\\nl = _thread.allocate_lock()\\n"
                     "l.acquire()\\nl.acquire()\\n', status=None)\n")
    res.assert_outcomes(failed=1)
    assert "exit status 3: deadlocked (every thread blocked for ever, nothing scheduled)" in out
    assert "rtpy kernel: deadlock" in out


def test_failure_timeout(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    rtpy_device().run(code='print(\"looping\")\\nwhile True:\\n    pass\\n', timeout=1.5)\n")
    res.assert_outcomes(failed=1)
    assert "still running after 1.5s of wall-clock time" in out
    assert "looping" in out  # the output so far


def test_failure_crash(inner, pytester):
    fake = pytester.path / "fake-rtpy"
    fake.write_text("#!/bin/sh\necho partial output\nkill -SEGV $$\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    res, out = inner("def test_x(rtpy_device):\n"
                     "    rtpy_device().run(code='pass', status=None)\n", "--rtpy", str(fake))
    res.assert_outcomes(failed=1)
    assert "<code> on host: crashed (killed by SIGSEGV)" in out
    assert "partial output" in out


def test_failure_bad_scenario(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    d = rtpy_device()\n"
                     "    d.scenario('pin 2 = 7')\n"
                     "    d.run(code='pass')\n")
    res.assert_outcomes(failed=1)
    assert "exit status 2" in out and "level expected" in out
    assert "| pin 2 = 7" in out  # the scenario is shown


def test_failure_missing_program(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    rtpy_device().run(code='pass')\n", "--rtpy", "/nonexistent/rtpy")
    res.assert_outcomes(failed=1)
    assert "rtpy: no program /nonexistent/rtpy" in out


def test_failure_exec_raises(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    d = rtpy_device()\n"
                     "    d.exec('a = 1')\n"
                     "    d.exec('print(a)\\nraise OSError(5, \"sensor gone\")')\n")
    res.assert_outcomes(failed=1)
    assert "exec raised on the device" in out
    assert "OSError: [Errno 5] sensor gone" in out


def test_failure_exec_timeout(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    d = rtpy_device()\n"
                     "    d.exec('print(1)\\nwhile True:\\n    pass', timeout=1)\n")
    res.assert_outcomes(failed=1)
    assert "exec: still running after 1s of wall-clock time (interrupted)" in out


def test_qemu_skips_what_needs_the_board(inner, request):
    # inputs and the trace need the simulated board: skipped, with the reason (the skip
    # happens before QEMU would start, so no firmware is needed for this check)
    res, out = inner("import pytest\n"
                     "def test_inputs(rtpy_device):\n"
                     "    d = rtpy_device()\n"
                     "    d.pin('BUTTON', 0)\n"
                     "    d.run(code='pass')\n"
                     "@pytest.mark.rtpy_host_only('LED timing')\n"
                     "def test_marked(rtpy_device):\n"
                     "    pass\n", "--rtpy-target=qemu", "-rs")
    res.assert_outcomes(skipped=2)
    assert "simulated inputs (pins, ADC, UART scenario) need the simulated board" in out
    assert "needs the simulated board: LED timing" in out


def test_failure_control_refuses_a_line(inner):
    res, out = inner("def test_x(rtpy_device):\n"
                     "    d = rtpy_device()\n"
                     "    d.exec('pass')\n"
                     "    d.inject('pin 2 = 7')\n")
    res.assert_outcomes(failed=1)
    assert "the board refused 'pin 2 = 7': error: level expected: 0, 1 or z (released)" in out


@pytest.mark.rtpy_host_only("the control channel is the simulated board's")
def test_control_channel_times(rtpy_device):
    dev = rtpy_device()
    dev.exec("from machine import Pin\np = Pin(14, Pin.IN)")
    t0 = dev.inject("")  # an empty line: the board's time
    t1 = dev.inject("at 50ms pin 14 = 1")
    assert t1 >= t0
    assert dev.eval("p.value()") in ("0", "1")
    dev.wait_for("p.value() == 1", timeout=5)
    dev.inject("every 10ms until 30ms pin 14 toggle")  # times count from now
    dev.wait_for("p.value() == 0", timeout=5)


def test_control_option_errors(request, tmp_path):
    import subprocess
    rtpy = os.path.abspath(request.config.option.rtpy)
    for arg, msg in (("--control=%s/none" % tmp_path, "can't connect to"),
                     ("--control=/" + "x" * 120, "socket path too long")):
        p = subprocess.run([rtpy, arg, "-c", "pass"], capture_output=True, text=True, timeout=30)
        assert p.returncode == 2 and "rtpy: --control: " + msg in p.stderr, p.stderr
