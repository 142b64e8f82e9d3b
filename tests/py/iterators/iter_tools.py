# Hand-written versions of common iterator helpers (no itertools in Step 1).
def chain(*its):
    for it in its:
        yield from it


def islice(it, n):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return


def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x


def groupby(seq, key):
    out = []
    for x in seq:
        k = key(x)
        if out and out[-1][0] == k:
            out[-1][1].append(x)
        else:
            out.append((k, [x]))
    return out


def accumulate(it):
    total = 0
    for x in it:
        total += x
        yield total


print(list(chain("ab", [1], range(2))))
print(list(islice(range(100), 3)), list(islice("ab", 5)))
print(list(pairwise([1, 2, 3, 4])), list(pairwise([])))
print(groupby([1, 1, 2, 3, 3, 3, 1], lambda x: x))
print(list(accumulate(range(6))))
