# Checks: ADC argument errors: a pin that is not an ADC input (only 32-39 are), bad
# attenuation and width values; the ADC constants are the ESP32's.
try:
    from machine import ADC, Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit


def attempt(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: ADC(Pin(4)))
attempt(lambda: ADC(40))
attempt(lambda: ADC(34).atten(4))
attempt(lambda: ADC(34).width(7))
attempt(lambda: ADC(32, atten=-1))
attempt(lambda: ADC(39).read())
print(ADC.ATTN_0DB, ADC.ATTN_2_5DB, ADC.ATTN_6DB, ADC.ATTN_11DB)
print(ADC.WIDTH_9BIT, ADC.WIDTH_10BIT, ADC.WIDTH_11BIT, ADC.WIDTH_12BIT)
