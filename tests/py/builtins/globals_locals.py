# globals() and locals() inside functions, classes and exec.
top = "top"


def f(a):
    b = a * 2
    names = sorted(locals())
    return names, "top" in globals(), "b" in globals()


print(f(1))


def g():
    return sorted(locals().items())


print(g())
glob = globals()
glob["dynamic"] = 123
print(dynamic)
ns = {}
exec("def h():\n    return sorted(k for k in globals() if not k.startswith('__'))\nv = 1", ns)
print(ns["h"]())
print(__name__, "__name__" in globals())
