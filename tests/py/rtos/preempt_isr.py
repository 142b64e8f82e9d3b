# Checks: a hard interrupt handler that runs at the instant a more urgent thread wakes up and
# waits for the interpreter lock does not swallow the hand-over request (the handler's call
# looks at the pending requests): the thread woken at 10 ms runs at once, although the main
# thread never blocks.
try:
    import rtos
    from machine import Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import time

woke = []


def f():
    pass


def hard(p):
    f()  # a call: the interpreter looks at its pending requests here


def sleeper():
    time.sleep_ms(10)
    woke.append(time.ticks_ms())


Pin(4, Pin.IN).irq(hard, trigger=Pin.IRQ_RISING, hard=True)
rtos.Thread(sleeper, priority=12)
n = 0
while n < 60000:  # 54 ms of bytecodes
    n += 1
print(woke, time.ticks_ms())
