# async with calls __aenter__ and __aexit__.
class Pause:
    def __await__(self):
        yield


class AsyncRes:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter", self.name)
        await Pause()
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        print("aexit", self.name, typ.__name__ if typ else None)
        await Pause()
        return typ is KeyError


async def main():
    async with AsyncRes("a") as r:
        print("body", r)
    async with AsyncRes("b"):
        raise KeyError("suppressed")
    try:
        async with AsyncRes("c"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "main done"


def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value


print(run(main()))
