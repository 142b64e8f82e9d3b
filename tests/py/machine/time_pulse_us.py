# Checks: machine.time_pulse_us(pin, level, timeout_us): waits for the level, then times the
# pulse (it polls every microsecond in virtual time: readings are within 2 us); -2 when the pulse does not start in time, -1 when it does not end
# in time; a pin already at the level is timed from the call.
try:
    from machine import Pin, time_pulse_us
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

p = Pin(14, Pin.IN, Pin.PULL_DOWN)  # idles low; the scenario pulses it high
print(time_pulse_us(p, 1, 1000), time.ticks_ms())  # no pulse within the first ms
print(time_pulse_us(p, 1, 10000), time.ticks_us())  # the 150 us pulse at 5 ms
time.sleep_ms(4)
print(time_pulse_us(p, 1, 1000), time.ticks_us())  # the 2 ms pulse at 10 ms outlasts 1 ms
print(time_pulse_us(p, 1, 5000), time.ticks_us())  # already high: until 12 ms
print(time_pulse_us(p, 0, 100), time.ticks_us())  # low from now on
