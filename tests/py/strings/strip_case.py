# strip family and case conversion.
s = "  \t Hello World \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "..a..".lstrip("."), "..a..".rstrip("."))
print("Hello".upper(), "Hello".lower(), "hello world".title(), "hELLO".capitalize())
print("Hello".swapcase(), "straße".lower())
print("MiXeD 123".upper(), "MiXeD 123".lower())
