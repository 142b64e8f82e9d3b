#!/usr/bin/python3
"""aioble (lib/aioble: micropython-lib's asyncio BLE API over the bluetooth module) on two rtpy
boards that meet on the simulated radio (rtpy-air), in virtual time: tests/ble/aioble_sensor.py
is a peripheral (a temperature read and notified, a control characteristic written with and
without response, an indication, a write-only one), tests/ble/aioble_central.py scans (a name
nobody has: nothing; the sensor: its name, services and manufacturer data), connects, exchanges
the MTU, discovers, reads, writes, subscribes and gets notifications and an indication, gets a
GattError, pairs, disconnects; then the sensor vanishes: a read times out, the link drops, a
read raises DeviceDisconnectedError, connecting times out. Two runs give the same output.
tests/ble/aioble_parse.py: the advertising payload and scan results, without a radio.
examples/ble_aioble_sensor.py and ble_aioble_central.py, with each other and with the
bluetooth-module examples they mirror (ble_temp_sensor.py, ble_temp_client.py).

Usage: tests/host/test_aioble.py --rtpy build/host/rtpy --air build/host/rtpy-air [-v]
Prints "N passed, N failed". CPython's stdlib.
"""
import os
import re
import subprocess
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(TOP, "tests", "ble")
RTPY = AIR = None
TIMEOUT = 60

SENSOR = """\
temp initial 2150
advertise timeout
connection 0 True Device(ADDR_PUBLIC, c2:00:dd:19:f5:5a)
written True b'hello' b'hello'
written True b'fast' b'fast'
written True b'burst' b'burst'
temp now 2225
written True b'indicate' b'indicate'
indication confirmed
disconnected 0 False encrypted True bonded True
connection 1 True Device(ADDR_PUBLIC, c2:00:dd:19:f5:5a)
written True b'vanish' b'vanish'
power off
"""

CENTRAL = """\
missing None 500
found sens-1 [UUID(0x181a)] [(43981, b'1234')] [] -54 True Device(ADDR_PUBLIC, c2:00:97:9e:62:d7)
connected True True
mtu 247 247
services [UUID(0x1800), UUID(0x181a)]
service UUID(0x181a) None
characteristics [UUID(0x2a6e), UUID('a0b10001-0000-4000-8000-00000000a10b'), \
UUID('a0b10002-0000-4000-8000-00000000a10b'), UUID('a0b10003-0000-4000-8000-00000000a10b')]
temp 2150
descriptors [UUID(0x2902)]
wrote with response
read back b'fast'
notified 2175
notified 2200
notified 2225
notified 32767
no more notifications
connection.timeout: TimeoutError
indicated b'alert!'
refused read: GattError 2
paired encrypted True bonded True key 16
after async with False
connected again True
read timed out after 1000
still connected True
link dropped after 4 s
read on a dropped link: DeviceDisconnectedError
connect timed out after 1000
done
"""

PARSE = """\
one packet 020106060973686f727403030f180319000305ff59000102 b''
split 30 22
too long: advertising data too long
Device(ADDR_RANDOM, c2:00:01:02:03:04) c2:00:01:02:03:04 None [] []
new adv True same again False resp True
a-rather-long-device-name [UUID('a0b10001-0000-4000-8000-00000000a10b'), UUID(0x181a)] -42 True
[UUID('12345678-0000-1000-8000-00805f9b34fb'), UUID('a0b10001-0000-4000-8000-00000000a10b'), \
UUID(0x181a)] [(4660, b'\\xaa\\xbb'), (89, b'\\xcc')] [(89, b'\\xcc')] False
True False
1
security None None
"""


class Aioble(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.sock = os.path.join(self.tmp.name, "air.sock")

    def tearDown(self):
        self.tmp.cleanup()

    def sensor_and_central(self, run=0):
        # each board in a directory of its own: the bonds file the module keeps (no --flash)
        def cwd(name):
            d = os.path.join(self.tmp.name, "%s.%d" % (name, run))
            os.makedirs(d, exist_ok=True)
            return d
        devices = [("periph", 0, os.path.join(SCRIPTS, "aioble_sensor.py"), ["sens-1", "2"], []),
                   ("central", 5, os.path.join(SCRIPTS, "aioble_central.py"), ["sens-1"], [])]
        outs, _ = suite.run_on_air(self, AIR, RTPY, self.sock, devices, cwd=cwd, timeout=TIMEOUT,
                                   status={"periph": 6})  # it ends by losing power
        return outs

    def test_sensor_and_central(self):
        outs = self.sensor_and_central()
        self.assertEqual(outs["periph"], SENSOR)
        self.assertEqual(outs["central"], CENTRAL)

    def test_deterministic(self):
        self.assertEqual(self.sensor_and_central(1), self.sensor_and_central(2))

    def example_pair(self, sensor, central):
        ex = os.path.join(TOP, "examples")
        devices = [("sensor", 0, os.path.join(ex, sensor), [], []),
                   ("phone", 4, os.path.join(ex, central), [], [])]
        return suite.run_on_air(self, AIR, RTPY, self.sock, devices, cwd=lambda n: self.tmp.name,
                                timeout=TIMEOUT)[0]

    def test_examples(self):
        # examples/ble_aioble_*.py with each other and with the bluetooth-module examples they
        # mirror (ble_temp_*.py): a read and three notified readings of the sine (25 + 10
        # sin(2 pi t / 10 s), sampled once a second: the instants vary with the code's speed)
        served = "connection from Device(ADDR_PUBLIC, c2:00:77:36:11:af)\ndisconnected\n"
        for sensor, central, sensor_out in (("ble_aioble_sensor.py", "ble_aioble_central.py", served),
                                            ("ble_temp_sensor.py", "ble_aioble_central.py", ""),
                                            ("ble_aioble_sensor.py", "ble_temp_client.py", served)):
            out = self.example_pair(sensor, central)
            self.assertEqual(out["sensor"], sensor_out)
            m = re.fullmatch(r"found rtpy-temp\nread (\S+) C\nnotified (\S+) C, (\S+) C, (\S+) C\n"
                             r"disconnected\n", out["phone"])
            self.assertTrue(m, out["phone"])
            readings = [float(v) for v in m.groups()]
            self.assertAlmostEqual(readings[0], 25, delta=0.5)
            for r in readings[1:]:
                self.assertTrue(15 <= r <= 35, out["phone"])
            self.assertGreater(readings[1], readings[0])  # the sine rises first

    def test_parse(self):
        p = subprocess.run([RTPY, os.path.join(SCRIPTS, "aioble_parse.py")], capture_output=True,
                           text=True, cwd=self.tmp.name, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout, PARSE)


if __name__ == "__main__":
    suite.air_main(Aioble, globals())
