# Checks: UART argument checks and the console UART: bytes the scenario sends to uart0 arrive
# there (the host's stdin is separate); bytes sent to a UART not yet initialised are lost;
# bad ids, baud rates, bits, stop bits, parity and timeouts are errors.
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

con = UART(0)
print(con.readline())  # timeout 0: nothing yet
time.sleep_ms(10)
print(con.readline())
u1 = UART(1)  # after the peer's bytes: they were lost
print(u1.any(), u1.read())


def attempt(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: UART(4))
attempt(lambda: UART(1, 100))
attempt(lambda: UART(1, 0))
attempt(lambda: UART(1, 9600, bits=4))
attempt(lambda: UART(1, 9600, stop=3))
attempt(lambda: UART(1, 9600, parity=2))
attempt(lambda: UART(1, 9600, timeout=-5))
attempt(lambda: UART(1, 9600, bits=7, parity=0, stop=2, timeout_char=3))
print(UART(1))
