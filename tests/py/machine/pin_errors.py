# Checks: the board's limits through Pin: pins 34-39 are inputs only (ValueError for OUT or
# OPEN_DRAIN, and for driving them), pin numbers 0-39 and names, bad modes and pulls.
try:
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit


def attempt(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: Pin(34, Pin.OUT))
attempt(lambda: Pin(39, Pin.OPEN_DRAIN))
attempt(lambda: Pin(36, Pin.IN).value(1))
attempt(lambda: Pin(35, Pin.IN, Pin.PULL_UP))
attempt(lambda: Pin(40))
attempt(lambda: Pin(-1))
attempt(lambda: Pin("NOPE"))
attempt(lambda: Pin(3.5))
attempt(lambda: Pin(4, 99))
attempt(lambda: Pin(4, Pin.IN, 7))
attempt(lambda: Pin())
attempt(lambda: Pin(4).irq(5))
attempt(lambda: Pin(4).irq(print, trigger=0))
print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_RISING, Pin.IRQ_FALLING)
