# functools.update_wrapper with custom assigned/updated and missing attributes.
from functools import update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES, partial

print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)

def src():
    "source doc"

src.extra = [1]

def dst():
    pass

r = update_wrapper(dst, src)
print(r is dst, dst.__name__, dst.__doc__, dst.extra, dst.__wrapped__ is src)

def dst2():
    "keep"

update_wrapper(dst2, src, assigned=("__name__",), updated=())
print(dst2.__name__, dst2.__doc__, hasattr(dst2, "extra"))

class NoName:
    pass

obj = NoName()

def dst3():
    pass

update_wrapper(dst3, obj, assigned=("__name__", "__doc__"), updated=())
print(dst3.__name__, dst3.__wrapped__ is obj)
p = partial(max, 1)
update_wrapper(p, src)
print(p.__name__, p.__doc__, p.extra, p(5))
