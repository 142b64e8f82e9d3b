# Checks: the classic blink: a periodic hardware Timer toggling the LED every 250 ms from a
# soft callback; the trace (on stdout) shows each edge 2 us after each expiry (the dispatch
# thread's wake-up and the callback's bytecodes up to the write).
try:
    from machine import Pin, Timer
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

led = Pin("LED", Pin.OUT)
tim = Timer(0, period=250, callback=lambda t: led.toggle())
time.sleep_ms(1100)
tim.deinit()
print("led is", led.value())
