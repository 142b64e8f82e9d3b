# The program behind the pictures in docs/tracing.md: a timer blinks the LED every 2 ms, a
# sampler thread reads ADC 34 every millisecond and hands the readings through an rtos.Queue
# to a reporter thread, which sends them out on UART 1; the button's interrupt sets event
# flags for the reporter. Run for 30 ms of virtual time:
#
#   build/host/rtpy --board=docs/img/trace_demo.board --run-for=30 \
#       --trace-vcd=demo.vcd --trace-sched=demo.json docs/img/trace_demo.py
import time

import rtos
from machine import ADC, UART, Pin, Timer

led = Pin(2, Pin.OUT, value=0)
button = Pin(0, Pin.IN, Pin.PULL_UP)
adc = ADC(Pin(34), atten=ADC.ATTN_11DB)
uart = UART(1, 115200)
readings = rtos.Queue(4)
flags = rtos.EventFlags()

Timer(0, mode=Timer.PERIODIC, period=2, callback=lambda t: led.toggle())
button.irq(lambda p: flags.set(1), trigger=Pin.IRQ_FALLING, hard=True)


def sampler():
    while True:
        readings.put(adc.read_uv() // 1000)
        time.sleep_ms(1)


def reporter():
    while True:
        mv = readings.get()
        if flags.get() & 1:
            flags.clear(1)
            uart.write(b"button\n")
        if mv > 2500:
            uart.write(b"%d\n" % mv)


rtos.Thread(sampler, priority=10, name="sampler")
rtos.Thread(reporter, priority=12, name="reporter")
try:
    while True:
        time.sleep_ms(100)
except KeyboardInterrupt:
    pass
