# Checks: hard=True hardware timer callbacks run in interrupt context at the exact expiry
# times, 1 ms after init() (at 5 us), while the main thread is busy in bytecodes; ONE_SHOT
# fires once; freq= sets the period (1 kHz = 1 ms) and tick_hz rescales period=.
try:
    from machine import Timer
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

stamps = [0] * 8
n = [0]


def hard(t):
    if n[0] < 8:
        stamps[n[0]] = time.ticks_us()
        n[0] += 1


t1 = Timer(1, mode=Timer.PERIODIC, freq=1000, callback=hard, hard=True)
k = 0
while k < 3000:  # 2.7 ms of bytecodes
    k += 1
t1.deinit()
print(n[0], stamps[: n[0]])
once = []
t2 = Timer(2)
t2.init(mode=Timer.ONE_SHOT, period=1500, tick_hz=1000000, callback=lambda t: once.append(time.ticks_us()))
time.sleep_ms(10)
print(len(once), once[0] - stamps[1] > 0)
