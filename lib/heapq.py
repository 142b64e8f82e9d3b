# heapq: binary min-heaps on lists, compared with < only (heap[0] is the smallest item). The
# heap operations are C (_heapq); merge, nsmallest and nlargest are Python.
# See docs/modules-containers.md.


from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop, _heapify_max,
                    _heappop_max, _heapreplace_max)


def merge(*iterables, key=None, reverse=False):
    # entries [key, order, value, iterator]: order makes ties go to the earlier iterable
    if reverse:
        hfy, hpop, hrep, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        hfy, hpop, hrep, sign = heapify, heappop, heapreplace, 1
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append([value if key is None else key(value), order * sign, value, it])
            break
    hfy(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        it = entry[3]
        for value in it:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            hrep(h, entry)
            break
        else:
            hpop(h)
    if h:
        yield h[0][2]
        yield from h[0][3]


# nsmallest/nlargest keep the n best (key, order, value) entries in a heap whose top is the
# worst of them; order keeps equal keys in input order, as sorted() would.
def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    h = []
    order = 0
    for value in iterable:
        k = value if key is None else key(value)
        if len(h) < n:
            h.append((k, order, value))
            if len(h) == n:
                _heapify_max(h)
        elif k < h[0][0]:
            _heapreplace_max(h, (k, order, value))
        order += 1
    h.sort()
    return [e[2] for e in h]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    h = []
    order = 0
    for value in iterable:
        k = value if key is None else key(value)
        if len(h) < n:
            h.append((k, order, value))
            if len(h) == n:
                heapify(h)
        elif h[0][0] < k:
            heapreplace(h, (k, order, value))
        order -= 1
    h.sort(reverse=True)
    return [e[2] for e in h]
