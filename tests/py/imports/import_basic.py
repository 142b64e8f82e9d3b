# import of a .py module from the script directory; a module runs only once.
import _helper

print(_helper.CONST, _helper.func(2), _helper.Thing(1))
print(_helper.__name__, type(_helper).__name__)
import _helper
import _helper as again
print(again is _helper)
print(_helper.add_item("x"), again.add_item("y"), _helper.items)
_helper.CONST = 1
print(_helper.func(5))
print(_helper.__doc__)
