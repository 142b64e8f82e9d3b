# bench/ulab: the magnitude of 1,000 3-axis samples, sqrt(x**2 + y**2 + z**2)
import math
from _bench import np, run, N

x = np.linspace(-1, 1, N)
y = np.sin(x)
z = np.cos(x) * 9.81
lx, ly, lz = x.tolist(), y.tolist(), z.tolist()


def loop():
    sqrt = math.sqrt
    return [sqrt(lx[i] ** 2 + ly[i] ** 2 + lz[i] ** 2) for i in range(N)]


run("sqrt(x2+y2+z2)", lambda: np.sqrt(x ** 2 + y ** 2 + z ** 2), loop)
