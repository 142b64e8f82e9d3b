#!/usr/bin/python3
"""The BLE examples (examples/ble_*.py) run in pairs on rtpy-air, in virtual time, so their
output is the same every run and is checked line for line: the serial-over-BLE peripheral and
its central; the temperature sensor (its ADC on the simulated board's slow sine) and its
client.

Usage: tests/host/test_ble_examples.py --rtpy build/host/rtpy --air build/host/rtpy-air [-v]
Prints "N passed, N failed". CPython's stdlib.
"""
import os
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "examples"))
RTPY = AIR = None


class Examples(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.sock = os.path.join(self.tmp.name, "air")

    def tearDown(self):
        self.tmp.cleanup()

    def pair(self, a, b):
        devices = [(name, x, os.path.join(EXAMPLES, script), [], []) for name, x, script in (a, b)]
        return suite.run_on_air(self, AIR, RTPY, self.sock, devices)[0]

    def test_uart(self):
        out = self.pair(("p", 0, "ble_uart_peripheral.py"), ("c", 3, "ble_uart_central.py"))
        self.assertEqual(out["c"], "found rtpy-uart, rssi -50\nconnected\nanswer b'HELLO\\n'\n"
                                   "answer b'RTPY OVER THE AIR\\n'\ndisconnected\n")
        self.assertEqual(out["p"], "advertising rtpy-uart\nconnected\ngot b'hello'\n"
                                   "got b'rtpy over the air'\ndisconnected\n")

    def test_temperature(self):
        out = self.pair(("sensor", 0, "ble_temp_sensor.py"), ("phone", 4, "ble_temp_client.py"))
        # 25 °C at t = 0, then the sine: 25 + 10 sin(2π t / 10 s), once a second
        self.assertEqual(out["phone"], "found rtpy-temp\nread 25.01 C\n"
                                       "notified 30.89 C, 34.52 C, 34.51 C\ndisconnected\n")
        self.assertEqual(out["sensor"], "")


if __name__ == "__main__":
    suite.air_main(Examples, globals())
