# str.split, rsplit, join and splitlines.
s = "  the quick  brown fox  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("a,b,c".rsplit(",", 1))
print("a b c".rsplit())
print("".split(), "".split(","))
print("x--y--z".split("--"))
print("1 2\t3\n4".split())
print(", ".join(["a", "b", "c"]), "".join("xyz"), "-".join([]))
print("|".join(str(i) for i in range(4)))
print("l1\nl2\r\nl3\n".splitlines(), "l1\nl2\n".splitlines(True))
try:
    ",".join([1, 2])
except TypeError:
    print("TypeError: join needs str")
try:
    "a".split("")
except ValueError:
    print("ValueError: empty separator")
