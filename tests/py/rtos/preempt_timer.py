# Checks: a higher-priority thread whose sleep ends while a lower one runs a pure bytecode
# loop takes over at once: each measured interval is the 5 ms sleep plus 3 us (the lock
# hand-over and the bytecodes and kernel calls between the two clock readings), the same
# every time; the lower thread's loop, which never blocks, still finishes afterwards.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import time

seen = []


def high():
    for i in range(3):
        t0 = time.ticks_us()
        time.sleep_ms(5)
        seen.append(time.ticks_diff(time.ticks_us(), t0))


rtos.Thread(high, priority=12)
n = 0
while n < 200000:  # 20 ms and more of bytecodes at 100 ns each
    n += 1
print(seen)
