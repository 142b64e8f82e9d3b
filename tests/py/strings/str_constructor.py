# str() of various objects and str() with encoding.
print(str(), str(1), str(-1.5), str(True), str(None), str([1, "a"]), str((1,)))
print(str({"k": [1, 2]}), str(b"ab"), str(range(3)))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"))
print(type(str(5)).__name__, str("same") == "same")
print(str(10 ** 20), str(1e100), str(0.1))
