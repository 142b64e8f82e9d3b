# Strings are immutable.
s = "abc"
try:
    s[0] = "x"
except TypeError:
    print("TypeError: item assignment")
try:
    del s[0]
except TypeError:
    print("TypeError: item deletion")
t = s
s += "d"
print(s, t)
u = s.upper()
print(s, u)
print(hash("abc") == hash("ab" + "c"))
d = {"key": 1}
print(d["ke" + "y"])
