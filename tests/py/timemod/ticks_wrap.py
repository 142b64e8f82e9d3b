# Checks: ticks_add and ticks_diff wrap around at 2**30 as MicroPython's: differences are
# signed and correct across the wrap, sums stay in 0..2**30-1.
try:
    import time
    time.ticks_add
except AttributeError:
    print("SKIP")
    raise SystemExit

P = 2**30
print(time.ticks_add(P - 1, 1), time.ticks_add(0, -1), time.ticks_add(P - 10, 25))
print(time.ticks_diff(5, P - 5), time.ticks_diff(P - 5, 5))
print(time.ticks_diff(0, P // 2), time.ticks_diff(P // 2 - 1, 0), time.ticks_diff(P // 2, 0))
deadline = time.ticks_add(P - 100, 300)
print(deadline, time.ticks_diff(deadline, P - 100), time.ticks_diff(deadline, 150) > 0)
print(time.ticks_diff(time.ticks_add(123, P // 2 - 1), 123))
print(time.ticks_add(7, -(P // 2)))
t = 0
for step in (P // 3, P // 3, P // 3, P // 3):
    t = time.ticks_add(t, step)
    print(t, end=" ")
print()
