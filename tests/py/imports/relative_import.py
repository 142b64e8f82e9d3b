# Relative imports inside a package (from . import x, from .. import y).
from mods import relative
print(relative.summary)
print(relative.__name__)
