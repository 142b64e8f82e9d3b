# Non-ASCII string literals keep their code points exactly.
s = "naïve café"
print(s, len(s))
print(s[2], s[-1], s[::-1])
e = "€ and 日本語"
print(e, len(e), e[-3:], e.upper())
print("Ω" * 3)
print([c for c in "añb"])
print(ord("é"), chr(233), ord("€"), chr(0x65e5))
