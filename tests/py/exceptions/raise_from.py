# raise ... from ... sets __cause__; implicit chaining sets __context__.
class ConfigError(Exception):
    pass


def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("bad config") from e


try:
    load()
except ConfigError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise IndexError("plain")
except IndexError as e:
    print(e.__cause__, e.__context__, e.__suppress_context__)

try:
    raise RuntimeError("x") from KeyError("y")
except RuntimeError as e:
    print(repr(e.__cause__))
try:
    raise RuntimeError from ValueError
except RuntimeError as e:
    print(type(e.__cause__).__name__)
