# Classic recursive algorithms: permutations, subsets, n-queens.
def perms(seq):
    if len(seq) <= 1:
        return [seq]
    out = []
    for i in range(len(seq)):
        for p in perms(seq[:i] + seq[i + 1:]):
            out.append(seq[i] + p)
    return out


print(perms("abc"), len(perms("abcde")))


def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + r for r in rest]


print(sorted(subsets([1, 2, 3])))


def queens(n, row=0, cols=(), d1=(), d2=()):
    if row == n:
        return 1
    total = 0
    for c in range(n):
        if c not in cols and row + c not in d1 and row - c not in d2:
            total += queens(n, row + 1, cols + (c,), d1 + (row + c,), d2 + (row - c,))
    return total


print([queens(n) for n in range(1, 8)])
