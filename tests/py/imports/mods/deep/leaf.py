"""A module two packages deep."""
from .. import sub

LEAF = "leaf"
SUB_VALUE = sub.value
