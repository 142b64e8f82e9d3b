# Standard messages of str methods, str % args and str.format.
def msg(f):
    try:
        f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return "no error"


cases = [
    lambda: "abc".find(1), lambda: "abc".find("a", "x"), lambda: "abc".index("z"),
    lambda: "abc".startswith(1), lambda: "abc".startswith((1,)), lambda: "abc".split(1),
    lambda: "abc".split(""), lambda: "abc".split(",", "x"), lambda: "abc".split(x=1),
    lambda: "abc".split(" ", sep=" "), lambda: ",".join([1]), lambda: ",".join(5),
    lambda: "abc".replace(1, "x"), lambda: "abc".center(5, "ab"), lambda: "abc".center(5, 1),
    lambda: "abc".strip(1), lambda: "abc".partition(""), lambda: "abc".removeprefix(1),
    lambda: "é".encode("ascii"), lambda: "a€😀".encode("latin-1"), lambda: "a".encode("foo"),
    lambda: "é".encode("ascii", "x"), lambda: "a".translate({97: -1}), lambda: "a".translate({97: 1.5}),
    lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1), lambda: str.upper(1), lambda: str.upper(),
    lambda: "a".upper(1), lambda: "a".find(), lambda: "a".center(), lambda: "a".join(), lambda: "a".strip(1, 2),
    lambda: "%d" % "x", lambda: "%x" % 1.5, lambda: "%c" % "ab", lambda: "%c" % -1, lambda: "%f" % "x",
    lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%(a)s" % 5, lambda: "%(a" % {},
    lambda: "%" % (), lambda: "%y" % 1, lambda: "%é" % 1, lambda: "%*d" % ("a", 1), lambda: "%5%" % (1,),
    lambda: "{} }".format(1), lambda: "{".format(), lambda: "{0".format(1), lambda: "{0!".format(1),
    lambda: "{0!x}".format(1), lambda: "{0!rx}".format(1), lambda: "{0:".format(1), lambda: "{} {1}".format(1, 2),
    lambda: "{1} {}".format(1, 2), lambda: "{2}".format(1), lambda: "{a}".format(), lambda: "{0[}".format(1),
    lambda: "{0[0]x}".format([1]), lambda: "{0.}".format(1), lambda: "{:{:{:{}}}}".format(1, 2, 3, 4),
    lambda: "{:d}".format("x"), lambda: "{0{}".format(1), lambda: "{}".format_map({}),
    lambda: "{99999999999999999999}".format(1), lambda: "x".format_map(),
]
for c in cases:
    print(msg(c))
