# globals() and locals() dictionaries.
g_value = 1


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))
print("g_value" in globals(), globals()["g_value"])
globals()["injected"] = "hi"
print(injected)
print(globals() is globals(), __name__)


def g():
    return "g_value" in locals()


print(g())


class C:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))


print(C.names)
print(type(globals()).__name__)
