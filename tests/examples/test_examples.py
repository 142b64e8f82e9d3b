"""The examples/ programs, tested on the simulated board with pytest-rtpy (docs/testing.md).

Each test drives the inputs a program reads (the button, ADC waveforms), runs it in virtual
time and checks what it did: its output and the board trace (pin edges with their times).
With --rtpy-target=qemu the programs without simulated inputs run on the firmware in QEMU
and the rest are skipped, each with its reason.

    PYTHONPATH=tools python3 -m pytest -p pytest_rtpy tests/examples
"""
import math
import re
import time

import pytest

MS = 1000000  # nanoseconds


# ---- hello.py ---------------------------------------------------------------------------------
def test_hello(rtpy_device):
    res = rtpy_device().run("examples/hello.py")
    assert res.lines[:2] == ["      temp: mean 22.08 over 3 readings",
                             "  humidity: mean 41.00 over 3 readings"]
    assert res.lines[2].startswith("running on rtpy ")


# ---- blink.py ---------------------------------------------------------------------------------
@pytest.mark.rtpy_host_only("the LED's edges come from the board trace")
def test_blink_toggles_every_500ms_without_drift(rtpy_device):
    dev = rtpy_device()
    res = dev.run("examples/blink.py", run_for="3.2s")
    assert res.lines == ["stopped"]  # KeyboardInterrupt (run_for) caught, timer stopped
    edges = res.trace.pin_edges("LED")
    assert [lv for _, lv in edges][:6] == [1, 0, 1, 0, 1, 0]
    toggles = [e for e in res.trace.of("pin", 2)][1:7]  # the timer's six toggles
    gaps = [b.ns - a.ns for a, b in zip(toggles, toggles[1:])]
    assert gaps == [500 * MS] * 5, gaps  # periodic: exact, whatever the callback costs
    assert toggles[0].t == pytest.approx(0.5, abs=1e-4)
    assert res.trace.level_at("LED", 3.3) == 0  # led.off() after the interrupt


@pytest.mark.rtpy_host_only("the LED's edges come from the board trace")
def test_blink_first_level_is_off_and_stays_until_first_period(rtpy_device):
    res = rtpy_device().run("examples/blink.py", run_for=400)
    assert res.trace.pin_levels("LED")[0][1] == 0
    assert res.trace.level_at("LED", 0.45) == 0
    assert res.trace.pin_edges("LED", level=1) == []  # no rising edge before 500 ms


# ---- button.py --------------------------------------------------------------------------------
def test_button_short_press_toggles_led(rtpy_device):
    dev = rtpy_device()
    dev.press("BUTTON", at=500, duration=120)
    dev.press("BUTTON", at=1500, duration=200)
    res = dev.run("examples/button.py", run_for="2.5s")
    assert res.lines == ["  620 ms  press (120 ms): LED on",
                         " 1700 ms  press (200 ms): LED off",
                         "bye"]
    rises = res.trace.pin_edges("LED", level=1)
    falls = res.trace.pin_edges("LED", level=0)
    assert [round(t, 3) for t, _ in rises] == [0.62]  # on release, within microseconds
    assert [round(t, 3) for t, _ in falls] == [1.7]


def test_button_ignores_contact_bounce(rtpy_device):
    dev = rtpy_device()
    # 1 ms of chatter on the press and on the release: one press for the program
    dev.pin("BUTTON", 0, at=300).pin("BUTTON", None, at=301).pin("BUTTON", 0, at=302)
    dev.pin("BUTTON", None, at=450).pin("BUTTON", 0, at=451).pin("BUTTON", None, at=453)
    res = dev.run("examples/button.py", run_for=1000)
    assert res.lines == ["  450 ms  press (150 ms): LED on", "bye"]
    assert len(res.trace.pin_edges("LED")) == 1


