# Checks: Pin outputs and the board trace (--trace=- puts it on stdout, in order with the
# program's output): Pin(n, Pin.OUT) drives 0 (traced), on/off/toggle/value()/__call__ set
# the level (each change traced once, with its virtual time), value= starts at a level.
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

led = Pin(2, Pin.OUT)
print(led, led.value())
led.on()
led.on()  # no change: no trace line
time.sleep_ms(1)
led.off()
led.toggle()
print(led())
led(0)
led.value(5)  # any true value
time.sleep_us(500)
led.value(False)
p = Pin(5, Pin.OUT, value=1)
print(p.value(), Pin(2) is led, led.id)
