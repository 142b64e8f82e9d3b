# randrange and randint errors (messages as CPython 3.11)
import random
def t(f, *args):
    try:
        v = f(*args)
        print(f.__name__, args, 'ok', type(v).__name__)
    except (ValueError, TypeError) as e:
        print(f.__name__, args, type(e).__name__, e)
t(random.randrange, 0)
t(random.randrange, -5)
t(random.randrange, 5, 2)
t(random.randrange, 5, 5)
t(random.randrange, 1, 10, 0)
t(random.randrange, 1, 10, -1)
t(random.randrange, 10, 1, 2)
t(random.randrange, 10.5)
t(random.randrange, 1, 10.5)
t(random.randrange, 1, 10, 1.5)
t(random.randrange, 5, None, 2)
t(random.randrange, 5, None, 1)
t(random.randint, 5, 4)
t(random.randint, 1.5, 3)
t(random.randint, 1, 2.5)
t(random.randrange, 10**30, 10**30 + 1)
print(random.randrange(10**30, 10**30 + 1) == 10**30)
try:
    random.randrange()
except TypeError:
    print('TypeError no args')
