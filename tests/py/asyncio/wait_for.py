# wait_for returns the result in time, raises TimeoutError (and cancels the inner task)
# when it runs out; None means no limit.
import asyncio


async def slow(log):
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        log.append("inner cancelled")
        raise


async def quick():
    await asyncio.sleep(0.01)
    return "quick"


async def main():
    log = []
    print(await asyncio.wait_for(quick(), 1))
    print(await asyncio.wait_for(quick(), None))
    try:
        await asyncio.wait_for(slow(log), 0.05)
    except asyncio.TimeoutError:
        print("timed out", log)
    print(asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
