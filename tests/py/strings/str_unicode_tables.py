# Case mappings and is*() of every code point below U+3000 and a sample of the rest, as checksums.
def cks(s, h):
    for c in s:
        h = (h * 31 + ord(c)) % 1000000007
    return h


def block(cps):
    u = l = t = f = w = k = 0
    for cp in cps:
        c = chr(cp)
        u = cks(c.upper(), u)
        l = cks(c.lower(), l)
        t = cks(c.title(), t)
        f = cks(c.casefold(), f)
        w = cks(c.swapcase(), w)
        b = 0
        for x in (c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(), c.isprintable(),
                  c.isidentifier(), ("a" + c).isidentifier(), c.islower(), c.isupper(), c.istitle(),
                  c.isalnum()):
            b = b * 2 + (1 if x else 0)
        k = (k * 4099 + b) % 1000000007
    return u, l, t, f, w, k


for base in range(0, 0x3000, 0x400):
    print(hex(base), *block(range(base, base + 0x400)))
for plane in range(17):
    print("plane", plane, *block(range(max(plane * 0x10000, 0x3000), plane * 0x10000 + 0x10000, 61)))
