"""Coroutines and async generators, driven by hand (no event loop)."""


async def add(a, b):
    return a + b


async def agen(n):
    for i in range(n):
        yield i * 10


async def main():
    total = await add(1, 2)
    items = [x async for x in agen(3)]
    return total, items


coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print("main returned", e.value)
