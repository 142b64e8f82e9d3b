# Checks: ADC waveforms of the scenario, sampled at exact virtual times (read_uv, 11 dB): a
# 10 Hz sine of 1.65 V +- 1 V, a 50 Hz square wave between 0.5 V and 2.5 V replaced by a
# constant at 200 ms, and a ramp from 0 V to 3 V over 100 ms that then holds. Values are the
# 12-bit conversions (3.9 V / 4095 = 952 uV per step).
try:
    from machine import ADC
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

sine = ADC(32, atten=ADC.ATTN_11DB)
square = ADC(33, atten=ADC.ATTN_11DB)
ramp = ADC(39, atten=ADC.ATTN_11DB)
start = time.ticks_ms()
for i in range(9):
    deadline = time.ticks_add(start, i * 25)
    time.sleep_ms(time.ticks_diff(deadline, time.ticks_ms()))
    print(time.ticks_ms(), sine.read_uv() // 1000, square.read_uv() // 1000, ramp.read_uv() // 1000)
