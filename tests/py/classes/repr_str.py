# __repr__ and __str__ and their use by print, str, repr, f-strings and containers.
class Both:
    def __repr__(self):
        return "Both()"

    def __str__(self):
        return "both-str"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly<1>"


class StrOnly:
    def __str__(self):
        return "str-only"


b = Both()
print(b, str(b), repr(b))
print([b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}")
r = ReprOnly()
print(r, str(r), [r])
s = StrOnly()
print(s, str(s))
print("%s %r" % (b, b))
print(str([1, "a"]), repr("a"), str("a"))
