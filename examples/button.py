# A button interrupt sets rtos.EventFlags for a worker thread. The interrupt handler is a
# hard one: it runs at the very edge, in interrupt context, and only does what cannot
# allocate (EventFlags.set, reading the clock into a preallocated list). The worker wakes on
# the flags, ignores contact bounce (edges within 20 ms of the last accepted one), measures
# each press and toggles the LED on short presses; a long press (>= 500 ms) blinks it.
#
#   build/host/rtpy --board=examples/button.board --trace=- --run-for=4000 examples/button.py
#
# The scenario presses pin 0 (the board's BUTTON: pulled up, so pressed = 0); --trace=-
# shows the LED edges on stdout with their times.
import time

import rtos
from machine import Pin

PRESSED = 1
RELEASED = 2

button = Pin(0, Pin.IN, Pin.PULL_UP)
led = Pin(2, Pin.OUT, value=0)
flags = rtos.EventFlags()
edge_time = [0]  # set by the handler: no allocation there


def on_edge(pin: Pin) -> None:
    edge_time[0] = time.ticks_ms()
    flags.set(PRESSED if pin.value() == 0 else RELEASED)


def worker() -> None:
    last = -1000
    pressed_at = 0
    while True:
        bits = flags.wait(PRESSED | RELEASED)
        now = edge_time[0]
        if time.ticks_diff(now, last) < 20:
            continue  # bounce
        last = now
        if bits & PRESSED and button.value() == 0:
            pressed_at = now
        elif bits & RELEASED and button.value() == 1:
            held = time.ticks_diff(now, pressed_at)
            if held >= 500:
                print("%5d ms  long press (%d ms): blink" % (now, held))
                for i in range(6):
                    led.toggle()
                    time.sleep_ms(50)
            else:
                led.toggle()
                print("%5d ms  press (%d ms): LED %s" % (now, held, "on" if led.value() else "off"))


button.irq(on_edge, trigger=Pin.IRQ_FALLING | Pin.IRQ_RISING, hard=True)
rtos.Thread(worker, priority=12, name="worker")
try:
    while True:
        time.sleep(1)
except KeyboardInterrupt:
    print("bye")
