# An accelerometer feature extractor: samples x, y and z at 50 Hz from three ADC inputs (an
# analog accelerometer: 1.65 V at 0 g, 330 mV per g), and for every one-second window
# computes the magnitude sqrt(x**2 + y**2 + z**2) of the acceleration, its mean and its
# standard deviation, and classifies the activity as stationary, moderate or high.
# The arithmetic is ulab's (numpy-style arrays), so the same features() runs on a PC with
# numpy. The simulated board's scenario plays rest, walking, then running:
#
#   build/host/rtpy --run-for=12500 --board=examples/accel_activity.board examples/accel_activity.py
import time

from machine import ADC, Pin, Timer

try:
    from ulab import numpy as np
except ImportError:
    import numpy as np  # type: ignore  # a PC without numpy, or numpy beside ulab

RATE = 50  # samples per second
WINDOW = 50  # samples per window: one second
ZERO_G = 1.65  # volts at 0 g
PER_G = 0.33  # volts per g

adcs = []
for pin in (32, 33, 34):
    adc = ADC(Pin(pin))
    adc.atten(ADC.ATTN_11DB)  # the 0-3.9 V range
    adcs.append(adc)

raw = np.zeros((3, WINDOW))  # volts: one row per axis, filled by the timer's handler
count = 0
windows: list[np.ndarray] = []  # full windows waiting for the main loop


def sample(timer: Timer) -> None:
    global raw, count
    for axis in range(3):
        raw[axis, count] = adcs[axis].read_uv() / 1e6
    count += 1
    if count == WINDOW:
        windows.append(raw)
        raw = np.zeros((3, WINDOW))
        count = 0


def features(volts: np.ndarray) -> tuple[float, float]:
    g = (volts - ZERO_G) / PER_G  # volts to g, the three axes at once
    magnitude = np.sqrt(g[0] ** 2 + g[1] ** 2 + g[2] ** 2)
    return np.mean(magnitude), np.std(magnitude)


def classify(deviation: float) -> str:
    if deviation < 0.05:
        return "stationary"
    if deviation < 0.5:
        return "moderate"
    return "high"


timer = Timer(0, mode=Timer.PERIODIC, freq=RATE, callback=sample)
second = 0
try:
    while True:
        while not windows:
            time.sleep_ms(10)
        mean, deviation = features(windows.pop(0))
        second += 1
        print("%2d s  mean %.2f g  std %.3f g  %s" % (second, mean, deviation, classify(deviation)))
except KeyboardInterrupt:
    timer.deinit()
