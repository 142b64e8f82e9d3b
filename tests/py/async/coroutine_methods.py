# Coroutine objects support send, throw and close like generators.
class Wait:
    def __await__(self):
        v = yield "waiting"
        return v


async def receiver():
    try:
        got = await Wait()
        print("received", got)
        got2 = await Wait()
        return got + got2
    except ValueError as e:
        return "thrown: " + str(e)
    finally:
        print("receiver finally")


c = receiver()
print(c.send(None))
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("result", e.value)
c = receiver()
c.send(None)
try:
    c.throw(ValueError("oops"))
except StopIteration as e:
    print("result", e.value)
c = receiver()
c.send(None)
c.close()
print("closed")
