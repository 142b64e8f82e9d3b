"""A package (and its submodule, imported relatively) from precompiled files."""
import pkg
from pkg.helpers import greet

print(pkg.NAME, pkg.h.greet("x"), greet("y"), pkg.__name__, pkg.helpers.__name__)
