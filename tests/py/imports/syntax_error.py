# Importing a module with a syntax error raises SyntaxError, which can be caught.
try:
    import mods.broken_syntax
except SyntaxError as e:
    print("SyntaxError", type(e).__name__, e.lineno is not None)
print("still running")
