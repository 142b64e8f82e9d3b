# When the main coroutine ends, asyncio.run cancels the tasks still running (as CPython;
# in which order is not defined, so the log is sorted).
import asyncio

log = []


async def forever(name):
    try:
        while True:
            await asyncio.sleep(0.01)
    finally:
        log.append(name + " cleaned up")


async def main():
    asyncio.create_task(forever("x"))
    asyncio.create_task(forever("y"))
    await asyncio.sleep(0.035)
    print("main done")
    return 1


print(asyncio.run(main()))
print("after run", sorted(log))
