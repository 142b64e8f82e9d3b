# bytes() and bytearray() constructor forms, including the error cases.
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class WithBytes:
    def __bytes__(self):
        return b"from __bytes__"


class BadBytes:
    def __bytes__(self):
        return "not bytes"


class Idx:
    def __index__(self):
        return 3


for ctor in (bytes, bytearray):
    name = ctor.__name__
    t(name + " empty", lambda: ctor())
    t(name + " zero", lambda: ctor(0))
    t(name + " count", lambda: ctor(4))
    t(name + " bool", lambda: ctor(True))
    t(name + " index obj", lambda: ctor(Idx()))
    t(name + " list", lambda: ctor([0, 1, 127, 128, 255]))
    t(name + " tuple", lambda: ctor((72, 105)))
    t(name + " range", lambda: ctor(range(250, 256)))
    t(name + " gen", lambda: ctor(x + 1 for x in range(3)))
    t(name + " set", lambda: ctor({65}))
    t(name + " dict keys", lambda: ctor({66: "x"}))
    t(name + " bytes", lambda: ctor(b"\x00\xff"))
    t(name + " bytearray", lambda: ctor(bytearray(b"ba")))
    t(name + " memoryview", lambda: ctor(memoryview(b"mv")))
    t(name + " str utf-8", lambda: ctor("h\xe9llo \u20ac", "utf-8"))
    t(name + " str kw", lambda: ctor("abc", encoding="ascii"))
    t(name + " source kw", lambda: ctor(source=b"kw"))
    t(name + " __bytes__", lambda: ctor(WithBytes()))
    t(name + " bad __bytes__", lambda: ctor(BadBytes()))
    t(name + " str no enc", lambda: ctor("abc"))
    t(name + " str errors only", lambda: ctor("abc", errors="strict"))
    t(name + " int with enc", lambda: ctor(3, "utf-8"))
    t(name + " bytes with enc", lambda: ctor(b"x", "utf-8"))
    t(name + " no source enc", lambda: ctor(encoding="utf-8"))
    t(name + " no source errors", lambda: ctor(errors="strict"))
    t(name + " enc not str", lambda: ctor("a", 1))
    t(name + " unknown enc", lambda: ctor("a", "no-such-codec"))
    t(name + " negative", lambda: ctor(-1))
    t(name + " huge", lambda: ctor(2**80))
    t(name + " float", lambda: ctor(1.5))
    t(name + " None", lambda: ctor(None))
    t(name + " object", lambda: ctor(object()))
    t(name + " item 256", lambda: ctor([1, 256]))
    t(name + " item -1", lambda: ctor([-1]))
    t(name + " item big", lambda: ctor([2**70]))
    t(name + " item str", lambda: ctor(["a"]))
    t(name + " item float", lambda: ctor([1.0]))
    t(name + " too many", lambda: ctor(b"", "utf-8", "strict", 4))
    t(name + " bad kw", lambda: ctor(x=1))

b = b"same"
print(bytes(b) is b, bytes(bytearray(b)) == b, bytearray(b) is not b)
print(type(bytes()).__name__, type(bytearray()).__name__, len(bytes(1000)), bytes(1000).count(0))
