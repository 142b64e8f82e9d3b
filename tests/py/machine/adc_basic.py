# Checks: ADC readings of constant inputs: the ESP32 default attenuation (0 dB, 1.1 V full
# scale) saturates 2.5 V; atten(ATTN_11DB) gives the 3.9 V range; read() at each width,
# read_u16 and read_uv (from the 12-bit conversion); inputs above 3.3 V are clamped; a
# scenario step at 100 ms.
try:
    from machine import ADC, Pin
except ImportError:
    print("SKIP")
    raise SystemExit
import sys

if sys.platform != "linux":  # the host program (rtpy on a board says "rtpy")
    print("SKIP: needs the simulated board (boards/sim)")
    raise SystemExit
import time

a = ADC(Pin(34))
print(a, a.read(), a.read_u16(), a.read_uv())
a.atten(ADC.ATTN_11DB)
print(a.read(), a.read_u16(), a.read_uv())
for w in (ADC.WIDTH_9BIT, ADC.WIDTH_10BIT, ADC.WIDTH_11BIT, ADC.WIDTH_12BIT):
    a.width(w)
    print(a.read(), end=" ")
print()
b = ADC(35, atten=ADC.ATTN_2_5DB)
print(b.read(), b.read_uv())
for at in (ADC.ATTN_0DB, ADC.ATTN_6DB):
    b.atten(at)
    print(b.read(), end=" ")
print()
c = ADC(Pin(36), atten=ADC.ATTN_11DB)
print(c.read(), c.read_uv())
time.sleep_ms(100)
print(b.read(), b.read_u16(), b.read_uv())
