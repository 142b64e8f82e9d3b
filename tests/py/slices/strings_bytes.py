# Slicing strings (by code point) and bytes gives new objects of the same type.
s = "añb€c😀d"
print(s[1:4], s[::2], s[-2:], s[::-1], len(s[2:]))
b = "añb".encode()
print(b[1:3], b[1:3].decode(), type(b[1:]).__name__)
print("abc"[1:1] == "", "abc"[5:10] == "")
url = "https://example.com/path"
print(url[:url.index(":")], url[url.index("//") + 2:url.index("/", 8)])
