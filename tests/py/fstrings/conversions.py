# !r, !s and !a conversions.
s = "it's"
print(f"{s!r} {s!s} {s}")
print(f"{42!r} {[1, 'a']!r} {'x'!r:>6}|")


class Obj:
    def __str__(self):
        return "str-form"

    def __repr__(self):
        return "repr-form"


o = Obj()
print(f"{o} {o!s} {o!r}")
print(f"{o!r:*^13}")
print(f"{'é'!r}")
