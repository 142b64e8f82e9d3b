# compile() raises SyntaxError for source that does not parse, which can be caught.
bad_sources = [
    "x = (1, 2",
    "def f(:\n    pass",
    "1 +",
    "if True\n    pass",
    "x = = 1",
    "x = [1, 2,, 3]",
    "class",
    "'unterminated",
    '"""also unterminated',
    "print 'hello'",
    "x := 5",
    "for x in range(3):\npass",
    "@\ndef f(): pass",
    "async = def",
    "1 if 2",
    "{1: 2, 3}",
    "x = 0o8",
    "x = 1__0",
]
for src in bad_sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src)[:30])