@pytest.mark.parametrize("held", [500, 900])
def test_button_long_press_blinks_six_times(rtpy_device, held):
    dev = rtpy_device()
    dev.press("BUTTON", at=1000, duration=held)
    res = dev.run("examples/button.py", run_for=3000)
    end = 1000 + held
    assert res.lines[0] == "%5d ms  long press (%d ms): blink" % (end, held)
    edges = res.trace.pin_edges("LED")
    assert len(edges) == 6
    assert edges[0][0] == pytest.approx(end / 1000, abs=1e-3)
    assert [round(b - a, 3) for (a, _), (b, _) in zip(edges, edges[1:])] == [0.05] * 5
    assert res.trace.level_at("LED", 2.9) == 0  # an even number of toggles: back off


@pytest.mark.rtpy_host_only("button.py asks for PULL_UP, which the MPS2 board's GPIO lacks")
def test_button_without_press_leaves_led_off(rtpy_device):
    res = rtpy_device().run("examples/button.py", run_for=2000)
    assert res.lines == ["bye"]
    assert res.trace.pin_edges("LED") == []


# ---- sensor.py --------------------------------------------------------------------------------
def _sensor_rows(res):
    rows = []
    for line in res.lines:
        m = re.match(r"t=\s*([\d.]+) s  ([\d.]+) V  \((\d+) samples\)$", line)
        if m:
            rows.append((float(m.group(1)), float(m.group(2)), int(m.group(3))))
    return rows


@pytest.mark.parametrize("volts", [0.4, 1.2, 3.0])
def test_sensor_prints_a_constant_voltage(rtpy_device, volts):
    dev = rtpy_device()
    dev.adc(34, volts)
    res = dev.run("examples/sensor.py", run_for=3200)
    rows = _sensor_rows(res)
    assert [t for t, _, _ in rows] == [1.0, 2.0, 3.0]
    for _, v, n in rows:
        assert v == pytest.approx(volts, abs=0.002)  # 12 bits over 3.9 V: ~1 mV a step
    assert [n for _, _, n in rows] == [2, 4, 6]  # a sample every 500 ms
    # interrupted at 3.2 s: the main thread waits for the sensor thread's period to end
    assert res.lines[-1] == "stopped at t=3.5 s"


def test_sensor_follows_a_ramp(rtpy_device):
    dev = rtpy_device()
    dev.adc_ramp(34, 0.5, 2.5, over="4s")
    res = dev.run("examples/sensor.py", run_for=5500)
    rows = _sensor_rows(res)
    assert len(rows) == 5
    for t, v, _ in rows:
        # the latest sample, taken 500 ms before the print
        expect = min(2.5, 0.5 + 2.0 * (t - 0.5) / 4)
        assert v == pytest.approx(expect, abs=0.003), (t, v)
    assert [v for _, v, _ in rows] == sorted(v for _, v, _ in rows)  # rising


def test_sensor_follows_a_square_wave(rtpy_device):
    dev = rtpy_device()
    dev.adc_square(34, 0.5, 2.0, "0.5Hz")  # 1 s low, 1 s high
    res = dev.run("examples/sensor.py", run_for=4200)
    volts = [round(v, 1) for _, v, _ in _sensor_rows(res)]
    # samples at 0.5, 1.5, 2.5, 3.5 s: low, high, low, high
    assert volts == [0.5, 2.0, 0.5, 2.0]


# ---- producer_consumer.py ---------------------------------------------------------------------
def _events(res):
    ev = []
    for line in res.lines:
        m = re.match(r"\s*(\d+) ms\s+(produced|consumed) (\d+)", line)
        if m:
            ev.append((int(m.group(1)), m.group(2), int(m.group(3))))
    return ev


def test_producer_consumer_order(rtpy_device):
    res = rtpy_device().run("examples/producer_consumer.py")
    ev = _events(res)
    produced = [i for _, k, i in ev if k == "produced"]
    consumed = [i for _, k, i in ev if k == "consumed"]
    assert produced == list(range(8)) and consumed == list(range(8))
    # FIFO, and the urgent consumer takes an item the moment it is put
    for i in range(8):
        p = next(t for t, k, j in ev if k == "produced" and j == i)
        c = next(t for t, k, j in ev if k == "consumed" and j == i)
        assert c >= p
    t0 = ev[0][0]  # 0 on the host; on QEMU the clock counts from the boot
    assert ev[0][1:] == ("consumed", 0)  # before the producer prints: it preempted it
    assert [t - t0 for t, k, _ in ev if k == "produced"] == [0, 10, 20, 30, 40, 50, 75, 100]
    # the queue holds 3: the producer waited for room once it was full
    waits = [line for line in res.lines if "waited" in line]
    assert waits and all("(waited 15 ms for room)" in w for w in waits)
    backlog = [int(n) for n in re.findall(r"consumed \d+, (\d+) waiting", res.stdout)]
    assert max(backlog) == 3
    assert res.lines[-1] == "%4d ms  done" % (t0 + 200)


