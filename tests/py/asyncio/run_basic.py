# asyncio.run returns the coroutine's value; an exception in it propagates out of run.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def fails():
    await asyncio.sleep(0)
    raise ValueError("inside")


print(asyncio.run(add(2, 3)))
try:
    asyncio.run(fails())
except ValueError as e:
    print("ValueError", e)
print(asyncio.run(add("x", "y")))
