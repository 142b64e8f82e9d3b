# Checks: machine.reset() resets the board: on the host the program ends at once with status
# 6 (docs/board-sim.md) after "reset" in the trace; reset_cause() is PWRON_RESET on the host
# (every run is a power-on); soft_reset() raises SystemExit (it can be caught).
try:
    import machine
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit

print(machine.reset_cause() == machine.PWRON_RESET)
print(machine.PWRON_RESET, machine.HARD_RESET, machine.WDT_RESET, machine.DEEPSLEEP_RESET, machine.SOFT_RESET)
try:
    machine.soft_reset()
except SystemExit:
    print("soft reset caught")
machine.Pin(2, machine.Pin.OUT, value=1)
machine.reset()
print("not reached")
