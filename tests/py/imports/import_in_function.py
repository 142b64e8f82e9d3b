# import inside a function binds a local name.
def f():
    import _helper
    return _helper.func(1)


print(f())
print("_helper" in dir())


def g():
    from _helper import CONST
    return CONST


print(g())
