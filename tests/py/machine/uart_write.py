# Checks: UART output goes to the trace with its virtual time (UART 1: the peer; UART 0: the
# console, which also prints it on stdout); write() takes bytes, bytearray or str and returns
# the count; flush/txdone; deinit makes further use an error.
try:
    from machine import UART
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

u = UART(1, 115200)
print(u.write(b"AT\r\n"))
time.sleep_ms(2)
print(u.write("caf\xe9 \"q\"\t\\"))
print(u.write(bytearray([0, 255])), u.flush(), u.txdone())
con = UART(0)
con.write("to the console\n")
u.deinit()
try:
    u.write(b"x")
except ValueError as e:
    print("ValueError", e)
