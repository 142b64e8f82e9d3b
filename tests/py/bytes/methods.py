# Common bytes methods.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip())
print(b.strip().split(b", "), b"a b  c".split(), b"a,b".split(b","))
print(b.upper(), b.lower(), b.strip().replace(b"l", b"L"))
print(b.find(b"World"), b.find(b"zz"), b.count(b"l"), b.index(b"H"))
print(b.strip().startswith(b"Hell"), b.strip().endswith(b"ld"))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]))
print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"))
print(b"abc".hex(), bytes.fromhex("6869 21"), bytes.fromhex("ff00"))
print(b"123".isdigit(), b"abc".isalpha(), b" ".isspace())
print(b"x=1".partition(b"="))
