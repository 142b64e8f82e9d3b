# Checks: gmtime and mktime on known dates: leap years (2000, 2024, not 2100), the end of a
# year, weekday (Monday = 0) and day of the year, month normalisation in mktime.
try:
    import time
    time.ticks_ms
except AttributeError:
    print("SKIP")
    raise SystemExit

for secs in (0, 951782400, 1709164800, 1735689599, 4107542400, 4107456000):
    print(secs, time.gmtime(secs))
for tup in ((2024, 2, 29, 12, 0, 0, 0, 0), (2023, 13, 1, 0, 0, 0, 0, 0), (1999, 12, 31, 23, 59, 59, 0, 0)):
    print(time.mktime(tup))
print(time.gmtime(time.mktime((2038, 1, 19, 3, 14, 8, 0, 0))))
