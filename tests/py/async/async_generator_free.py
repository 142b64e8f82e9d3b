# An async function without await still needs to be driven; calling it only creates a coroutine.
ran = []


async def simple(x):
    ran.append(x)
    return x * 3


c = simple(4)
print(ran)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value, ran)

c2 = simple(1)
c2.close()
print(ran)


async def nested():
    return await simple(5) + await simple(6)


try:
    nested().send(None)
except StopIteration as e:
    print(e.value, ran)
