# eval() and exec() with default, globals and locals dicts.
x = 10
print(eval("x + 1"), eval("[i * 2 for i in range(3)]"), eval("  1 + 2  "))
print(eval("a * b", {"a": 3, "b": 4}), eval("a + x", {"a": 1}, {"x": 100}))
g = {}
exec("y = 5\ndef f(n):\n    return n * y\n", g)
print(g["y"], g["f"](3), sorted(k for k in g if k != "__builtins__"))
exec("z = x * 2")
print(z)
loc = {}
exec("w = 7", {}, loc)
print(loc)
ns = {"data": [3, 1, 2]}
exec("data.sort()\nresult = data[0]", ns)
print(ns["result"], ns["data"])
print(eval("len('abc')"), eval("max")(1, 2))
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_var")
except NameError:
    print("NameError")
try:
    exec("x = 1 +")
except SyntaxError:
    print("SyntaxError in exec")
print(exec("1 + 1"))
code = compile("3 * 7", "<string>", "eval")
print(eval(code))
code = compile("q = 9", "<string>", "exec")
exec(code)
print(q)
