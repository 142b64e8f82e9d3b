# Catching by base class, and Exception not catching BaseException-only classes.
def raise_it(cls):
    try:
        raise cls("x")
    except Exception as e:
        return "Exception caught " + type(e).__name__
    except BaseException as e:
        return "BaseException caught " + type(e).__name__


for cls in [ValueError, KeyError, KeyboardInterrupt, SystemExit, GeneratorExit]:
    print(raise_it(cls))
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
