# Cancelling a task throws CancelledError into it where it waits; finally blocks run;
# awaiting a cancelled task raises CancelledError; cancel() on a done task returns False.
import asyncio


async def sleeper(log):
    try:
        await asyncio.sleep(10)
    finally:
        log.append("cleanup")


async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print(t.done(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("CancelledError", t.cancelled(), t.done(), log)
    print(t.cancel())
    # cancelled before it ever ran
    t2 = asyncio.create_task(sleeper(log))
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("never ran", log)
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
