# An LRU cache built on OrderedDict.move_to_end and popitem(last=False).
from collections import OrderedDict

class LRU:
    def __init__(self, size):
        self.size = size
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.size:
            print("evict", self.data.popitem(last=False))

c = LRU(3)
for k in "abcd":
    c.put(k, k.upper())
print(c.get("b"), c.get("a"))
c.put("e", "E")
c.put("c", "C2")
print(list(c.data.items()))
c = LRU(50)
for i in range(2000):
    c.put(i % 70, i)
    c.get((i * 7) % 70)
print(len(c.data), list(c.data)[:5])
