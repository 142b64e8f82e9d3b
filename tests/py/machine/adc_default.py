# Checks: without a scenario every ADC input reads the board's default slow sine, 1.65 V +-
# 1.0 V at 0.1 Hz: 1.65 V at 0 s, 2.65 V at 2.5 s, 1.65 V at 5 s, 0.65 V at 7.5 s (mV, 11 dB).
try:
    from machine import ADC, Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

a = ADC(Pin(34))
a.atten(ADC.ATTN_11DB)
for i in range(4):
    print(round(a.read_uv() / 1000, -1))
    time.sleep_ms(2500)
