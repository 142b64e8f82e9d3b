# Arbitrary expressions in f-strings: calls, comprehensions, conditionals, dicts.
def greet(n):
    return "hi " + n


items = {"apple": 3, "pear": 5}
print(f"{greet('bob')}, total={sum(items.values())}")
print(f"{', '.join(f'{k}={v}' for k, v in items.items())}")
print(f"{max(items, key=items.get)} {len([c for c in 'banana' if c == 'a'])}")
print(f"{'yes' if items['pear'] > 4 else 'no'}")
print(f"{items['apple'] * 2:03d}")
x = 3
print(f"{x ** 2} {x // 2} {x % 2} {-x} {not x}")
print(f"{(x, x)} {[x]} {x, 4}")
print(f"{{}} {'{'}{'}'}")
