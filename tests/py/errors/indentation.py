# IndentationError (a SyntaxError subclass) for bad indentation in compiled source.
cases = [
    "if True:\nprint(1)",
    "def f():\n    x = 1\n      y = 2",
    "  x = 1",
    "if True:\n    x = 1\n  y = 2",
    "for i in range(2):\n\n",
]
for src in cases:
    try:
        exec(src)
        print("ran?!")
    except IndentationError as e:
        print("IndentationError", isinstance(e, SyntaxError))
    except SyntaxError as e:
        print("SyntaxError", type(e).__name__)
