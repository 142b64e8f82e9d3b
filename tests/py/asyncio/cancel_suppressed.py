# A task may catch CancelledError and go on; it then ends normally and is not cancelled().
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught cancel")
    await asyncio.sleep(0.01)
    return "still here"


async def waits_event(ev):
    await ev.wait()
    return "event"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())
    ev = asyncio.Event()
    w = asyncio.create_task(waits_event(ev))
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("event waiter cancelled")
    ev.set()
    await asyncio.sleep(0)
    print(ev.is_set())


asyncio.run(main())


# a task awaiting one that refuses the cancellation gets that task's result
async def refuses():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    return "refused"


async def awaits(t):
    return await t


async def second():
    inner = asyncio.create_task(refuses())
    outer = asyncio.create_task(awaits(inner))
    await asyncio.sleep(0)
    outer.cancel()
    print(await outer, outer.cancelled(), inner.cancelled())


asyncio.run(second())
