# Large strings, lists and ints built, dropped and rebuilt.
import gc

for round_ in range(5):
    s = "x" * 100000
    l = list(range(20000))
    n = 7 ** 5000
    print(round_, len(s), len(l), len(str(n)) if round_ == 0 else n % 1000)
    del s, l, n
    gc.collect()
