# repr() of strings: quote choice and escapes.
cases = ["plain", "it's", 'say "hi"', "both ' \"", "tab\t", "nl\n", "cr\r",
         "back\\slash", "\x00\x01\x7f", "é", "€", "\x80", "日本", "😀", ""]
for c in cases:
    print(repr(c))
