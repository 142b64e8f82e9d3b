# Standard messages of lookup errors.
def msg(f):
    try:
        f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "no error"


print(msg(lambda: [1, 2][5]))
print(msg(lambda: [][0]))
print(msg(lambda: {}["key"]))
print(msg(lambda: {}[42]))
print(msg(lambda: {}[(1, 2)]))
print(msg(lambda: "abc"[10]))
print(msg(lambda: (1,)[3]))
print(msg(lambda: undefined_name))