# ---- accel_activity.py ------------------------------------------------------------------------
def _classes(res):
    return [line.split()[-1] for line in res.lines if re.match(r"\s*\d+ s  mean", line)]


@pytest.mark.parametrize("amplitude, freq, expect", [
    (0.005, 7, "stationary"),
    (0.150, 2, "moderate"),
    (0.800, 3, "high"),
])
def test_accel_activity_classifies(rtpy_device, amplitude, freq, expect):
    dev = rtpy_device()
    dev.adc(32, 1.65).adc(33, 1.65)  # x, y: 0 g
    dev.adc_sine(34, 1.98, amplitude, freq)  # z: 1 g and a bounce
    res = dev.run("examples/accel_activity.py", run_for=3500)
    assert _classes(res) == [expect] * 3


def test_accel_activity_follows_a_change_of_activity(rtpy_device):
    dev = rtpy_device()
    dev.adc(32, 1.65).adc(33, 1.65).adc(34, 1.98)
    dev.adc_sine(34, 1.98, 0.8, 3, at="2s")  # starts running at 2 s
    res = dev.run("examples/accel_activity.py", run_for=4500)
    assert _classes(res) == ["stationary", "stationary", "high", "high"]
    first = res.lines[0].split()
    assert float(first[3]) == pytest.approx(1.0, abs=0.01)  # 1 g at rest


def test_accel_activity_board_file(rtpy_device):
    dev = rtpy_device()
    dev.board("examples/accel_activity.board")
    res = dev.run("examples/accel_activity.py", run_for=12500)
    assert _classes(res) == ["stationary"] * 4 + ["moderate"] * 4 + ["high"] * 4


# ---- interactive: code run step by step on a live device ---------------------------------------
def test_exec_runs_code_on_the_device(rtpy_device):
    dev = rtpy_device()
    dev.exec("x = 6 * 7")
    assert dev.eval("x") == "42"  # state stays between calls
    assert dev.exec("print('hello', x)") == "hello 42\n"


@pytest.mark.rtpy_host_only("pin levels driven from outside and the trace")
def test_exec_drives_and_reads_pins(rtpy_device):
    dev = rtpy_device()
    dev.pin(5, 1)  # a scenario input, before the first bytecode
    dev.exec("from machine import Pin\nled = Pin('LED', Pin.OUT, value=0)\nsw = Pin(5, Pin.IN)")
    assert dev.eval("sw.value()") == "1"
    dev.exec("led.on()")
    dev.exec("led.off()")
    levels = [lv for _, lv in dev.trace.pin_levels("LED")]
    assert levels == [0, 1, 0]
    assert dev.eval("Pin(0, Pin.IN).value()") == "1"  # the board's pull-up on BUTTON


def test_exec_imports_an_example_module_function(rtpy_device):
    # accel_activity's features() on the device, on numbers chosen by the test
    dev = rtpy_device()
    src = open(dev._path("examples/accel_activity.py")).read()
    head = src.split("adcs = []")[0]  # the imports and constants only
    body = src[src.index("def features"):src.index("def classify")]
    dev.exec(head + body)
    mean, std = dev.eval("features(np.array([[1.65]*4, [1.65]*4, [1.98, 2.31, 1.98, 2.31]]))") \
        .strip("()").split(", ")
    assert float(mean) == pytest.approx(1.5, abs=1e-3)
    assert float(std) == pytest.approx(0.5, abs=1e-3)
    assert math.isfinite(float(std))


