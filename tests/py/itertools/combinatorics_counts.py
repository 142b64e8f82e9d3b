# The combinatoric iterators produce the counts the formulas give, sorted and unique.
from itertools import permutations, combinations, combinations_with_replacement, product

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

ok = True
for n in range(6):
    pool = range(n)
    for r in range(n + 2):
        p = list(permutations(pool, r))
        c = list(combinations(pool, r))
        w = list(combinations_with_replacement(pool, r))
        np_ = fact(n) // fact(n - r) if r <= n else 0
        nc = fact(n) // (fact(r) * fact(n - r)) if r <= n else 0
        nw = fact(n + r - 1) // (fact(r) * fact(n - 1)) if n else (1 if r == 0 else 0)
        if (len(p), len(c), len(w)) != (np_, nc, nw):
            ok = False
            print("mismatch", n, r, len(p), len(c), len(w))
        if c != sorted(c) or p != sorted(p) or w != sorted(w):
            ok = False
            print("order", n, r)
        if len(set(p)) != len(p) or len(set(c)) != len(c):
            ok = False
        if c != [t for t in p if list(t) == sorted(t)]:
            ok = False
            print("combinations vs permutations", n, r)
        if w != [t for t in product(pool, repeat=r) if list(t) == sorted(t)]:
            ok = False
            print("cwr vs product", n, r)
print("ok" if ok else "FAILED")
