# A sensor thread reads an analog input every 500 ms while the main loop prints the latest
# voltage every second, until KeyboardInterrupt (Ctrl-C; --run-for on the host) stops both.
# The classic MicroPython-on-an-RTOS program: it uses only _thread, time and machine, so it
# runs unchanged on an ESP32 (pin 34 is an ADC input there too).
#
#   build/host/rtpy --run-for=5500 examples/sensor.py
#   build/host/rtpy --run-for=5500 --board=examples/sensor.board examples/sensor.py
#
# Without a scenario the simulated board's ADC inputs read a slow sine (1.65 V +- 1 V, 10 s).
import _thread
import time

from machine import ADC, Pin

adc = ADC(Pin(34))
adc.atten(ADC.ATTN_11DB)  # the 0-3.9 V range

lock = _thread.allocate_lock()  # guards `latest`
latest = {"uv": 0, "samples": 0}
running = [True]
stopped = _thread.allocate_lock()
stopped.acquire()  # released by the sensor thread when it ends


def sensor() -> None:
    while running[0]:
        uv = adc.read_uv()
        with lock:
            latest["uv"] = uv
            latest["samples"] += 1
        time.sleep_ms(500)
    stopped.release()


_thread.start_new_thread(sensor, ())
try:
    while True:
        time.sleep(1)
        with lock:
            uv, n = latest["uv"], latest["samples"]
        print("t=%4.1f s  %.3f V  (%d samples)" % (time.ticks_ms() / 1000, uv / 1e6, n))
except KeyboardInterrupt:
    running[0] = False
    stopped.acquire()  # wait for the sensor thread to finish its last period
    print("stopped at t=%.1f s" % (time.ticks_ms() / 1000))
