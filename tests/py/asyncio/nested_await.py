# Coroutines awaiting coroutines run inline; an exception deep inside travels up through
# the awaits with the right type.
import asyncio


async def level(n):
    if n == 0:
        await asyncio.sleep(0)
        raise LookupError("bottom")
    try:
        return await level(n - 1)
    finally:
        print("unwind", n)


async def compute(n):
    if n == 0:
        return 0
    await asyncio.sleep(0)
    return n + await compute(n - 1)


async def main():
    print(await compute(20))
    try:
        await level(3)
    except LookupError as e:
        print("caught", e)


asyncio.run(main())
