# assert with and without a message; the message is evaluated only on failure.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError", e)


def msg():
    print("message evaluated")
    return "computed message"


assert 1, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print(e)
try:
    x = 5
    assert x > 10, f"x is {x}"
except AssertionError as e:
    print(e)
try:
    assert False, {"k": 1}
except AssertionError as e:
    print(e.args[0])
