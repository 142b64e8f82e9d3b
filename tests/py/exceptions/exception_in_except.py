# Errors in except clauses, and try inside except.
def handler_fails():
    try:
        raise ValueError("a")
    except ValueError:
        return undefined_name


try:
    handler_fails()
except NameError as e:
    print("NameError with context", type(e.__context__).__name__)
try:
    raise KeyError("x")
except KeyError:
    try:
        raise IndexError("y")
    except IndexError as inner:
        print("inner", type(inner.__context__).__name__)
    print("still in outer handler")
results = []
for exc in (ValueError, TypeError, None):
    try:
        try:
            if exc:
                raise exc("e")
        except ValueError:
            results.append("V")
            raise RuntimeError("converted")
    except RuntimeError:
        results.append("R")
    except TypeError:
        results.append("T")
    else:
        results.append("none")
print(results)
