# Without __eq__, instances compare by identity and are hashable.
class Plain:
    pass


a = Plain()
b = Plain()
print(a == a, a == b, a != b, a is a)
d = {a: "a", b: "b"}
print(d[a], d[b], len(d))
s = {a, a, b}
print(len(s))
print(a in [b, a], a in [b])
print(hash(a) == hash(a))
