# Checks: a scenario file that does not exist is a usage error: status 2, nothing on stdout.
try:
    import machine
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
print("not reached")
