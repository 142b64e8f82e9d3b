# choice, shuffle and sample through __len__/__getitem__/__setitem__ of a user class
import random
class Seq:
    def __init__(self, items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
random.seed(8)
s = Seq('abcdef')
print(sorted({random.choice(s) for _ in range(200)}))
random.shuffle(s)
print(sorted(s.items) == list('abcdef'))
try:
    random.sample(s, 2)
except TypeError:
    print('TypeError: not a registered Sequence')
class L(list):
    pass
print(sorted(random.sample(L('abc'), 3)))
print(sorted(random.sample(b'xyz', 3)), sorted(random.sample(range(3, 6), 3)))
