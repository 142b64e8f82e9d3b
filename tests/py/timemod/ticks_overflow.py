# Checks: ticks_add refuses a delta outside -2**29 .. 2**29-1 (OverflowError), and ticks_diff
# accepts any tick values (they are taken modulo 2**30).
try:
    import time
    time.ticks_add
except AttributeError:
    print("SKIP")
    raise SystemExit

for d in (2**29, -(2**29) - 1, 2**40):
    try:
        time.ticks_add(0, d)
    except OverflowError as e:
        print("OverflowError")
print(time.ticks_add(0, 2**29 - 1), time.ticks_add(0, -(2**29)))
print(time.ticks_diff(2**30 + 5, 3), time.ticks_diff(-1, 0))
