# ulab: fft.fft and fft.ifft with ulab's convention: real and imaginary parts in as two arrays
# (the second optional), a tuple (real, imaginary) out; _ul.fft calls numpy's complex
# transform the same way. Lengths are powers of two.
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, fft, U8, I8, U16, I16, F, B

# an impulse, a constant, a cosine and a sine on 8 points
show(*fft(np.array([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])))
show(*fft(np.ones(8)))
n = np.arange(0.0, 8.0, 1.0)
show(*fft(np.cos(2 * np.pi * n / 8)))
show(*fft(np.sin(2 * np.pi * 2 * n / 8)))
show(*fft(np.array([1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0])))

# with an imaginary part; one and two points
show(*fft(np.array([1.0, 0.0, -1.0, 0.0]), np.array([0.0, 1.0, 0.0, -1.0])))
show(*fft(np.array([5.0])), *fft(np.array([1.0, 3.0])))
show(*fft(np.array([1, 2, 3, 4], dtype=I16)))

# ifft undoes fft
x = np.array([0.5, -1.0, 2.0, 3.5, 0.0, 1.0, -2.5, 4.0])
re, im = fft(x)
show(*fft(re, im, inverse=True))
show(*fft(np.array([4.0, 0.0, 0.0, 0.0]), inverse=True))
show(*fft(np.array([0.0, 0.0, 0.0, 0.0]), np.array([0.0, 4.0, 0.0, 0.0]), inverse=True))

# a 256-point spectrum: the peak is at the signal's frequency (bin 10 and its mirror 246)
t = np.arange(0.0, 256.0, 1.0)
re, im = fft(np.sin(2 * np.pi * 10 * t / 256) + 0.25)
mag = np.sqrt(re * re + im * im)
show(np.argmax(mag[:128]), np.argmax(mag[128:]) + 128, mag[0], mag[10], mag[246])
print(np.max(mag[11:246]) < 1e-9)
