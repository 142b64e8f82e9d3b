# bytearray's mutating methods and in-place operators.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = bytearray()
for i in range(5):
    b.append(48 + i)
b.append(0)
b.append(255)
print(b, len(b))
t("append 256", lambda: b.append(256))
t("append -1", lambda: b.append(-1))
t("append str", lambda: b.append("a"))
t("append bytes", lambda: b.append(b"a"))
t("append none", lambda: b.append(None))

b = bytearray(b"ab")
b.extend(b"cd")
b.extend(bytearray(b"ef"))
b.extend(memoryview(b"gh"))
b.extend([105, 106])
b.extend(range(107, 109))
b.extend(x for x in b"mn")
b.extend(())
b.extend("")
print(b)
b.extend(b)
print(b)
t("extend int", lambda: bytearray().extend(5))
t("extend None", lambda: bytearray().extend(None))
t("extend str", lambda: bytearray().extend("ab"))
t("extend bad item", lambda: bytearray().extend([1, 256]))
t("extend float item", lambda: bytearray().extend([1.0]))

b = bytearray(b"abc")
b.insert(0, 48)
b.insert(-1, 49)
b.insert(100, 50)
b.insert(-100, 51)
b.insert(2, True)
print(b)
t("insert 256", lambda: b.insert(0, 256))
t("insert str index", lambda: b.insert("0", 1))
t("insert str value", lambda: b.insert(0, "a"))

b = bytearray(b"abcdef")
print(b.pop(), b.pop(0), b.pop(-2), b.pop(1), b)
t("pop out of range", lambda: b.pop(5))
t("pop -3", lambda: b.pop(-3))
t("pop str", lambda: b.pop("0"))
e = bytearray()
t("pop empty", lambda: e.pop())
t("pop empty index", lambda: e.pop(0))

b = bytearray(b"abcabc")
b.remove(98)
b.remove(ord("c"))
print(b)
t("remove missing", lambda: b.remove(122))
t("remove bytes", lambda: b.remove(b"a"))
t("remove 300", lambda: b.remove(300))

b = bytearray(b"hello")
c = b.copy()
c[0] = 72
print(b, c, c is not b, type(c).__name__)
b.reverse()
print(b)
bytearray(b"").reverse()
b = bytearray(b"x")
b.reverse()
print(b)
b = bytearray(b"abcd")
b.reverse()
print(b)
b.clear()
print(b, len(b))
b.clear()

b = bytearray(b"ab")
alias = b
b += b"cd"
b += bytearray(b"ef")
b += memoryview(b"gh")
b += bytes(b)
print(b, alias is b)
b *= 2
print(b, alias is b, len(b))
b *= 1
print(len(b))
b *= 0
print(b, alias is b)
b = bytearray(b"xy")
b *= -3
print(b)
b = bytearray(b"xy")
b *= True
print(b)


def iadd(v):
    x = bytearray(b"ab")
    x += v
    return x


def imul(v):
    x = bytearray(b"ab")
    x *= v
    return x


t("iadd str", lambda: iadd("cd"))
t("iadd list", lambda: iadd([1]))
t("iadd int", lambda: iadd(1))
t("imul str", lambda: imul("2"))
t("imul float", lambda: imul(2.0))
t("hash", lambda: hash(bytearray(b"x")))
big = bytearray()
for i in range(20000):
    big.append(i & 0xFF)
print(len(big), big[-3:], sum(big) % 1000)
while len(big) > 100:
    del big[len(big) // 2:]
print(len(big), big[:5])
b = bytearray(b"reinit")
b.__init__(b"new")
print(b)
b.__init__(3)
print(b)
b.__init__("\xe9", "utf-8")
print(b)
b.__init__()
print(b)
