# Checks: Thread.join(timeout_ms) returns False while the thread still runs and True once
# it has ended; joining the main thread is refused.
try:
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: exact times need the host's virtual time")
    raise SystemExit
import time


def sleeper():
    time.sleep_ms(30)


t = rtos.Thread(sleeper)
t0 = time.ticks_ms()
print(t.join(timeout_ms=10), t.is_alive(), time.ticks_diff(time.ticks_ms(), t0))
print(t.join(timeout_ms=0))
print(t.join(), t.is_alive(), time.ticks_diff(time.ticks_ms(), t0))
print(t.join(timeout_ms=0))
main = rtos.current()


def join_main():
    try:
        main.join()
    except RuntimeError as e:
        print("RuntimeError", e)


rtos.Thread(join_main, priority=12).join()
