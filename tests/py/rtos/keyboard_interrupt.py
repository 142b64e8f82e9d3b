# Checks: --run-for=MS raises KeyboardInterrupt in the main thread at exactly MS of virtual
# time, even while it sleeps; other threads are not interrupted and stop when main ends.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import time


def ticker():
    while True:
        time.sleep_ms(40)
        print("ticker", time.ticks_ms())


rtos.Thread(ticker, priority=11)
try:
    while True:
        time.sleep_ms(1000)
except KeyboardInterrupt:
    print("KeyboardInterrupt at", time.ticks_ms())
time.sleep_ms(50)
print("main ends at", time.ticks_ms())
