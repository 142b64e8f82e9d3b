# import ... as ... binds only the alias.
import _helper as h
import sys as system

print(h.CONST, system is __import__("sys"))
print("_helper" in dir(), "h" in dir())
from _helper import func as f, CONST as C
print(f(1), C)
