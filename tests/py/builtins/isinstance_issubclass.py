# isinstance() and issubclass() with builtin types and the object hierarchy.
vals = [1, True, 1.5, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, range(1),
        slice(1)]
types = [int, bool, float, str, bytes, bytearray, list, tuple, dict, set, frozenset, object]
for v in vals:
    print(type(v).__name__, [t.__name__ for t in types if isinstance(v, t)])
print(issubclass(bool, (str, int)), issubclass(int, object), issubclass(type, object))
print(issubclass(object, type), isinstance(type, type), isinstance(object, type))
