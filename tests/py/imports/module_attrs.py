# Module objects: attributes, setattr/getattr, dir() and globals of a module.
import _helper

print(sorted(n for n in dir(_helper) if not n.startswith("__")))
_helper.new_attr = "added"
print(getattr(_helper, "new_attr"), hasattr(_helper, "missing"))
print(_helper.func.__name__, _helper.Thing.__name__, _helper.Thing.__module__)
try:
    _helper.missing
except AttributeError:
    print("AttributeError")
print(__name__, type(_helper).__name__)
