# async def / await driven by hand with coroutine.send(None) (no asyncio).
class Yield:
    """An awaitable that suspends the coroutine once."""

    def __await__(self):
        yield "suspended"


async def add(a, b):
    await Yield()
    return a + b


async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return x, y


coro = main()
print(type(coro).__name__)
steps = 0
while True:
    try:
        value = coro.send(None)
        steps += 1
        print("yielded", value)
    except StopIteration as e:
        print("result", e.value, "after", steps, "steps")
        break
