# Blink the LED with a periodic hardware timer: the timer's callback (a soft handler) toggles
# pin 2 every 500 ms while the main thread is free for other work, until KeyboardInterrupt.
# Runs unchanged on an ESP32 (its LED is on pin 2 too).
#
#   build/host/rtpy --trace=- --run-for=3000 examples/blink.py
#
# --trace=- prints every edge of the pin with its virtual time: 500 ms apart, no drift.
import time

from machine import Pin, Timer

led = Pin(2, Pin.OUT)
timer = Timer(0)
timer.init(period=500, mode=Timer.PERIODIC, callback=lambda t: led.toggle())
try:
    while True:
        time.sleep(1)
except KeyboardInterrupt:
    timer.deinit()
    led.off()
    print("stopped")
