# bench/ulab: element-wise arithmetic on 1,000 floats: a + b, a * b + c
from _bench import np, run, N

a = np.linspace(0, 1, N)
b = np.linspace(2, -1, N)
c = np.linspace(-5, 5, N)
la, lb, lc = a.tolist(), b.tolist(), c.tolist()


def add_loop():
    return [la[i] + lb[i] for i in range(N)]


def fma_loop():
    return [la[i] * lb[i] + lc[i] for i in range(N)]


run("a+b", lambda: a + b, add_loop)
run("a*b+c", lambda: a * b + c, fma_loop)
