# Standard messages for calling non-callables and for attribute errors on user classes.
def msg(f):
    try:
        f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "no error"


x = 5
s = "str"
n = None
print(msg(lambda: x()))
print(msg(lambda: s()))
print(msg(lambda: n()))


class Point:
    pass


p = Point()
print(msg(lambda: p.missing))
print(msg(lambda: x.missing))
