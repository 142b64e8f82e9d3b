# Plain, chained, tuple and augmented assignment.
a = 1
b = c = 2
print(a, b, c)
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
[p, q] = "pq"
print(p, q)
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 3
n %= 7
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
i = 0xF0
i |= 0x0F
i &= 0x3C
i ^= 0xFF
i <<= 2
i >>= 1
print(i)
f = 1.0
f /= 4
print(f)
