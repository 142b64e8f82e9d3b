# Other everyday methods: removeprefix/removesuffix, split with maxsplit, unbound calls.
print("www.example.com".removeprefix("www."), "file.py".removesuffix(".py"))
print("abc".removeprefix("x"), "abc".removesuffix(""))
print("a-b-c".split("-", maxsplit=1), "a b c".split(maxsplit=1))
print("abc".startswith(""), "".endswith(""))
print("tab\tsep".split("\t"))
print(str.upper("x"), str.join(",", "ab"))
print("%s" % "x".join("123"))
