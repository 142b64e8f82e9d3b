# Checks: machine.soft_reset() uncaught ends the program as SystemExit does: status 0, and
# the output before it is kept.
try:
    import machine
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit

print("before")
machine.soft_reset()
print("not reached")
