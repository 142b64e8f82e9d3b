# Checks: the schedule queue holds 32 entries: with the dispatcher kept busy by a handler
# that blocks, a 33rd micropython.schedule raises RuntimeError; all queued ones run later.
try:
    import micropython
    import rtos
except ImportError:
    print("SKIP")
    raise SystemExit
import time

ran = [0]
gate = rtos.Semaphore(0)


def blocker(arg):
    gate.acquire()


def cb(arg):
    ran[0] += 1


micropython.schedule(blocker, None)  # runs at once and waits on the gate
n = 0
try:
    while n < 40:
        micropython.schedule(cb, n)
        n += 1
except RuntimeError as e:
    print("RuntimeError", e, "after", n)
gate.release()
time.sleep_ms(1)
print(ran[0])
