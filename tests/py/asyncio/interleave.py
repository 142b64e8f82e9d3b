# Tasks created in order start in order and interleave at each sleep(0), as in CPython.
import asyncio


async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "done")


async def main():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    c = asyncio.create_task(worker("c", 1))
    print("created")
    await a
    print("a awaited")
    await b
    await c


asyncio.run(main())
