# Conditional expressions nested and inside other constructs.
def sign(n):
    return "+" if n > 0 else "-" if n < 0 else "0"


print([sign(n) for n in (-2, 0, 3)])
x = 5
y = (x * 2) if x > 3 else (x / 2)
print(y)
print({True: "t", False: "f"}[x > 3])
z = [1, 2] if x else []
print(z)
print((lambda n: "even" if n % 2 == 0 else "odd")(7))
