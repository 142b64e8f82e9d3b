from .helpers import greet
from . import helpers as h

NAME = "pkg"
print("pkg init", __name__, greet("init"))
