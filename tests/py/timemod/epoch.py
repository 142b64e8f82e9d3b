# Checks: in virtual time time.time() is 2000-01-01 00:00:00 UTC plus the uptime, so every
# run sees the same dates (to the nanosecond: the bytecodes and the kernel call before the
# first reading take 2.7 us); time_ns agrees; gmtime/localtime of it and mktime round trips.
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

print(time.time_ns())
print(time.gmtime())
time.sleep_ms(1500)
print(time.time())
print(time.localtime())
print(time.mktime(time.localtime()), int(time.time()))
print(time.time_ns() // 1000000 - 946684800000)
