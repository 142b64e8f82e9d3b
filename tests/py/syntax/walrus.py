# Assignment expressions (:=).
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10])
print(y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 1, a + 1))
print([last := v for v in "abc"], last)


def f():
    if (m := 42):
        return m


print(f())
vals = [0, 0, 3, 0]
print(any((hit := v) for v in vals), hit)
x = (z := 5) * 2
print(x, z)
