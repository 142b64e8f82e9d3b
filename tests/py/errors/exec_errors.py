# Runtime errors inside exec/eval propagate to the caller.
for src in ["1/0", "[][1]", "undefined_name_q", "int('z')", "raise KeyError('k')"]:
    try:
        exec(src)
    except Exception as e:
        print(type(e).__name__)
try:
    eval("len(5)")
except TypeError:
    print("TypeError from eval")
ns = {}
exec("def f():\n    raise ValueError('from exec func')", ns)
try:
    ns["f"]()
except ValueError as e:
    print(e)
