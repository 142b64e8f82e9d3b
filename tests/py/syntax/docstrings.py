# Docstrings of modules, functions, classes and methods (__doc__).
"""Module docstring for the docstrings test."""


def f():
    """Function docstring."""
    return 1


def g():
    x = 1
    "not a docstring"
    return x


class C:
    """Class docstring."""

    def m(self):
        """Method docstring."""


def multi():
    """First line.

    More lines.
    """


print(__doc__)
print(f.__doc__)
print(g.__doc__)
print(C.__doc__)
print(C.m.__doc__)
print(C().m.__doc__)
print(multi.__doc__.splitlines()[0])
print((lambda: 0).__doc__)


class NoDoc:
    pass


print(NoDoc.__doc__)
