# Checks: machine.disable_irq() holds interrupts back, the board's scenario included: the
# edges at 1, 2, 2.05 and 2.1 ms take place only at enable_irq(state) (2.709 ms), where the
# pin's pending interrupt runs once for all of them (edges merge, as in a hardware flag);
# with interrupts enabled the handler runs at the exact edge times.
try:
    from machine import Pin, disable_irq, enable_irq
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

stamps = [0] * 6
n = [0]


def hard(p):
    stamps[n[0]] = time.ticks_us()
    n[0] += 1


Pin(4, Pin.IN).irq(hard, hard=True)
state = disable_irq()
k = 0
while k < 3000:  # 2.7 ms of bytecodes, over the edges at 1, 2, 2.05 and 2.1 ms
    k += 1
seen = n[0]
enable_irq(state)
print(seen, n[0], stamps[: n[0]])
time.sleep_ms(5)  # the pulse at 5 ms, handled on time
print(n[0], stamps[1:3])
