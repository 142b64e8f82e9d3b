# Dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 9), d.setdefault("c", 3), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
d.update({"x": 10}, y=20)
d.update([("p", 1)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["new"] = 1
print("new" in d, "new" in c)
d.clear()
print(d, len(d))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
try:
    {}.popitem()
except KeyError:
    print("KeyError: popitem on empty dict")
