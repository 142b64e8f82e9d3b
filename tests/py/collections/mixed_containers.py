# Containers of the collections module nested in each other and in built-ins.
from collections import deque, OrderedDict, defaultdict, namedtuple, Counter

P = namedtuple("P", "a b")
od = OrderedDict(d=deque([1, P(2, 3)]), c=Counter("aa"))
print(od)
dd = defaultdict(list)
dd["k"].append(OrderedDict(x=1))
print(dd)
print([deque([P(1, [2])], maxlen=2), {"t": P(deque(), OrderedDict())}])
print(P(P(1, 2), P(3, 4)))
print(deque([defaultdict(int, {1: 2})]))
