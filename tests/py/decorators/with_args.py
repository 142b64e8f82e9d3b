# Decorators taking arguments (decorator factories).
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco


@repeat(3)
def roll(x):
    return x * 2


print(roll(5))


def tag(name, cls=None):
    def deco(fn):
        def wrapper(text):
            attrs = ' class="%s"' % cls if cls else ""
            return "<%s%s>%s</%s>" % (name, attrs, fn(text), name)
        return wrapper
    return deco


@tag("b")
@tag("p", cls="note")
def text(t):
    return t


print(text("hi"))
