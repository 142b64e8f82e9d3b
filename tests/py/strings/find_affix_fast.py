# find/index with (sub[, start]) and startswith/endswith with one argument take shortcuts for
# qstrs and exact strs; starts out of range, empty needles, non-ASCII text, subclasses,
# tuples and bad arguments must give CPython's results.
h = 'ab"cd"ef"'
for sub in ['"', "cd", "ef\"", "x", "", "ab", h, h + "x"]:
    print([h.find(sub, i) for i in range(-3, 12)], h.find(sub), h.count(sub))
    for i in [0, 3, 9, 10, -1]:
        try:
            print(h.index(sub, i), end=" ")
        except ValueError as e:
            print("VE", e, end=" ")
    print(h.startswith(sub), h.endswith(sub), "".startswith(sub), "".endswith(sub))
u = "aé😀b😀"
print(u.find("😀"), u.find("😀", 3), u.index("b", 1), u.find("b", 4), u.startswith("aé"),
      u.endswith("😀"), u.endswith("b😀"), u.startswith("é"), u.endswith("\x80"))


class S(str):
    pass


t = S("hello")
print(t.find("l"), t.find(S("l"), 3), t.startswith(S("he")), t.endswith("lo"),
      "hello".endswith(S("lo")), "hello".startswith(("x", "he")), "hello".endswith(("lo",)))
print("hello".find("l", True), "hello".find("l", 2**70), "hello".find("l", -2**70), "hello".find("l", None))
for call in [lambda: "ab".find(1), lambda: "ab".startswith(1), lambda: "ab".endswith(["b"]),
             lambda: "ab".index("a", "1"), lambda: str.startswith(1, "a"), lambda: "ab".find()]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
