# f-string basics: expressions, method calls, quotes and braces.
name = "world"
n = 42
print(f"hello {name}")
print(f"{n} + 1 = {n + 1}", f"{n * 2}", f"{name.upper()}", f"{len(name)}")
print(f"{'single'} {'x'}")
print(f"{{literal braces}} {{{n}}}")
print(F"upper F {n}", f"", f"no fields")
d = {"k": "v"}
lst = [1, 2, 3]
print(f"{d['k']} {lst[1]} {lst[-1]} {lst[:2]}")
print(f"{n if n > 10 else 0} {[x * 2 for x in lst]} {(lambda v: v + 1)(1)}")
print(f"{'a' 'b'}", f"{1}{2}{3}", f"{None} {True} {1.5}")
x = 5
print(f"{x:>{x}}|")
print(rf"\n{x}", fr"{x}\t")
