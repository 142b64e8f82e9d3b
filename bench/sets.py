# Set-heavy work: a sieve with sets, set algebra, membership tests and a graph search.
def run(rep):
    N = 30000 + rep * 1000
    composite = set()
    for i in range(2, 200):
        if i not in composite:
            composite.update(range(i * i, N, i))
    primes = set(range(2, N)) - composite
    evens = {i for i in range(0, N, 2)}
    threes = set(range(0, N, 3))
    both = evens & threes
    either = evens | threes
    only = evens ^ threes
    hits = 0
    for i in range(N):
        if i in primes and (i + 2) in primes:
            hits += 1
    # breadth-first search over a graph made of ints and tuples
    edges = {}
    for i in range(3000):
        edges[i] = {(i * 7 + 1) % 3000, (i * 13 + 5) % 3000, (i + 1) % 3000}
    seen = {0}
    frontier = {0}
    depth = 0
    while frontier:
        nxt = set()
        for v in frontier:
            nxt |= edges[v]
        frontier = nxt - seen
        seen |= frontier
        depth += 1
    words = {("w%d" % (i % 997), i % 3) for i in range(20000)}
    print(len(primes), len(both), len(either), len(only), hits, len(seen), depth, len(words),
          sum(primes) % 1000003)


for rep in range(8):
    run(rep)
