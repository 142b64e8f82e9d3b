# Global and builtin name lookups are cached: rebinding, deleting and shadowing must show.
def use_len():
    return len("abcd")


def use_g():
    return G


G = 1
results = []
for i in range(3):
    results.append((use_len(), use_g()))
len = lambda s: -1  # shadow a builtin in the module
results.append(use_len())
del len  # and unshadow it
results.append(use_len())
G = 2
results.append(use_g())
del G
try:
    use_g()
except NameError as e:
    results.append("NameError")
globals()["G"] = 3
results.append(use_g())
print(results)

import builtins

print(use_len(), builtins.len("xy"))

# many globals (the module dict gets a hash index), then new ones added while cached
def reader():
    return (a0, a5, a19)


for k in range(20):
    globals()["a%d" % k] = k
print(reader())
for k in range(20, 60):
    globals()["a%d" % k] = k
a5 = "five"
print(reader())


# the same code run with two different globals dicts
code = compile("r = x + 1", "<t>", "exec")
g1 = {"x": 1}
g2 = {"x": 10}
for _ in range(2):
    exec(code, g1)
    exec(code, g2)
print(g1["r"], g2["r"])

g3 = {}
exec("def f():\n    return abs(-3)\n", g3)
print(g3["f"]())
g3["abs"] = lambda v: "shadowed"
print(g3["f"]())
del g3["abs"]
print(g3["f"]())


# a class body reads names from its own namespace, then globals, then builtins
x = "global x"


class C:
    y = x
    x = "class x"
    z = x


print(C.y, C.z)
