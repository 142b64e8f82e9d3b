# `in`, ==, != and + on strs take inline paths for qstrs and exact strs; subclasses, non-ASCII
# text, empty strings and type errors must behave as before.
s = "ab\\tcdé😀"
for c in ["a", "\\t", "é", "😀", "x", "", "ab", "cdé", "é😀", "😀x", s, s + "!", "\\x00"]:
    print(repr(c), c in s, c in "", c in " \\n\\t\\r", s == c, s != c, c + s == s + c)


class S(str):
    pass


t = S("xyz")
print("y" in t, S("y") in t, S("y") in "xyz", t == "xyz", "xyz" == t, t + "1", "1" + t, type(t + "").__name__)
print("\\x00" in "a\\x00b", "\\x00" in "ab", "" in "", "a" * 3 in "aaaa", "é" == "e\\u0301")
for bad in [1, None, b"a", ["a"]]:
    try:
        bad in "abc"
    except TypeError as e:
        print("TypeError", e)
    try:
        "abc" + bad
    except TypeError as e:
        print("TypeError", e)
print("abc" == 1, "abc" != None, "a" < "b", "é" > "z", S("a") <= "a")
