from greet.words import WORD
from fmtlib import shout


def hello(name):
    return shout(WORD + ", " + name)
