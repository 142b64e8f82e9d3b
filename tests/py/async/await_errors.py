# Awaiting something that is not awaitable raises TypeError.
async def bad():
    await 5


c = bad()
try:
    c.send(None)
except TypeError:
    print("TypeError: object int can't be used in 'await' expression")


async def good():
    return 1


async def awaits_coroutine_twice():
    co = good()
    a = await co
    try:
        await co
    except RuntimeError:
        return a, "RuntimeError: cannot reuse already awaited coroutine"


try:
    awaits_coroutine_twice().send(None)
except StopIteration as e:
    print(e.value)
