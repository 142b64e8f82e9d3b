# Checks: the KeyboardInterrupt that --run-for delivers is preallocated (an interrupt cannot
# allocate) and survives garbage collections on a small heap until it is raised.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import gc
import time

try:
    while True:
        junk = [str(i) * 20 for i in range(300)]
        gc.collect()
        time.sleep_ms(1)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", type(e).__name__, time.ticks_ms())
