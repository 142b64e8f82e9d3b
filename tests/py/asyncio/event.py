# Event: every waiter wakes on set(), in the order they started waiting; clear() re-arms;
# wait() on a set event returns at once.
import asyncio


async def waiter(ev, name, log):
    log.append(name + " waits")
    r = await ev.wait()
    log.append(name + " woke " + str(r))


async def main():
    ev = asyncio.Event()
    log = []
    print(ev.is_set())
    tasks = [asyncio.create_task(waiter(ev, n, log)) for n in "abc"]
    await asyncio.sleep(0)
    print(log)
    ev.set()
    print(ev.is_set())
    for t in tasks:
        await t
    print(log)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    t = asyncio.create_task(waiter(ev, "d", log))
    await asyncio.sleep(0.01)
    print(t.done())
    ev.set()
    await t
    print(log[-1])


asyncio.run(main())
