# List sorting (ints, strs, tuples, key functions) and list comprehensions.
seed = 12345


def rand():
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed


def run(rep):
    nums = [rand() % 100000 for _ in range(30000)]
    a = sorted(nums)
    b = sorted(nums, reverse=True)
    words = ["k%d" % (n % 5000) for n in nums]
    words.sort()
    pairs = [(n % 100, -n) for n in nums]
    pairs.sort()
    byk = sorted(nums, key=lambda n: (n % 7, n))
    squares = [x * x for x in a if x % 3 == 0]
    grid = [[i * j for j in range(40)] for i in range(40)]
    flat = [v for row in grid for v in row if v & 1]
    nested = sorted([sorted(row, reverse=True)[0] for row in grid])
    print(a[0], a[-1], b[0], words[0], words[-1], pairs[0], pairs[-1], byk[0], byk[-1],
          len(squares), sum(squares) % 1000007, len(flat), nested[-1])


for rep in range(3):
    run(rep)
