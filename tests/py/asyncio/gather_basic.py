# gather returns results in argument order; an exception propagates unless
# return_exceptions=True, which puts it in the list instead.
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def boom(delay):
    await asyncio.sleep(delay)
    raise KeyError("boom")


async def main():
    print(await asyncio.gather(value(1, 0.03), value(2, 0.01), value(3, 0.02)))
    print(await asyncio.gather())
    r = await asyncio.gather(value("a", 0.01), boom(0.02), return_exceptions=True)
    print(r[0], type(r[1]).__name__, r[1])
    try:
        await asyncio.gather(value("a", 0.01), boom(0.02))
    except KeyError as e:
        print("KeyError", e)
    t = asyncio.create_task(value("task", 0))
    print(await asyncio.gather(t, value("coro", 0)))


asyncio.run(main())
