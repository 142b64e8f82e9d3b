# Checks: the scenario forms: pin names (BUTTON, GPIOn), "= z" releasing a line to its pull,
# "every P from T until T" with toggle, pulse and UART bytes; all edges and bytes at exact
# times (soft handlers read the clock within a few us).
try:
    from machine import Pin, UART
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

log = []
Pin(0, Pin.IN).irq(lambda p: log.append(("btn", p.value(), time.ticks_us())))
Pin(16, Pin.IN).irq(lambda p: log.append(("g16", p.value(), time.ticks_ms())))
Pin(17, Pin.IN).irq(lambda p: log.append(("g17", p.value(), time.ticks_us())), trigger=Pin.IRQ_FALLING)
u = UART(1, 115200)
time.sleep_ms(12)
for entry in log:
    print(entry)
print(u.read())
