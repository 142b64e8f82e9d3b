# Random doubles (from random bit patterns and decimal strings) through arithmetic, exact
# int comparisons, int/int true division, round(), hex()/fromhex() and as_integer_ratio();
# a digest per operation plus a few full results.
seed = 123456789
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed

def rnd_float():
    k = rnd() % 4
    if k == 0:
        return float.fromhex("0x1.%013xp%d" % (rnd() >> 12, rnd() % 2100 - 1075)) * (1 if rnd() % 2 else -1)
    if k == 1:
        return float("%d.%de%d" % (rnd() % 10**6, rnd() % 10**9, rnd() % 40 - 20))
    if k == 2:
        return (rnd() % 2**60) / 2.0 ** (rnd() % 70) - 2.0 ** 55
    return float(rnd() % 1000 - 500) / 8

def rnd_int():
    x = rnd() >> (rnd() % 64)
    if rnd() % 3 == 0:
        x = x * rnd() * rnd() << (rnd() % 100)
    return -x if rnd() % 2 else x

P = 1000000007
def digest(v):
    if isinstance(v, float):
        if v != v:
            return 7
        if v in (float("inf"), float("-inf")):
            return 11 if v > 0 else 13
        n, d = v.as_integer_ratio()
        return (n * 1000003 + d) % P
    return v % P

def safe(f):
    try:
        return f()
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return len(type(e).__name__)

tests = {
    "arith": lambda a, b, i, j: digest(a + b) + digest(a - b) + digest(a * b) + digest(safe(lambda: a / b)),
    "floordiv": lambda a, b, i, j: digest(safe(lambda: a // b)) + digest(safe(lambda: a % b)),
    "pow": lambda a, b, i, j: digest(safe(lambda: abs(a) ** (b % 7 - 3))) + digest(safe(lambda: a ** (i % 5))),
    "cmp_int": lambda a, b, i, j: (a < i) + 2 * (a == i) + 4 * (a > i) + 8 * (float(i) < i) + 16 * (int(a) == a if abs(a) < 1e300 else 0),
    "truediv": lambda a, b, i, j: digest(safe(lambda: i / j)) + digest(safe(lambda: i / (j % 1000 + 1))),
    "int_float": lambda a, b, i, j: digest(safe(lambda: float(i * j))) + digest(safe(lambda: int(a))),
    "round": lambda a, b, i, j: digest(safe(lambda: round(a, i % 20 - 5))) + digest(safe(lambda: round(a))),
    "hex": lambda a, b, i, j: digest(float.fromhex(a.hex())) + len(a.hex()),
    "repr": lambda a, b, i, j: digest(float(repr(a))) + len(repr(a)),
}
for name, f in tests.items():
    total = 0
    sample = []
    for k in range(400):
        a, b, i, j = rnd_float(), rnd_float(), rnd_int(), rnd_int()
        r = f(a, b, i, j)
        total = (total * 31 + r) % P
        if k < 3:
            sample.append(r)
    print(name, total, sample)
print(sorted([rnd_float() for _ in range(8)]))
