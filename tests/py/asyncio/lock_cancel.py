# A task cancelled while it waits for a lock leaves the queue; the next waiter gets it.
import asyncio


async def hold(lock, t):
    async with lock:
        await asyncio.sleep(t)


async def want(lock, name, log):
    try:
        async with lock:
            log.append(name)
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise


async def main():
    lock = asyncio.Lock()
    log = []
    h = asyncio.create_task(hold(lock, 0.02))
    await asyncio.sleep(0)
    a = asyncio.create_task(want(lock, "a", log))
    b = asyncio.create_task(want(lock, "b", log))
    await asyncio.sleep(0)
    a.cancel()
    await h
    await asyncio.sleep(0.01)
    print(log, lock.locked(), b.done())


asyncio.run(main())
