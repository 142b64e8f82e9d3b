# Task.done/result/exception before and after the task ends.
import asyncio


async def ok():
    await asyncio.sleep(0)
    return "ok"


async def bad():
    await asyncio.sleep(0)
    raise OSError(5, "io")


async def main():
    t = asyncio.create_task(ok())
    print(t.done())
    try:
        t.result()
    except asyncio.InvalidStateError:
        print("InvalidStateError")
    await asyncio.sleep(0.01)
    print(t.done(), t.result(), t.exception())
    b = asyncio.create_task(bad())
    print(await asyncio.gather(b, return_exceptions=True))
    e = b.exception()
    print(type(e).__name__, e.args)
    try:
        b.result()
    except OSError as e2:
        print("raised", e2 is e)
    print(asyncio.current_task() is not None)


asyncio.run(main())
