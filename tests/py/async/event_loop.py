# A tiny round-robin event loop running several coroutines.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for _ in range(self.ticks):
            yield


log = []


async def worker(name, n, ticks):
    for i in range(n):
        log.append("%s:%d" % (name, i))
        await Sleep(ticks)
    return name + " done"


def run(coros):
    ready = list(coros)
    results = {}
    while ready:
        c = ready.pop(0)
        try:
            c.send(None)
            ready.append(c)
        except StopIteration as e:
            results[len(results)] = e.value
    return results


print(run([worker("a", 3, 1), worker("b", 2, 2), worker("c", 1, 0)]))
print(log)
