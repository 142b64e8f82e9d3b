# Source that parses but is still invalid: the compiler raises SyntaxError for it.
bad_sources = [
    "return 5",
    "break",
    "continue",
    "if True:\n    break",
    "def f():\n    class C:\n        return 1",
    "nonlocal x",
    "def f():\n    nonlocal q",
    "def f():\n    x = 1\n    global x",
    "None = 1",
    "True = 2",
    "1 = x",
    "f() = 3",
    "del f()",
    "a, b += 1",
    "*a = [1]",
    "def f(a, a): pass",
    "def f(a=1, b): pass",
    "f(a=1, 2)",
    "f(x for x in y, 1)",
    "def f():\n    x = await y",
    "yield 1",
    "[x for x in y] = 1",
    "lambda: x = 1",
]
for src in bad_sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src))
