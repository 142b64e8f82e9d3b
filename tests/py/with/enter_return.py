# The value bound by "as" is what __enter__ returns, not the manager.
class Mgr:
    def __enter__(self):
        return "value from enter"

    def __exit__(self, *a):
        pass


m = Mgr()
with m as v:
    print(v, v is m)


class Self:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


s = Self()
with s as v:
    print(v is s)


class NoneEnter:
    def __enter__(self):
        pass

    def __exit__(self, *a):
        pass


with NoneEnter() as v:
    print(v)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print("not a context manager:", type(e).__name__)
