# fsum equals the correctly rounded exact sum (checked with integer arithmetic)
import math
seed = 1
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed
ok = True
for trial in range(200):
    xs = []
    for i in range(1 + rnd() % 30):
        m = rnd() - 2**30
        e = rnd() % 60 - 30
        xs.append(math.ldexp(m, e))
    exact = sum(int(math.ldexp(x, 200)) for x in xs)  # all multiples of 2**-200
    want = exact / 2**200  # int / int is correctly rounded
    ok = ok and math.fsum(xs) == want
print(ok)
print(math.fsum([1e16, 1.0, 1e-16]), math.fsum([1e308, -1e308, 1.0]), math.fsum([-1e-300, 1e-300]))
print(math.fsum([0.1, 0.2, 0.3, -0.6]), sum([0.1, 0.2, 0.3, -0.6]))
