"""Submodule using relative imports."""
from . import sub
from .sub import twice
from .deep import leaf
from . import PKG_VALUE

summary = (sub.value, twice(21), leaf.LEAF, PKG_VALUE)
