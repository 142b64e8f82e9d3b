# Coroutines awaiting coroutines; exceptions propagate through await.
class Pause:
    def __await__(self):
        yield


async def leaf(v):
    await Pause()
    if v < 0:
        raise ValueError("negative %d" % v)
    return v * 2


async def middle(v):
    try:
        return await leaf(v) + 1
    except ValueError as e:
        return "handled: " + str(e)


async def top():
    return [await middle(5), await middle(-1)]


def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value


print(run(top()))


async def failing():
    await Pause()
    raise KeyError("boom")


try:
    run(failing())
except KeyError as e:
    print("KeyError escaped", e)
