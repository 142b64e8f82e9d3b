# Checks: a deadline loop written with ticks_add/ticks_diff keeps working when the deadline
# lies past a 2**30 wrap (the microsecond ticks wrap after 17.9 minutes: simulated here by
# starting near the end of the range).
try:
    import time
    time.ticks_add
except AttributeError:
    print("SKIP")
    raise SystemExit

P = 2**30
start = P - 2500  # pretend "now" is just before the wrap
deadline = time.ticks_add(start, 4000)
now = start
steps = 0
while time.ticks_diff(deadline, now) > 0:
    now = time.ticks_add(now, 1000)
    steps += 1
print(deadline, steps, time.ticks_diff(now, start))
