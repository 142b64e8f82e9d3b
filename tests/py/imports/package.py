# Importing a package and its submodules.
import mods
print(mods.PKG_VALUE, mods.__name__)
from mods import sub
print(sub.value, sub.twice(4), sub.__name__)
import mods.sub
print(mods.sub is sub)
import mods.deep.leaf
print(mods.deep.leaf.LEAF, mods.deep.DEEP, mods.deep.leaf.SUB_VALUE)
from mods.deep import leaf
import mods.deep.leaf as leaf2
print(leaf is leaf2, leaf.__name__)
from mods.sub import twice
print(twice(10))
