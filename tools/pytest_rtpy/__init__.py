"""pytest-rtpy: test device code on a PC, against rtpy's simulated board or the firmware in QEMU.

Load it with `-p pytest_rtpy` and the tools/ directory on PYTHONPATH (nothing to install):

    PYTHONPATH=tools python3 -m pytest -p pytest_rtpy tests/examples

Options: --rtpy=PATH (the host program, default build/host/rtpy), --rtpy-target=host|qemu,
--rtpy-elf=PATH (the firmware, default build/mps2-an385/rtpy.elf), --rtpy-timeout=SECONDS
(wall clock, per run or exec), --rtpy-air=PATH (the radio medium). Fixtures: `rtpy_device`
(a factory of Devices, closed at the end of the test), `rtpy_air` (a factory of radio media
for BLE boards), `rtpy_target` (the target's name). Marker: `@pytest.mark.rtpy_host_only(reason)`
skips a test on other targets. docs/testing.md has the guide.
"""
import os
import shutil
import subprocess
import tempfile
import time

import pytest

from .device import ROOT, Device, Result, to_ns
from .trace import Event, Trace, pin_number

__all__ = ["Device", "Result", "Trace", "Event", "pin_number", "to_ns"]  # for tests that import them

TARGETS = ("host", "qemu")


class Config:
    def __init__(self, target, rtpy, elf, timeout):
        self.target, self.rtpy, self.elf, self.timeout = target, rtpy, elf, timeout


def _default(path):
    return os.path.abspath(path if os.path.isabs(path) or os.path.exists(path) else os.path.join(ROOT, path))


def pytest_addoption(parser):
    g = parser.getgroup("rtpy", "rtpy devices (pytest-rtpy)")
    g.addoption("--rtpy", metavar="PATH", default=os.path.join("build", "host", "rtpy"),
                help="the host rtpy program (default build/host/rtpy)")
    g.addoption("--rtpy-target", choices=TARGETS, default="host",
                help="where device code runs: the simulated board (host) or the firmware in QEMU")
    g.addoption("--rtpy-elf", metavar="PATH", default=os.path.join("build", "mps2-an385", "rtpy.elf"),
                help="the firmware QEMU runs (default build/mps2-an385/rtpy.elf)")
    g.addoption("--rtpy-air", metavar="PATH", default=os.path.join("build", "host", "rtpy-air"),
                help="the simulated radio medium for BLE boards (default build/host/rtpy-air)")
    g.addoption("--rtpy-timeout", metavar="SECONDS", type=float, default=60.0,
                help="wall-clock limit of one run() or exec() (default 60)")


def pytest_configure(config):
    config.addinivalue_line("markers", "rtpy_host_only(reason): the test needs the simulated board")


def pytest_report_header(config):
    o = config.option
    where = _default(o.rtpy) if o.rtpy_target == "host" else _default(o.rtpy_elf)
    return "rtpy: target %s (%s), timeout %gs" % (o.rtpy_target, where, o.rtpy_timeout)


def pytest_runtest_setup(item):
    m = item.get_closest_marker("rtpy_host_only")
    if m and item.config.option.rtpy_target != "host":
        pytest.skip("needs the simulated board: %s" % (m.args[0] if m.args else "host only"))


@pytest.fixture
def rtpy_target(request):
    """"host" or "qemu"."""
    return request.config.option.rtpy_target


@pytest.fixture
def rtpy_device(request, tmp_path):
    """A factory: rtpy_device() gives a new Device (rtpy_device("b") names its files b.*);
    every device is stopped at the end of the test."""
    o = request.config.option
    if o.rtpy_timeout <= 0:
        raise pytest.UsageError("--rtpy-timeout must be positive")
    cfg = Config(o.rtpy_target, _default(o.rtpy), _default(o.rtpy_elf), o.rtpy_timeout)
    made = []

    def make(name=None):
        dev = Device(cfg, str(tmp_path), name or "dev%d" % len(made))
        made.append(dev)
        return dev

    yield make
    for dev in made:
        dev.close()


class Air:
    """A simulated radio medium (rtpy-air, docs/air.md) for boards that join it (Device.on_air).
    In virtual time it waits for all `devices` to join and ends when they have all left."""

    def __init__(self, program, devices, timeout):
        if not os.path.isfile(program):
            pytest.fail("rtpy-air: no program %s (make builds it; --rtpy-air=PATH)" % program,
                        pytrace=False)
        self.dir = tempfile.mkdtemp(prefix="rtpy-air-")  # socket paths are short
        self.socket = os.path.join(self.dir, "air")
        self.timeout = timeout
        self.proc = subprocess.Popen([program, self.socket, "--wait=%d" % devices, "--exit-when-empty"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        end = time.monotonic() + 10
        while not os.path.exists(self.socket):
            if self.proc.poll() is not None or time.monotonic() > end:
                self.close()
                pytest.fail("rtpy-air did not start: %s" % self.proc.stderr.read().decode("utf-8", "replace"),
                            pytrace=False)
            time.sleep(0.01)

    def wait(self):
        """Waits for the medium to end (every board left); fails the test on an error."""
        try:
            _, err = self.proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.close()
            pytest.fail("rtpy-air: still running after %gs (a board never joined or never left?)"
                        % self.timeout, pytrace=False)
        if self.proc.returncode != 0:
            pytest.fail("rtpy-air: exit status %d: %s" % (self.proc.returncode, err.decode("utf-8", "replace")),
                        pytrace=False)
        return err.decode("utf-8", "replace")

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def rtpy_air(request):
    """A factory: rtpy_air(devices=2) starts a radio medium that waits for that many boards."""
    o = request.config.option
    if o.rtpy_target != "host":
        pytest.skip("the radio medium joins simulated boards only (--rtpy-target=host)")
    media = []

    def make(devices=2):
        air = Air(_default(o.rtpy_air), devices, o.rtpy_timeout)
        media.append(air)
        return air

    yield make
    for air in media:
        air.close()
