# Assignment expressions inside comprehensions bind in the enclosing scope.
values = [1, 5, 2, 8, 3]
total = 0
running = [total := total + v for v in values]
print(running, total)
print([y for x in values if (y := x * 2) > 5], y)


def f():
    found = [m for m in range(10) if (last := m) > 100]
    return found, last


print(f())
