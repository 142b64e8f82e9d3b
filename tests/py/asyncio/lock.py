# Lock: one holder at a time, waiters served in arrival order, `async with` releases on
# exceptions too; releasing an unlocked lock is a RuntimeError.
import asyncio


async def user(lock, name, log, fail=False):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.01)
        log.append(name + " out")
        if fail:
            raise ValueError(name)


async def main():
    lock = asyncio.Lock()
    log = []
    print(lock.locked())
    r = await asyncio.gather(user(lock, "a", log), user(lock, "b", log, True),
                             user(lock, "c", log), return_exceptions=True)
    print(log)
    print([type(x).__name__ for x in r], lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError")


asyncio.run(main())
