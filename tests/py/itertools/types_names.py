# itertools objects are iterators of their own types, usable with next() and isinstance.
import itertools

names = ["count", "cycle", "repeat", "chain", "islice", "accumulate", "product",
         "permutations", "combinations", "combinations_with_replacement", "zip_longest",
         "starmap", "takewhile", "dropwhile", "filterfalse", "compress", "pairwise", "groupby"]
objs = [itertools.count(), itertools.cycle("a"), itertools.repeat(1), itertools.chain(),
        itertools.islice("a", 1), itertools.accumulate([]), itertools.product(),
        itertools.permutations(""), itertools.combinations("", 0),
        itertools.combinations_with_replacement("", 0), itertools.zip_longest(),
        itertools.starmap(max, []), itertools.takewhile(bool, []), itertools.dropwhile(bool, []),
        itertools.filterfalse(bool, []), itertools.compress("", []), itertools.pairwise(""),
        itertools.groupby("")]
for name, obj in zip(names, objs):
    cls = getattr(itertools, name)
    print(name, type(obj).__name__ == name, isinstance(obj, cls), iter(obj) is obj)
print(next(itertools.chain(), "default"), next(itertools.count(5), None))
print(type(itertools.tee("a")).__name__)
print(callable(itertools.chain.from_iterable))
