# "%s" formats of tuples of strs are built in one piece, and s[i] of ASCII strs is read
# directly; every other shape must still go through the general code with CPython's results.
print('"%s": %s' % ("key", "[1, 2]"), "%s%s" % ("", ""), "%%" % (), "a%%b%s" % ("é",))
print("%s-%s" % ("😀", "ü"), len("%s|%s" % ("😀", "ü")), "%s" % ("x" * 40,)[:5])


class S(str):
    def __str__(self):
        return "S!"


print("%s/%s" % (S("a"), "b"), "%s" % (S("z"),), type("%s" % ("q",)).__name__)
print("%s %d %r" % ("a", 5, "b"), "%5s|%-3s|" % ("ab", "c"), "%s" % (1,), "%s,%s" % (None, 2.5))
print("%s" % "bare", "%s" % ["l"], "%(a)s" % {"a": "m"}, "%s" % (("t", "u"),))
for fmt, args in [("%s %s", ("a",)), ("%s", ("a", "b")), ("%", ()), ("%s %", ("a",)),
                  ("x", ("a",)), ("%s%z", ("a",))]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
t = 'ab"c'
print([t[i] for i in range(len(t))], [t[-i] for i in range(1, len(t) + 1)], t[True])
u = "aé😀"
print(u[0], u[1], u[2], u[-1], u[-3])
for bad in [3, -4, 1.0, "0"]:
    try:
        print(t[:3][bad] if not isinstance(bad, int) or abs(bad) < 10 else t[bad])
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


class T(str):
    pass


print(T("xyz")[1], type(T("xyz")[1]).__name__, T("xyz")[-1], ""[0:0] == "")


class Idx:
    def __index__(self):
        return 2


class NoIdx:
    pass


print("abc"[Idx()], "abc"[True], "abc"[False])
for bad in [NoIdx(), None, b"x", [1]]:
    try:
        "abc"[bad]
    except TypeError as e:
        print("TypeError", e)
