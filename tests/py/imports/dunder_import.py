# __import__ with packages returns the top-level package.
m = __import__("_helper")
print(m.CONST)
top = __import__("mods.sub")
print(top.__name__, top.sub.value)
import mods.sub
print(top is mods)
