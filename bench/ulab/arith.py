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

# ADC-style samples: int16 arrays (integer arithmetic, no float on the way)
ia = np.array(range(-500, 500), dtype=np.int16)
ib = np.array(range(1000), dtype=np.int16)
lia, lib = ia.tolist(), ib.tolist()


def iadd_loop():
    return [lia[i] + lib[i] for i in range(N)]


run("int16 a+b", lambda: ia + ib, iadd_loop)
