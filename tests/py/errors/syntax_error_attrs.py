# SyntaxError carries the file name and the line number.
for s, name in [("x = 1\ny = )\n", "first.py"), ("ok = 1\nok2 = 2\n1 +\n", "third.py")]:
    try:
        compile(s, name, "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.filename, e.lineno)
try:
    eval("1 + * 2")
except SyntaxError as e:
    print("eval SyntaxError", e.lineno)
try:
    exec("def g():\n    pass\n    x = (]\n")
except SyntaxError as e:
    print("exec SyntaxError", e.lineno)
