# try/except with several handlers, tuples of types, and the bare except.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("x")
    if kind == "attr":
        return None.x
    return "ok"


for kind in ["zero", "key", "index", "type", "value", "attr", "none"]:
    try:
        r = risky(kind)
    except ZeroDivisionError:
        r = "ZeroDivisionError"
    except (KeyError, IndexError) as e:
        r = "lookup:" + type(e).__name__
    except TypeError:
        r = "TypeError"
    except:
        r = "bare except"
    print(kind, r)
