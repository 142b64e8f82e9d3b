# Checks: trigger=Pin.IRQ_RISING or IRQ_FALLING alone selects the edges; irq(None) (or
# handler=None) stops the interrupts; irq() without arguments gives the IRQ object. (The
# soft handler reads the clock within 1 us of the edge.)
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

rises, falls = [], []
p4 = Pin(4, Pin.IN)
p5 = Pin(5, Pin.IN)
p4.irq(lambda p: rises.append(time.ticks_ms()), trigger=Pin.IRQ_RISING)
p5.irq(lambda p: falls.append(time.ticks_us()), trigger=Pin.IRQ_FALLING)
print(p4.irq().trigger(), p5.irq().trigger())
time.sleep_ms(11)
p5.irq(None)
time.sleep_ms(10)
print(rises, falls, p5.irq().trigger())
