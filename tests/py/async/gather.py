# A hand-written gather(): run several coroutines to completion, collecting results in order.
class Yield:
    def __await__(self):
        yield


async def compute(n):
    total = 0
    for i in range(n):
        total += i
        await Yield()
    return total


def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    rounds = 0
    while pending:
        rounds += 1
        still = []
        for idx, c in pending:
            try:
                c.send(None)
                still.append((idx, c))
            except StopIteration as e:
                results[idx] = e.value
        pending = still
    return results, rounds


print(gather(compute(3), compute(10), compute(0), compute(5)))
