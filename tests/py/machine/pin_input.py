# Checks: inputs without a scenario read their pull: PULL_UP 1, PULL_DOWN 0, none 0; pin 0
# (the BUTTON) has an external pull-up and reads 1; init() changes the pull; pins by name.
try:
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit

print(Pin(4, Pin.IN, Pin.PULL_UP).value(), Pin(5, Pin.IN, Pin.PULL_DOWN).value(), Pin(6, Pin.IN).value())
p = Pin(4)
p.init(pull=Pin.PULL_DOWN)
print(p.value())
p.init(Pin.IN, Pin.PULL_UP)
print(p.value())
p.init(pull=None)
print(p.value())
b = Pin("BUTTON", Pin.IN)
print(b, b.value(), Pin("LED"), Pin("GPIO17"))
print(Pin(0, Pin.IN, Pin.PULL_DOWN).value())
