# Indexing and slicing by code point, including non-ASCII text.
s = "héllo wörld €"
print(len(s), s[0], s[1], s[-1], s[7], s[-2])
print(s[1:5], s[::-1], s[::2], s[-5:], s[:0])
print(s[100:], s[-100:3])
try:
    s[13]
except IndexError:
    print("IndexError")
e = "日本語テキスト"
print(len(e), e[2], e[1:3], e[::-1], e.find("テ"))
emoji = "a😀b"
print(len(emoji), emoji[1] == "😀", emoji[2], ord(emoji[1]))
print(list("añ€"), [ord(c) for c in "añ€"])
print("€" in s, "ö" in s, s.index("€"))
