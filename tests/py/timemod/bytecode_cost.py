# Checks: the virtual-time cost model: every bytecode costs 100 ns. spin's loop is 9
# bytecodes (LOAD_FAST x3, COMPARE_LT, POP_JUMP_IF_FALSE, LOAD_SMALL_INT, INPLACE_ADD,
# STORE_FAST, JUMP), so 10000 iterations take 9000 us, plus 2 us for the call and the clock
# readings; 20000 take twice as long; ticks_cpu counts the same microseconds.
try:
    import time
    time.ticks_ms
except AttributeError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit


def spin(n):
    i = 0
    while i < n:
        i += 1


def cost(n):
    t0 = time.ticks_us()
    spin(n)
    return time.ticks_diff(time.ticks_us(), t0)


a = cost(10000)
b = cost(20000)
print(a, b, b - a)
c0 = time.ticks_cpu()
spin(10000)
print(time.ticks_diff(time.ticks_cpu(), c0))
