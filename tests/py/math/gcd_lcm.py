# gcd and lcm with any number of arguments, negative and huge ints
import math
print(math.gcd(), math.gcd(0), math.gcd(-7), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(12, -18))
print(math.gcd(0, 0), math.gcd(0, 5), math.gcd(5, 0), math.gcd(12, 18, 27), math.gcd(7, 13))
print(math.lcm(), math.lcm(0), math.lcm(-7), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(4, 6, 10), math.lcm(3, 0, 5))
a = 2**100 * 3**50
b = 2**80 * 5**30 * 3**10
print(math.gcd(a, b) == 2**80 * 3**10, math.gcd(a, 6), math.gcd(6, a))
print(math.lcm(a, b) == 2**100 * 3**50 * 5**30)
print(math.gcd(10**40 + 1, 10**40 - 1), math.gcd(-(10**30), 10**20))
print(math.gcd(True, 4), math.lcm(True, 4), math.gcd(2**62, 2**61), math.gcd(-2**62, 2**63))
fib = [0, 1]
for i in range(300):
    fib.append(fib[-1] + fib[-2])
print(math.gcd(fib[300], fib[299]), math.gcd(fib[300], fib[150]) == fib[150])
for bad in [1.0, '3']:
    for f in [math.gcd, math.lcm]:
        try:
            f(6, bad)
        except TypeError:
            print(f.__name__, 'TypeError')
