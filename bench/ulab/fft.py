# bench/ulab: the FFT of 1,024 points against an iterative radix-2 FFT in Python
import math
from _bench import np, run

N = 1024
x = np.sin(np.linspace(0, 50, N)) + np.cos(np.linspace(0, 7, N))
lx = x.tolist()


def fft_vec():
    if hasattr(np, "float64"):  # numpy: complex out
        c = np.fft.fft(x)
        return (c.real + c.imag).tolist()
    re, im = np.fft.fft(x)
    return (re + im).tolist()


def fft_loop():
    re, im = lx[:], [0.0] * N
    j = 0
    for i in range(1, N):  # bit reversal
        bit = N >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            re[i], re[j] = re[j], re[i]
    size = 2
    while size <= N:
        ang = -2 * math.pi / size
        wr, wi = math.cos(ang), math.sin(ang)
        for start in range(0, N, size):
            cr, ci = 1.0, 0.0
            for k in range(size // 2):
                a, b = start + k, start + k + size // 2
                tr = re[b] * cr - im[b] * ci
                ti = re[b] * ci + im[b] * cr
                re[b], im[b] = re[a] - tr, im[a] - ti
                re[a], im[a] = re[a] + tr, im[a] + ti
                cr, ci = cr * wr - ci * wi, cr * wi + ci * wr
        size *= 2
    return [re[i] + im[i] for i in range(N)]


run("fft 1024", fft_vec, fft_loop, n=N, vec_reps=20, loop_reps=1, runs=3)
