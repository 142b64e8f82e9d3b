# Checks: OPEN_DRAIN: value 0 pulls the line low; value 1 releases it, and the pin then reads
# what the line does: its pull, or what the scenario drives (here the peer pulls it low from
# 2 ms to 3 ms). Level changes of the pin are traced like an output's.
try:
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

p = Pin(13, Pin.OPEN_DRAIN, Pin.PULL_UP, value=1)
print(p.value())
p.value(0)
print(p.value())
p.value(1)
print(p.value())
time.sleep_ms(2)
print(p.value())  # the peer holds the line low
time.sleep_ms(1)
print(p.value())
p.init(pull=None)
print(p.value())
