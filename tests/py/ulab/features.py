# ulab: the example, an accelerometer feature extractor: a window of 3-axis samples
# in int16 (raw sensor counts) turned into per-axis mean, RMS, peak-to-peak, the magnitude's
# std, zero crossings and the dominant frequency bin
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, fft, I16

N = 64
t = np.arange(0.0, 64.0, 1.0)
# counts: x a 4-cycle wave, y a slow ramp, z gravity (1000 counts) plus a small 8-cycle wave
raw = np.zeros((3, N), dtype=I16)
# (rounded first: truncating 299.99999 or 300.00001 would depend on the C library)
raw[0, :] = np.array(np.around(300 * np.sin(2 * np.pi * 4 * t / N)).tolist(), dtype=I16)
raw[1, :] = np.array((t * 10 - 320).tolist(), dtype=I16)
raw[2, :] = np.array(np.around(1000 + 50 * np.cos(2 * np.pi * 8 * t / N)).tolist(), dtype=I16)
g = raw * (9.81 / 1000)                  # to m/s^2, a float array

show("mean", np.mean(g, axis=1))
show("rms", np.sqrt(np.mean(g * g, axis=1)))
show("p2p", np.max(g, axis=1) - np.min(g, axis=1))
mag = np.sqrt(g[0] ** 2 + g[1] ** 2 + g[2] ** 2)
show("mag", np.mean(mag), np.std(mag), np.max(mag))
pos = raw[0] > 0                         # on the counts: exact zeros stay zeros
crossings = np.sum(pos[1:] != pos[:-1])
show("crossings", crossings)
for axis in range(3):
    re, im = fft(g[axis] - np.mean(g[axis]))
    power = re[: N // 2] ** 2 + im[: N // 2] ** 2
    show("axis %d peak" % axis, np.argmax(power), np.sqrt(np.max(power)) * 2 / N)
