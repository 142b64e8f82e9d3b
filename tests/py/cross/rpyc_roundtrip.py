# Code objects through the .rpyc format and back (micropython.rpyc_dumps/rpyc_loads; CPython
# runs the same test through marshal): every kind of constant and of nested code survives.
try:
    from micropython import rpyc_dumps as dumps, rpyc_loads as loads
except ImportError:
    from marshal import dumps, loads

SRC = '''
big = (2**30, 2**31 - 1, -2**31, 2**62, 2**63, -2**64, 10**40, -7)
floats = (0.5, -0.0, 1e-300, 1.7976931348623157e308, float('inf'))
text = ("", "x", "héllo", "日本", "😀", "a" * 100)
data = (b"", b"\\x00\\xff", bytes(range(16)))
nest = (1, (2, ("three", (4.5, (None, True, False, ...)))))

def f(a, b=(1, 2), *rest, key="k", **kw):
    """doc of f"""
    return a, b, rest, key, sorted(kw)

def adder(n):
    def add(x):
        return x + n
    return add

def gen(n):
    x = yield n
    yield from range(x)

class Base:
    def who(self):
        return "Base"

class Derived(Base):
    def who(self):
        return "Derived<" + super().who() + ">"

result = [
    big, floats, text, data, nest,
    f(1), f(1, 2, 3, key="z", q=1), f.__doc__,
    adder(5)(10), [y for y in (lambda: [x * x for x in range(4)])()],
    {k: len(k) for k in text if k}, Derived().who(),
]
g = gen(1)
result.append((next(g), g.send(3), list(g)))
'''

code = compile(SRC, "roundtrip.py", "exec")
data = dumps(code)
print(type(data).__name__, len(data) > 200)
again = loads(data)
print(type(again).__name__, again.co_name, again.co_filename)
ns = {}
exec(again, ns)
for item in ns["result"]:
    print(item)
# a second trip gives the same bytes
print(dumps(loads(data)) == dumps(loads(dumps(loads(data)))))
