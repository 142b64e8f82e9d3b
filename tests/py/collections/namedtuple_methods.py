# namedtuple helpers: _make, _asdict, _replace, __getnewargs__, _fields in new types.
from collections import namedtuple

Emp = namedtuple("Emp", "name age title")
e = Emp._make(["ann", 30, "dev"])
print(e, e._asdict(), type(e._asdict()).__name__)
f = e._replace(age=31, title="lead")
print(f, e, f is e)
print(e._replace(), e.__getnewargs__())
print(Emp._make(iter(("bob", 1, "x"))), Emp._make(x for x in "abc"))
Loc = namedtuple("Loc", Emp._fields + ("city",))
print(Loc(*e, city="oslo"))
print([Emp._make(r).name for r in [("a", 1, "t"), ("b", 2, "t")]])
print(max([Emp("a", 3, "x"), Emp("b", 9, "y")], key=lambda r: r.age).name)
d = e._asdict()
d["age"] = 99
print(Emp(**d))