@pytest.mark.rtpy_host_only("inputs at run time need the simulated board's control channel")
def test_button_pressed_while_the_device_runs(rtpy_device):
    # button.py's handler and worker on a live board; the test presses the button whenever
    # it likes (the control channel) and watches the LED toggle
    dev = rtpy_device()
    src = open(dev._path("examples/button.py")).read()
    src = src.split("try:\n    while True:")[0]  # everything but the main loop
    # the worker's messages go to a list: printed from a thread while the REPL waits, they
    # would come in the middle of the next command's exchange
    dev.exec("log = []\n" + src.replace("print(", "log.append("))
    assert dev.eval("led.value()") == "0"
    dev.press("BUTTON", duration=80)  # now, released 80 ms later
    dev.wait_for("len(log) == 1")
    m = re.fullmatch(r" *\d+ ms  press \((\d+) ms\): LED on", dev.eval("log[0]").strip("'"))
    assert m and 80 <= int(m.group(1)) < 500  # a short press (real time: a little over 80)
    assert dev.eval("led.value()") == "1"
    dev.press("BUTTON", duration=600)  # a long press: six toggles, back to on
    dev.wait_for("len(log) == 2")
    assert "long press" in dev.eval("log[1]")
    deadline = time.monotonic() + 5
    while len(dev.trace.pin_edges("LED")) < 7 and time.monotonic() < deadline:
        time.sleep(0.05)  # the blink takes 300 ms (real time on a live board)
    edges = dev.trace.pin_edges("LED")
    assert [lv for _, lv in edges] == [1, 0, 1, 0, 1, 0, 1]  # on, then six toggles
    for (a, _), (b, _) in zip(edges[1:], edges[2:]):
        assert 0.05 <= b - a < 0.1  # sleep_ms(50) between toggles, in real time
    assert dev.eval("led.value()") == "1"


@pytest.mark.rtpy_host_only("inputs at run time need the simulated board's control channel")
def test_adc_and_uart_changed_while_the_device_runs(rtpy_device):
    dev = rtpy_device()
    dev.exec("from machine import ADC, Pin, UART\nadc = ADC(Pin(34))\nadc.atten(ADC.ATTN_11DB)\n"
             "u = UART(1, 115200)")
    dev.adc(34, 0.8)
    assert abs(int(dev.eval("adc.read_uv()")) - 800000) < 2000
    dev.adc(34, 2.4)
    assert abs(int(dev.eval("adc.read_uv()")) - 2400000) < 2000
    dev.uart(1, b"live\n")
    assert dev.wait_for("u.read() if u.any() >= 5 else None") == "b'live\\n'"


# ---- the BLE examples: two boards on the simulated radio (rtpy-air) -----------------------------
def test_ble_uart_peripheral_and_central(rtpy_device, rtpy_air):
    air = rtpy_air(devices=2)
    periph = rtpy_device("p").on_air(air, x=0).start("examples/ble_uart_peripheral.py")
    central = rtpy_device("c").on_air(air, x=3).start("examples/ble_uart_central.py")
    c, p = central.wait(), periph.wait()
    air.wait()
    assert c.lines == ["found rtpy-uart, rssi -50", "connected", "answer b'HELLO\\n'",
                       "answer b'RTPY OVER THE AIR\\n'", "disconnected"]
    assert p.lines == ["advertising rtpy-uart", "connected", "got b'hello'",
                       "got b'rtpy over the air'", "disconnected"]


def test_ble_temperature_follows_the_adc(rtpy_device, rtpy_air):
    # the sensor on ADC pin 34 set by the test: 1.65 V is 25 °C, 100 mV a degree (ble_temp_sensor.py)
    air = rtpy_air(devices=2)
    sensor = rtpy_device("sensor").on_air(air, x=0)
    sensor.adc(34, 1.65).adc(34, 2.15, at="1500ms")
    sensor.start("examples/ble_temp_sensor.py")
    phone = rtpy_device("phone").on_air(air, x=4).start("examples/ble_temp_client.py")
    out = phone.wait()
    sensor.wait()
    air.wait()
    # read at the start: 25 °C; notified once a second: 25 °C until 1.5 s, then 30 °C
    assert out.lines == ["found rtpy-temp", "read 25.00 C", "notified 25.00 C, 30.00 C, 30.00 C",
                         "disconnected"]
