# async for uses __aiter__ and __anext__, ending on StopAsyncIteration.
class Pause:
    def __await__(self):
        yield


class ACounter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Pause()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def main():
    total = 0
    async for v in ACounter(4):
        print("got", v)
        total += v
    else:
        print("async for else")
    async for v in ACounter(10):
        if v == 2:
            break
    return total, v


def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps


print(run(main()))
