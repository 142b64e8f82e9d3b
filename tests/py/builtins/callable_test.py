# callable() on many kinds of objects.
class C:
    def m(self):
        pass


class WithCall:
    def __call__(self):
        pass


things = [len, print, C, C(), C().m, C.m, WithCall(), lambda: 0, 5, "s", None, [], int,
          (x for x in []), type, object(), staticmethod]
print([callable(t) for t in things])
