# __import__() returns a module object.
m = __import__("sys")
import sys
print(m is sys, type(m).__name__, m.__name__)
g = __import__("gc")
print(g.__name__, hasattr(g, "collect"))
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__)
