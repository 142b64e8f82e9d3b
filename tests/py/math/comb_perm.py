# comb and perm: small tables, big arguments, k > n, errors
import math
print([math.comb(6, k) for k in range(8)])
print([math.perm(6, k) for k in range(8)], math.perm(6), math.perm(6, None))
print(math.comb(50, 25), math.comb(100, 3), math.comb(100, 97), math.comb(0, 0))
print(math.comb(1000, 500) % 10**12, len(str(math.comb(2000, 1000))))
print(math.comb(10**20, 2), math.comb(10**20, 10**20 - 1))
print(math.perm(10**20, 2), math.perm(20, 20) == math.factorial(20))
print(math.comb(300, 150) == math.factorial(300) // (math.factorial(150) ** 2))
print(math.perm(400, 200) == math.factorial(400) // math.factorial(200))
print(sum(math.comb(30, k) for k in range(31)) == 2**30)
print(math.comb(True, True), math.perm(5, False))
for args in [(-1, 2), (5, -1), (-1, -1)]:
    for f in [math.comb, math.perm]:
        try:
            f(*args)
        except ValueError as e:
            print(f.__name__, args, 'ValueError', e)
for args in [(5.0, 2), (5, 2.0), ('5', 1)]:
    try:
        math.comb(*args)
    except TypeError:
        print('TypeError')
