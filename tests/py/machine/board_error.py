# Checks: a malformed scenario file is refused before the program runs: the host program
# prints FILE:LINE: message on stderr (not compared) and exits with status 2, with nothing
# on stdout.
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
