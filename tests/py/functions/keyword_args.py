# Keyword arguments: order of evaluation, mixing positional and keyword.
def show(a, b=2, c=3):
    return "a=%s b=%s c=%s" % (a, b, c)


def tr(v):
    print("eval", v)
    return v


print(show(1))
print(show(1, c=30))
print(show(c=tr(3), a=tr(1), b=tr(2)))
print(show(tr(1), c=tr(3)))
print(show(*[tr(1)], **{"c": tr(3)}))
d = {}
d.update(x=1, y=2)
print(d)
print(dict(a=1, **{"b": 2}))
print(sorted([3, 1, 2], reverse=True))
print("x".join(["a", "b"]), " ".join(sep := ["q", "r"]))
