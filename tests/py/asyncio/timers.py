# Sleeps of different lengths end in time order, whatever the order they started in.
import asyncio


async def after(delay, name, log):
    await asyncio.sleep(delay)
    log.append(name)


async def main():
    log = []
    tasks = [asyncio.create_task(after(d, n, log))
             for d, n in [(0.05, "e"), (0.01, "a"), (0.03, "c"), (0.02, "b"), (0.04, "d")]]
    for t in tasks:
        await t
    print(log)
    r = await asyncio.sleep(0.01, "result")
    print(r)


asyncio.run(main())
