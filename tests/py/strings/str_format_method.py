# str.format and str.format_map: field names, attribute/index access, conversions, nested specs, errors.
def t(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__


class P:
    x = 3
    name = "pt"

    def __init__(self):
        self.items = [10, 20]

    def __repr__(self):
        return "P()"

    def __str__(self):
        return "P-str"


class Missing(dict):
    def __missing__(self, key):
        return key.upper()


p = P()
print("{} {} {}".format(1, "é", None), "{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0.x} {0.name} {0.items[1]} {p.items[0]}".format(p, p=p), "{0[0]}{0[-1]}".format({0: "a", "-1": "b"}))
print("{a[k]} {a[0]} {b[1][0]}".format(a={"k": "v", 0: "zero"}, b=[0, "xy"]), "{0[2]}".format("abc"))
print("{0!r} {1!s} {2!a} {0!r:>8}|".format("é", p, "ü"), "{!r}{!a}".format(p, "€"))
print("{:>6}|{:<6}|{:^6}|{:*^7}|{:é>4}|".format("ab", "cd", "ef", "g", "h"))
print("{:d} {:5d} {:<5d}| {:05d} {:+d} {: d} {:x} {:#X} {:#o} {:b} {:,} {:_}".format(1, 2, 3, -4, 5, 6, 255, 255, 8, 5, 10 ** 6, 10 ** 6))
print("{:.2f} {:8.3f} {:e} {:.1%} {:g} {:.3} {}".format(3.14159, 2.5, 12345.0, 0.256, 1e-7, 3.14159, 1.5))
print("{:{}.{}f}|{:>{w}}|".format(3.14159, 9, 2, "x", w=4))
print("{0:{1}.{2}f}|{a:>{w}}|{a:{f}{al}{w}}|".format(2.71828, 8, 3, a="z", w=5, f="*", al="^"))
print("{{}} {{{}}} }}{{ {{0}}".format(7), "".format(1, 2), "plain".format(x=1), "{0}".format(*[5]))
print("{٣}{0}".format("a", "b", "c", "d"), "{:}|{}".format(1, 2))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{x} {y}".format_map(Missing(x="given")), "{0.real}".format(3))
print("{:s}".format("s"), "{:}".format(None), "{!s:>5}".format(None), "{!r:^9}".format(None))
print(format("é", "^5"), "{:.2}".format("日本語"), "{:>3}|".format("日本語"), "{:3}|".format(12))
for f, a, k in [("{} }", (1,), {}), ("{", (), {}), ("}", (), {}), ("{0", (1,), {}), ("{0!", (1,), {}),
                ("{0!r", (1,), {}), ("{0!rx}", (1,), {}), ("{0!x}", (1,), {}), ("{!}", (1,), {}),
                ("{0:", (1,), {}), ("{} {1}", (1, 2), {}), ("{1} {}", (1, 2), {}), ("{2}", (1, 2), {}),
                ("{}{}", (1,), {}), ("{a}", (), {"b": 1}), ("{0.y}", (p,), {}), ("{0[}", (1,), {}),
                ("{0]}", (1,), {}), ("{0[0]x}", ([1],), {}), ("{0.}", (1,), {}), ("{0[]}", (1,), {}),
                ("{:{:{:{}}}}", (1, 2, 3, 4), {}), ("{:d}", ("x",), {}), ("{:s}", (5,), {}),
                ("{0{}", (1,), {}), ("{99999999999999999999}", (1,), {}), ("{0[1]}", ([1],), {}),
                ("{:x}", (1.5,), {}), ("{:>5}", (None,), {}), ("{0:{}}", (1, 2), {}), ("{:{0}}", (1, 2), {}),
                ("{0:{a}}", (1,), {}), ("{ }", (1,), {}), ("{0!é}", (1,), {}), ("{:,d}", ("a",), {})]:
    print(repr(f), t(lambda: f.format(*a, **k)))
print(t(lambda: "{}".format_map({})), t(lambda: "{a}".format_map(5)), t(lambda: "{a}".format_map({})))
print(t(lambda: "{0}".format_map([1])), t(lambda: str.format()), t(lambda: "x".format_map()))


class F:
    def __format__(self, spec):
        return "F(" + spec + ")"


print("{}|{:abc}|{:>{}}|{!s:>3}".format(F(), F(), F(), 4, 7), f"{F():x{1+1}}")
