# Standard messages of arithmetic and type errors (kept together so they are easy to find).
def msg(f):
    try:
        f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "no error"


print(msg(lambda: 1 / 0))
print(msg(lambda: 1 + "a"))
print(msg(lambda: "a" + 1))
print(msg(lambda: 1 - "a"))
print(msg(lambda: None + 1))
