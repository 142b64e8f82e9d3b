# Semicolons, line continuations and implicit joining inside brackets.
a = 1; b = 2; print(a + b)
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,
    3,  # trailing comma
]
print(items)
call = max(
    4,
    9,
    2
)
print(call)
s = ("implicit "
     "concatenation "
     'of strings')
print(s)
if (a == 1 and
        b == 2):
    print("multi-line condition")
d = {
    "k": 1,
}
print(d)
x = 5 if a else \
    6
print(x)
