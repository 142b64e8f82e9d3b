# from module import * honours __all__ and otherwise skips names starting with _.
from _star import *
from _star_noall import *

print(exported, also)
print("not_listed" in dir(), "public_a" in dir(), "public_b" in dir(), "_hidden" in dir())
