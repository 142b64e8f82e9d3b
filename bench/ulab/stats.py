# bench/ulab: sum, mean and std of 1,000 floats; sorting them
import math
from _bench import np, run, N

a = np.sin(np.linspace(0, 37, N)) * 100
la = a.tolist()


def stats_loop():
    s = 0.0
    for v in la:
        s += v
    m = s / N
    q = 0.0
    for v in la:
        q += (v - m) * (v - m)
    return [s, m, math.sqrt(q / N)]


def stats_vec():
    return [np.sum(a), np.mean(a), np.std(a)]


def sort_loop():
    # an insertion-free merge sort in Python (sorted() would be C, not a Python loop)
    def msort(v):
        if len(v) <= 1:
            return v
        h = len(v) // 2
        l, r = msort(v[:h]), msort(v[h:])
        out, i, j = [], 0, 0
        while i < len(l) and j < len(r):
            if l[i] <= r[j]:
                out.append(l[i])
                i += 1
            else:
                out.append(r[j])
                j += 1
        return out + l[i:] + r[j:]
    return msort(la)


run("sum/mean/std", stats_vec, stats_loop)
run("sort", lambda: np.sort(a), sort_loop)
