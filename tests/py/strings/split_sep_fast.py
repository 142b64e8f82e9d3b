# str.split(sep) counts its pieces before building the list: maxsplit limits, separators at
# the ends, adjacent and long separators, non-ASCII text, subclasses and errors.
cases = ["", ",", ",,", "a", "a,b", ",a,b,", "a,,b,,,c", "éà,ü,,😀", "x" * 300 + "," + "y" * 200]
for t in cases:
    for m in [-5, -1, 0, 1, 2, 3, 100, 10**9]:  # (maxsplit is a C ssize_t: 32 bits on the board)
        r = t.split(",", m)
        print(len(r), r[:6] if len(t) < 100 else [len(x) for x in r], t.split(sep=",", maxsplit=m) == r)
long_sep = "<->"
text = "<->".join(["ab", "", "çd", "e" * 150, ""]) + "<-"
for m in [-1, 0, 1, 4, 5]:
    print([x[:5] for x in text.split(long_sep, m)], len(text.split(long_sep * 2, m)))
print("aaaa".split("aa"), "aaaaa".split("aa"), "abcabc".split("abc"), "abc".split("abcd"))
print("a😀b😀".split("😀"), "😀".split("😀"), "x😀y".split("x"))


class S(str):
    pass


r = S("p:q").split(S(":"))
print(r, [type(x).__name__ for x in r], [type(x).__name__ for x in S("pq").split(":")])
for bad in [("",), (1,), (",", "2"), (",", 1.5)]:
    try:
        "a,b".split(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
big = ",".join(str(i) for i in range(5000))
parts = big.split(",")
print(len(parts), parts[0], parts[-1], parts[2500], sum(map(int, parts)))
print(big.split(",", 4999)[-1], len(big.split(",", 4998)), big.split(",", 4998)[-1])
