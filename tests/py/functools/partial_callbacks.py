# partial as a callback: bound arguments in sort keys, map, handlers and classes.
from functools import partial

def scale(factor, x):
    return factor * x

handlers = [partial(scale, k) for k in range(1, 4)]
print([h(10) for h in handlers])
events = []

def on(name, value):
    events.append((name, value))

for n in "ab":
    cb = partial(on, n)
    cb(len(events))
print(events)

class Button:
    def __init__(self):
        self.callbacks = []

    def click(self):
        return [cb() for cb in self.callbacks]

b = Button()
b.callbacks.append(partial(str.upper, "x"))
b.callbacks.append(partial(sum, [1, 2], 10))
print(b.click())

class Holder:
    f = partial(scale, 2)

print(Holder.f(5), Holder().f(5))
print(sorted([3, -4, 1], key=partial(scale, -1)))
