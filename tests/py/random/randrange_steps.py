# randrange with steps: only values on the grid, all of them reached
import random
random.seed(1234)
for start, stop, step in [(0, 10, 2), (1, 10, 3), (10, 0, -1), (10, -10, -5), (-3, 4, 7), (0, 100, 25)]:
    want = set(range(start, stop, step))
    got = {random.randrange(start, stop, step) for _ in range(500)}
    print(start, stop, step, got == want)
print({random.randrange(0, 1, 5) for _ in range(10)})
