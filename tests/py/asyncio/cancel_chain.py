# Cancelling a task that awaits another task cancels the awaited one too (as CPython);
# wait_for and gather pass a cancellation on to what they wait for.
import asyncio


async def child(log):
    try:
        await asyncio.sleep(0.05)
        log.append("child finished")
        return 7
    except asyncio.CancelledError:
        log.append("child cancelled")
        raise


async def parent(task, log):
    try:
        return await task
    except asyncio.CancelledError:
        log.append("parent cancelled")
        raise


async def via_wait_for(log):
    return await asyncio.wait_for(child(log), 10)


async def via_gather(log):
    return await asyncio.gather(child(log), child(log))


async def main():
    log = []
    c = asyncio.create_task(child(log))
    p = asyncio.create_task(parent(c, log))
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        pass
    print(c.cancelled(), log)
    for fn in (via_wait_for, via_gather):
        log = []
        t = asyncio.create_task(fn(log))
        await asyncio.sleep(0.01)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            await asyncio.sleep(0.1)
            print(fn.__name__, sorted(log))


asyncio.run(main())
