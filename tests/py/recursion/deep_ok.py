# Recursion a few hundred levels deep works.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(300))


def build(n):
    return [] if n == 0 else [build(n - 1)]


nested = build(250)
d = 0
while nested:
    nested = nested[0]
    d += 1
print(d)


def sum_list(lst):
    return 0 if not lst else lst[0] + sum_list(lst[1:])


print(sum_list(list(range(200))))
