# Checks: machine.freq (160 MHz on the simulated board; setting it is accepted and reported
# back, timing does not change), unique_id (six fixed bytes), idle() (waits for the next
# interrupt: at most one kernel tick of 1 ms), and the classes the module has.
try:
    import machine
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

print(machine.freq(), machine.unique_id())
machine.freq(240000000)
print(machine.freq())
try:
    machine.freq(5)
except ValueError as e:
    print("ValueError", e)
t0 = time.ticks_us()
machine.idle()
print(time.ticks_ms(), time.ticks_diff(time.ticks_us(), t0) <= 1000)
machine.idle()
print(time.ticks_ms())
print([n for n in ("Pin", "ADC", "Timer", "UART", "WDT") if hasattr(machine, n)])
