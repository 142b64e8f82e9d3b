# generator.send() passes a value into the paused yield expression.
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            break
        received.append(v)
    yield received


g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))


def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count


a = averager()
next(a)
for x in [10, 20, 60]:
    print(a.send(x))
try:
    echo().send("not None")
except TypeError:
    print("TypeError: can't send non-None to a just-started generator")
