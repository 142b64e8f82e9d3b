# Truth values of builtin objects.
values = [0, 1, -1, 0.0, 0.5, "", "0", [], [0], (), (None,), {}, {0: 0},
          set(), {0}, None, True, False, range(0), range(1), b"", b"\x00",
          bytearray(), frozenset()]
for v in values:
    print(repr(v) if not isinstance(v, (set, frozenset)) else type(v).__name__, bool(v))
if []:
    print("no")
else:
    print("empty list is false")
while 0:
    print("never")
print("x" if "abc" else "y")
